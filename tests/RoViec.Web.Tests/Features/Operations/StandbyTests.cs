using System.Diagnostics;

namespace RoViec.Web.Tests;

/// <summary>
/// A hot standby for provinces that need availability (README: "Triển khai cho tỉnh"), with PostgreSQL's own streaming
/// replication as documented there: a standby made from the primary by pg_basebackup -R follows it, and a row written on
/// the primary is read on the standby. Runs on a primary of its own (scripts/pg.sh with its own state file), so the
/// copy is small.
/// </summary>
public sealed class StandbyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("roviec-standby-").FullName;

    private string PrimaryState => Path.Combine(_directory, "primary.state");

    [Fact]
    public async Task A_standby_made_with_pg_basebackup_reads_what_the_primary_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        var primary = Script("start");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(primary) { Pooling = false };
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_basebackup"))).OrderBy(d => d, StringComparer.Ordinal).Last();
        var standby = Path.Combine(_directory, "standby");
        var standbyPort = ProductionProcess.FreePort();
        try
        {
            await ExecuteAsync(builder.ConnectionString, "CREATE TABLE before_copy (id int primary key, note text); INSERT INTO before_copy VALUES (1, 'trước');", ct);
            Directory.CreateDirectory(standby);
            AsOwner(Own(_directory));
            AsOwner(Own(standby));
            // The base copy, with the settings that make it a standby of this primary (-R: standby.signal, primary_conninfo).
            AsOwner(Path.Combine(bin, "pg_basebackup"), "-h", "127.0.0.1", "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", "postgres", "-D", Path.Combine(standby, "data"), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync");
            AsOwner(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(standby, "data"), "-l", Path.Combine(standby, "log"), "-w", "-t", "60",
                // At least as many connections as its primary allows (scripts/pg.sh: 200), or recovery stops.
                "-o", $"-c listen_addresses=127.0.0.1 -p {standbyPort} -c unix_socket_directories={standby} -c hot_standby=on -c max_connections=200", "start");

            await ExecuteAsync(builder.ConnectionString, "INSERT INTO before_copy VALUES (2, 'sau khi sao');", ct);
            var onStandby = new Npgsql.NpgsqlConnectionStringBuilder(builder.ConnectionString) { Port = standbyPort }.ConnectionString;
            string? seen = null;
            for (var i = 0; i < 100 && seen is null; i++)
            {
                seen = await ScalarAsync(onStandby, "SELECT note FROM before_copy WHERE id = 2", ct);
                if (seen is null) await Task.Delay(100, ct);
            }
            Assert.Equal("sau khi sao", seen);
            Assert.Equal("t", await ScalarAsync(onStandby, "SELECT pg_is_in_recovery()::text::char", ct));
            // The standby refuses writes: it is a read-only copy until promoted.
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => ExecuteAsync(onStandby, "INSERT INTO before_copy VALUES (3, 'x')", ct));
            Assert.Equal("25006", refused.SqlState);
        }
        finally
        {
            if (File.Exists(Path.Combine(standby, "data", "postmaster.pid")))
                AsOwner(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(standby, "data"), "-m", "immediate", "stop");
            Script("stop");
        }
    }

    private static async Task ExecuteAsync(string cs, string sql, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(cs);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(string cs, string sql, CancellationToken ct)
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(cs);
            await connection.OpenAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return (await command.ExecuteScalarAsync(ct))?.ToString();
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "42P01")
        {
            return null;
        }
    }

    /// <summary>scripts/pg.sh with this test's own state file: its own small primary.</summary>
    private string Script(string verb)
    {
        var start = new ProcessStartInfo(Path.Combine(SourceTree.Root, "scripts", "pg.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(verb);
        start.Environment["ROVIEC_PG_STATE"] = PrimaryState;
        start.Environment["ROVIEC_PG_PORT"] = "56432";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pg.sh {verb}: {error}");
        return output.Trim();
    }

    private static string[] Own(string path) => Environment.UserName == "root" ? ["chown", "postgres:", path] : ["true"];

    /// <summary>Runs a PostgreSQL program as the server's owner (`postgres` when the tests run as root).</summary>
    private static void AsOwner(params string[] command)
    {
        var root = Environment.UserName == "root" && command[0] != "chown";
        var start = new ProcessStartInfo(root ? "runuser" : command[0]) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = "/tmp" };
        if (root)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(command[0]);
        }
        foreach (var a in command.Skip(1)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', command)}: {error} {output.Result}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
