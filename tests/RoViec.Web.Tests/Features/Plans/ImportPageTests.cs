using System.Net;
using System.Net.Http.Headers;

namespace RoViec.Web.Tests;

/// <summary>Upload a plan document, review what was read, confirm it; bad files get the importer's Vietnamese message.</summary>
public sealed class ImportPageTests
{
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds");

    [Fact]
    public async Task Uploaded_plan_is_shown_for_review_and_becomes_the_plan_when_confirmed()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var document = await File.ReadAllBytesAsync(Path.Combine(Seeds, "thien-tan-kh-2026.txt"), TestContext.Current.CancellationToken);
        var review = await UploadAsync(client, document, "thien-tan.txt");
        var html = await review.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        // The document is kept in the file store under the hash of its bytes, not in the database.
        var upload = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Uploads, TestContext.Current.CancellationToken));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document));
        Assert.Equal((sha256, (byte[]?)null), (upload.ContentSha256, upload.Content));
        Assert.Equal(document, await File.ReadAllBytesAsync(Path.Combine(app.FilesFolder, sha256[..2], sha256), TestContext.Current.CancellationToken));
        Assert.Contains("39 nhiệm vụ", html, StringComparison.Ordinal);
        Assert.Contains("Đánh giá hiệu quả áp dụng, khả năng nhân rộng của các sáng kiến.", html, StringComparison.Ordinal);
        // The source text sits beside the tasks, each task's span marked and linked.
        Assert.Contains("<mark id=\"t-0\">Tổ chức rà soát, chuẩn hóa các nội dung", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#t-0\"", html, StringComparison.Ordinal);
        var token = RoViecApp.AntiforgeryToken(html);
        using var confirm = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["replace"] = "none", ["knowingly"] = "true" });
        var done = await client.PostAsync(new Uri(review.RequestMessage!.RequestUri + "?handler=Confirm"), confirm, TestContext.Current.CancellationToken);
        var plan = await done.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Đã xác nhận kế hoạch", plan, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ (39)", plan, StringComparison.Ordinal);
        Assert.Contains("Nhập từ tệp thien-tan.txt", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Damaged_document_is_refused_with_a_vietnamese_message_and_400()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        var random = new byte[4096];
        new Random(7).NextBytes(random);

        var response = await UploadAsync(client, random, "ke-hoach.docx");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp .docx bị hỏng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Damaged_document_is_refused_in_english_when_the_reader_chose_english()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();
        await client.GetAsync(new Uri("/ngon-ngu?culture=en&returnUrl=%2F", UriKind.Relative), TestContext.Current.CancellationToken);
        var random = new byte[4096];
        new Random(7).NextBytes(random);

        var response = await UploadAsync(client, random, "ke-hoach.docx");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The .docx file is damaged or incomplete (", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tệp .docx bị hỏng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_type_is_415()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var response = await UploadAsync(client, "xin chào"u8.ToArray(), "anh.png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var form = await client.GetStringAsync(new Uri("/nhap-ke-hoach", UriKind.Relative));
        var token = RoViecApp.AntiforgeryToken(form);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Document", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), content);
    }
}
