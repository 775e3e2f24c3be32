using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RoViec.Web.Tests;

/// <summary>POST /api/imports: a plan document in, its summary out; refusals carry the importer's Vietnamese message and status.</summary>
public sealed class ApiImportTests
{
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds");
    private static readonly Uri Imports = new("/api/imports", UriKind.Relative);

    [Fact]
    public async Task Readable_plan_becomes_a_draft_answered_with_201_and_its_counts()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        using var reader = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "truongban"));

        using var response = await PostAsync(api, await File.ReadAllBytesAsync(Path.Combine(Seeds, "thien-tan-kh-2026.txt"), ct), "thien-tan.txt");
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var planId = summary.GetProperty("planId").GetGuid();
        var draft = await api.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString(), ct);
        using var hidden = await reader.GetAsync(response.Headers.Location, ct);
        var readerPlans = await reader.GetFromJsonAsync<JsonElement>("/api/plans", ct);
        using var browser = await app.SignedInClientAsync("thuongtruc");
        var review = await browser.GetStringAsync(new Uri(summary.GetProperty("reviewUrl").GetString()!, UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/plans/{planId}", response.Headers.Location!.ToString());
        Assert.Equal(39, summary.GetProperty("taskCount").GetInt32());
        Assert.Equal("Draft", summary.GetProperty("status").GetString());
        Assert.Equal("thien-tan.txt", summary.GetProperty("fileName").GetString());
        Assert.Equal(39, draft.GetProperty("taskCount").GetInt32());
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        // A draft is the plan managers' business until it is confirmed.
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(readerPlans.EnumerateArray(), p => p.GetProperty("id").GetGuid() == planId);
        Assert.Contains("39 nhiệm vụ", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Damaged_document_is_400_and_unsupported_type_415_with_the_importers_vietnamese_message()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        var random = new byte[4096];
        new Random(7).NextBytes(random);

        using var damaged = await PostAsync(api, random, "ke-hoach.docx");
        var damagedProblem = await damaged.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var image = await PostAsync(api, "xin chào"u8.ToArray(), "anh.png");
        var imageProblem = await image.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var json = await api.PostAsJsonAsync(Imports, new { file = "ke-hoach.docx" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.StartsWith("Tệp .docx bị hỏng", damagedProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("corrupt-docx", damagedProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, image.StatusCode);
        Assert.StartsWith("Định dạng tệp \".png\" chưa được hỗ trợ", imageProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Upload_over_the_limit_is_413_before_the_file_is_read()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "thuongtruc"));
        await using var body = new CountingStream(new MemoryStream(new byte[21 * 1024 * 1024]));

        using var content = new MultipartFormDataContent();
        var file = new StreamContent(body);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "file", "ke-hoach.txt");
        using var response = await api.PostAsync(Imports, content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        // The body says why when the answer is another (a 401 was once seen under heavy load).
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {text}");
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.StartsWith("Tệp quá lớn", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("too-large", problem.GetProperty("code").GetString());
        Assert.True(body.BytesRead < 4 * 1024 * 1024, $"{body.BytesRead} bytes were read before the refusal");
    }

    [Fact]
    public async Task Import_needs_a_plan_managers_token()
    {
        await using var app = new RoViecApp();
        var ct = TestContext.Current.CancellationToken;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Seeds, "thien-tan-kh-2026.txt"), ct);
        using var reporter = ApiClients.WithToken(app, await ApiClients.CreateTokenAsync(app, "congan"));
        using var browser = await app.SignedInClientAsync("thuongtruc");

        using var byReporter = await PostAsync(reporter, bytes, "thien-tan.txt");
        using var byCookie = await PostAsync(browser, bytes, "thien-tan.txt");

        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
        Assert.Contains("cần mã API", await byCookie.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await client.PostAsync(Imports, content, TestContext.Current.CancellationToken);
    }

    /// <summary>A request body that counts how much of it was read.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
