using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace RoViec.Web.Tests;

/// <summary>
/// A real SMTP server on a loopback port inside the test process (RFC 5321: greeting, EHLO, MAIL, RCPT, DATA
/// with dot-stuffing, RSET, NOOP, QUIT), keeping every message it accepts as the bytes it received.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public sealed record Received(string From, IReadOnlyList<string> To, byte[] Data)
    {
        /// <summary>The message as a mail reader decodes it (MIME headers and transfer encodings undone).</summary>
        public MimeMessage Message => MimeMessage.Load(new MemoryStream(Data));
    }

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Received> _messages = new();
    private readonly Task _accepting;
    private int _refuse;

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<Received> Messages => [.. _messages];

    /// <summary>The settings pointing the application at this sink.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["RoViec:Smtp:Host"] = "127.0.0.1",
        ["RoViec:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RoViec:Smtp:From"] = "RoViec <thongbao@roviec.local>",
        ["RoViec:PublicUrl"] = "https://roviec.example.vn",
    };

    /// <summary>The next <paramref name="count"/> messages are refused after their data with a temporary failure (451).</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    /// <summary>Messages to one address.</summary>
    public IReadOnlyList<Received> To(string address) =>
        [.. Messages.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new LineReader(stream);
        async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), _stop.Token);
        try
        {
            await Reply("220 sink.roviec.test ESMTP");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } bytes)
            {
                var line = Encoding.UTF8.GetString(bytes);
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply("250-sink.roviec.test\r\n250-8BITMIME\r\n250 SIZE 10485760");
                        break;
                    case "HELO":
                        await Reply("250 sink.roviec.test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await Reply("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await Reply("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        using (var data = new MemoryStream())
                        {
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine)
                            {
                                if (dataLine is [(byte)'.']) break;
                                var start = dataLine.Length > 0 && dataLine[0] == '.' ? 1 : 0;
                                data.Write(dataLine, start, dataLine.Length - start);
                                data.Write("\r\n"u8);
                            }
                            if (Interlocked.Decrement(ref _refuse) >= 0)
                            {
                                await Reply("451 4.3.0 Thử lại sau (try again later)");
                            }
                            else
                            {
                                Interlocked.Exchange(ref _refuse, 0);
                                _messages.Enqueue(new Received(from ?? "", [.. to], data.ToArray()));
                                await Reply("250 2.0.0 Queued");
                            }
                        }
                        from = null;
                        to = [];
                        break;
                    case "RSET":
                        from = null;
                        to = [];
                        await Reply("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await Reply("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await Reply("221 2.0.0 Bye");
                        return;
                    default:
                        await Reply("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the sink is stopping.
        }
    }

    /// <summary>The address between the angle brackets of "MAIL FROM:&lt;a@b&gt; …" or "RCPT TO:&lt;a@b&gt;".</summary>
    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', open + 1);
        return open >= 0 && close > open ? line[(open + 1)..close] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    /// <summary>Reads CRLF-terminated lines as bytes (message data may be 8-bit).</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<byte[]?> ReadLineAsync(CancellationToken ct)
        {
            using var line = new MemoryStream();
            while (true)
            {
                for (var i = _start; i < _end; i++)
                {
                    if (_buffer[i] != '\n') continue;
                    line.Write(_buffer, _start, i - _start);
                    _start = i + 1;
                    var bytes = line.ToArray();
                    return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
                }
                line.Write(_buffer, _start, _end - _start);
                _start = _end = 0;
                var read = await stream.ReadAsync(_buffer, ct);
                if (read == 0) return line.Length > 0 ? line.ToArray() : null;
                _end = read;
            }
        }
    }
}
