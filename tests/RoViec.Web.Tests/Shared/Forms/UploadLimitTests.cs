using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace RoViec.Web.Tests;

/// <summary>An upload far over the limit is refused from its declared length (the server does not read it), with a Vietnamese page.</summary>
public sealed class UploadLimitTests
{
    [Fact]
    public async Task Upload_declared_far_over_the_limit_is_413_with_a_vietnamese_page_and_nothing_saved()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignedInClientAsync("thuongtruc");
        var form = await client.GetStringAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), ct);
        var body = new CountingStream(200L * 1024 * 1024);
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(body);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(new StringContent(RoViecApp.AntiforgeryToken(form)), "__RequestVerificationToken");
        content.Add(file, "Document", "ke-hoach-200mb.docx");
        // What a browser declares for a 200 MB file.
        content.Headers.ContentLength = body.Length + 1024;

        var response = await client.PostAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), content, ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp quá lớn", html, StringComparison.Ordinal);
        Assert.Contains("tối đa 20 MB", html, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RoViec.Data.RoViecDbContext>(scope.ServiceProvider).Uploads, ct));
    }

    /// <summary>A long stream of zeros that counts how much of it was read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Consumed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Consumed);
            Array.Clear(buffer, offset, n);
            Consumed += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
