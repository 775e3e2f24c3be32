using System.Text.RegularExpressions;

namespace RoViec.Web.Tests;

/// <summary>
/// A form that names its action is not given an anti-forgery token by the form tag helper unless it asks for one; a
/// browser posting it is refused with 400 (an administrator could create no account that way). Every such form asks.
/// </summary>
public sealed partial class AntiforgeryFormTests
{
    /// <summary>The citizen's feedback form: anonymous, no session to abuse, checked by its own endpoint (FeedbackForm).</summary>
    private static readonly string[] WithoutToken = ["Features/Public/Index.cshtml"];

    [Fact]
    public void Every_post_form_with_its_own_action_carries_an_antiforgery_token()
    {
        var missing = new List<string>();
        foreach (var file in SourceTree.Files(SourceTree.Web, "*.cshtml"))
        {
            var relative = Path.GetRelativePath(SourceTree.Web, file).Replace('\\', '/');
            if (WithoutToken.Contains(relative)) continue;
            foreach (Match form in PostFormWithAction().Matches(File.ReadAllText(file)))
            {
                if (!form.Value.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal)) missing.Add($"{relative}: {form.Value}");
            }
        }
        Assert.True(missing.Count == 0, "Post forms without a token:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"<form\b[^>]*\bmethod=""post""[^>]*\baction=[^>]*>|<form\b[^>]*\baction=[^>]*\bmethod=""post""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostFormWithAction();
}
