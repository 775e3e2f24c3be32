using System.Net;
using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>A field's error message is tied to its field for screen readers, on every form written with asp-for.</summary>
public sealed partial class FieldErrorTests
{
    [Fact]
    public async Task A_field_with_an_error_names_its_message_and_says_it_is_invalid()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();

        var refused = await admin.PostFormAsync("/nguoi-dung/moi", "/nguoi-dung/moi",
            ("Input.UserName", ""), ("Input.FullName", "Nguyễn Văn A"), ("Input.Roles", "UnitReporter"), ("Input.Password", ""));
        var html = await refused.BodyAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var field = Assert.Single(InvalidFieldRegex().Matches(html));
        Assert.Contains("name=\"Input.UserName\"", field.Value, StringComparison.Ordinal);
        var message = MessageRegex("Input_UserName-loi").Match(html);
        Assert.True(message.Success, "no element with id Input_UserName-loi");
        Assert.False(string.IsNullOrWhiteSpace(Regex.Replace(message.Groups[1].Value, "<[^>]+>", "")), "the message is empty");
        // A field without an error is not marked.
        Assert.DoesNotMatch(@"<input[^>]*name=""Input.FullName""[^>]*aria-invalid", html);
    }

    /// <summary>Pages that write their own messages, with the ids the fields point at (FieldErrors.MessageId).</summary>
    private static readonly string[] OwnMessages = ["Features/Periods/Index.cshtml"];

    /// <summary>Checkboxes (bool fields): the tag helper writes their type, and their only error is a forged value.</summary>
    private static readonly string[] Checkboxes = ["Rules.Monthly", "Rules.Quarterly", "Rules.RequireHeadApproval", "Input.Priority"];

    [Fact]
    public async Task Every_visible_field_written_with_asp_for_has_its_message()
    {
        var web = SourceTree.Web;
        var missing = new List<string>();
        foreach (var file in SourceTree.Files(web, "*.cshtml"))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            var relative = Path.GetRelativePath(web, file).Replace('\\', '/');
            foreach (Match field in FieldRegex().Matches(text))
            {
                if (field.Value.Contains("type=\"hidden\"", StringComparison.Ordinal) || field.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal)) continue;
                var name = field.Groups[1].Value;
                if (Checkboxes.Contains(name)) continue;
                var id = name.Replace('.', '_') + "-loi";
                var has = text.Contains($"asp-validation-for=\"{name}\"", StringComparison.Ordinal) || (OwnMessages.Contains(relative) && text.Contains($"id=\"{id}\"", StringComparison.Ordinal));
                if (!has) missing.Add($"{relative}: {name}");
            }
        }

        Assert.True(missing.Count == 0, "Trường không có thông báo lỗi gắn kèm (fields without their message): " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"<(?:input|select|textarea)[^>]*asp-for=""([^""]+)""[^>]*>")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"<input[^>]*aria-describedby=""Input_UserName-loi""[^>]*aria-invalid=""true""[^>]*>|<input[^>]*aria-invalid=""true""[^>]*aria-describedby=""Input_UserName-loi""[^>]*>")]
    private static partial Regex InvalidFieldRegex();

    private static Regex MessageRegex(string id) => new($@"<span[^>]*id=""{Regex.Escape(id)}""[^>]*>(.*?)</span>", RegexOptions.Singleline);
}
