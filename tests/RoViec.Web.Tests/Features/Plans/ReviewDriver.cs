using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>What an officer does on the import and review screens, through the real forms.</summary>
public sealed partial class ReviewDriver(RoViecApp app, HttpClient client)
{
    public static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A small plan of a commune: two tasks led by "Ban Quản lý chợ" (not in the catalogue), the second
    /// two sentences; the third without an output; every task without a directing member.
    /// </summary>
    public static byte[] SmallPlan(string extraName = "") => Encoding.UTF8.GetBytes(
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\n\nSố: 21/KH-UBND\n\nHòa Bình, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nChuyển đổi số năm 2026\n\n" +
        "I. MỤC TIÊU\n\n- Phấn đấu 100% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n" +
        "TT\tNhiệm vụ\tChủ trì\tPhối hợp\tSản phẩm\tThời hạn\n" +
        "1\tTriển khai thanh toán không dùng tiền mặt tại chợ xã" + extraName + "\tBan Quản lý chợ\tPhòng Kinh tế\tBáo cáo kết quả triển khai\tQuý II/2026\n" +
        "2\tHướng dẫn tiểu thương mở tài khoản thanh toán điện tử. Tổ chức tập huấn cho hộ kinh doanh về hóa đơn điện tử\tBan Quản lý chợ\tHội Phụ nữ\tDanh sách tiểu thương có tài khoản\tTháng 9/2026\n" +
        "3\tSố hóa hồ sơ hộ tịch còn lưu giữ tại xã\tVăn phòng HĐND và UBND xã\tCông an xã\t\t30/11/2026\n");

    public static async Task<byte[]> SeedAsync(string name) => await File.ReadAllBytesAsync(Path.Combine(Seeds, name), Ct);

    /// <summary>Uploads a document; answers the upload response (a redirect to the draft when it was read).</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string fileName)
    {
        var form = await client.GetStringAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), Ct);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Document", fileName);
        content.Add(new StringContent(RoViecApp.AntiforgeryToken(form)), "__RequestVerificationToken");
        return await client.PostAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), content, Ct);
    }

    /// <summary>Uploads a document and answers the id of the draft it became.</summary>
    public async Task<Guid> DraftAsync(byte[] bytes, string fileName)
    {
        using var response = await UploadAsync(bytes, fileName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = DraftUrlRegex().Match(response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(match.Success, "the upload did not lead to a draft: " + response.RequestMessage.RequestUri);
        return Guid.Parse(match.Groups[1].Value);
    }

    public Task<string> ReviewAsync(Guid planId, string query = "") => client.GetStringAsync(new Uri($"/nhap-ke-hoach/{planId}{query}", UriKind.Relative), Ct);

    /// <summary>The draft's tasks as stored, in plan order.</summary>
    public async Task<List<PlanTaskRow>> TasksAsync(Guid planId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
        return await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync(Ct);
    }

    public async Task<T> DbAsync<T>(Func<RoViecDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<RoViecDbContext>());
    }

    /// <summary>The review card of one task (its fields and defects) as the page shows it.</summary>
    public static string Card(string html, Guid taskId)
    {
        var start = html.IndexOf($"id=\"task-{taskId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no card for task " + taskId);
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>Opens a task's edit form and posts it back with the given fields changed.</summary>
    public async Task<HttpResponseMessage> CorrectAsync(Guid planId, Guid taskId, IReadOnlyDictionary<string, string> changes, string? staleForm = null)
    {
        var url = new Uri($"/nhap-ke-hoach/{planId}/nhiem-vu/{taskId}", UriKind.Relative);
        var form = staleForm ?? await client.GetStringAsync(url, Ct);
        var fields = FormFields(form);
        foreach (var (name, value) in changes) fields["Input." + name] = value;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content, Ct);
    }

    public Task<string> EditFormAsync(Guid planId, Guid taskId) => client.GetStringAsync(new Uri($"/nhap-ke-hoach/{planId}/nhiem-vu/{taskId}", UriKind.Relative), Ct);

    /// <summary>Posts a handler of the review page (Merge, Delete, MapUnit, Confirm, Discard …) as its buttons do.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(new Uri(path.Split('?')[0], UriKind.Relative), Ct);
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", RoViecApp.AntiforgeryToken(page))));
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    /// <summary>The value the review page gives a task's checkbox and delete button: "{id}:{version}".</summary>
    public static string Ref(string html, Guid id) => RefRegex(id).Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no reference for " + id);

    private static Regex RefRegex(Guid id) => new($@"value=""({id}:[0-9a-f-]+)""", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The fields of the edit form as a browser would post them.</summary>
    private static Dictionary<string, string> FormFields(string html)
    {
        var form = html[html.IndexOf("<form method=\"post\" class=\"edit\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in TextareaRegex().Matches(form)) fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value).TrimStart('\r', '\n');
        foreach (Match m in InputRegex().Matches(form))
        {
            var tag = m.Value;
            var name = AttributeRegex("name").Match(tag).Groups[1].Value;
            var value = WebUtility.HtmlDecode(AttributeRegex("value").Match(tag).Groups[1].Value);
            if (tag.Contains("type=\"checkbox\"", StringComparison.Ordinal))
            {
                if (tag.Contains("checked", StringComparison.Ordinal)) fields[name] = "true";
                continue;
            }
            if (name.Length > 0 && !fields.ContainsKey(name)) fields[name] = value;
        }
        return fields;
    }

    private static Regex AttributeRegex(string name) => new($@"\b{name}=""([^""]*)""", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"<textarea[^>]*name=""([^""]+)""[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextareaRegex();

    [GeneratedRegex(@"<input[^>]*>")]
    private static partial Regex InputRegex();

    [GeneratedRegex(@"^/nhap-ke-hoach/([0-9a-f-]{36})$")]
    private static partial Regex DraftUrlRegex();
}
