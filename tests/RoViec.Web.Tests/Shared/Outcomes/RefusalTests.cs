using System.Reflection;
using System.Text.RegularExpressions;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Tests;

/// <summary>
/// Outcomes reach HTTP in one place: every refused case of a use case names a <see cref="Refusal"/>, and only
/// <see cref="Refusals.Status"/> turns a refusal into a status — features, pages and endpoints never write one.
/// </summary>
public sealed partial class RefusalTests
{
    /// <summary>The names the outcome families give their refused cases.</summary>
    private static readonly string[] RefusedCaseNames = ["NotFound", "Forbidden", "Conflict", "Invalid", "BadRequest", "Refused", "RefusedFile", "ConfirmedMeanwhile"];

    [Fact]
    public void Every_refusal_is_a_client_error_and_the_statuses_are_distinct()
    {
        var statuses = Enum.GetValues<Refusal>().Select(Refusals.Status).ToList();
        Assert.All(statuses, s => Assert.InRange(s, 400, 499));
        Assert.Equal(statuses.Count, statuses.Distinct().Count());
        Assert.Equal(404, Refusals.Status(Refusal.NotFound));
        Assert.Equal(409, Refusals.Status(Refusal.Conflict));
        Assert.Equal(422, Refusals.Status(Refusal.Invalid));
    }

    [Fact]
    public void Every_refused_case_of_an_outcome_family_names_its_refusal()
    {
        var families = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.Namespace?.StartsWith("RoViec.Web.Features", StringComparison.Ordinal) == true
                && t.GetMethod("<Clone>$") is not null)
            .ToList();
        Assert.NotEmpty(families);
        var cases = families.SelectMany(f => f.GetNestedTypes().Where(c => c.IsSealed && f.IsAssignableFrom(c))).ToList();
        Assert.True(cases.Count > 30, $"only {cases.Count} outcome cases found");
        var missing = cases.Where(c => RefusedCaseNames.Contains(c.Name) && !typeof(IRefused).IsAssignableFrom(c))
            .Select(c => c.FullName).ToList();
        Assert.True(missing.Count == 0, "Refused cases that do not say their refusal: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_feature_writes_an_http_status_of_its_own()
    {
        var offenders = new List<string>();
        foreach (var file in SourceTree.Files(Path.Combine(SourceTree.Web, "Features"), "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                // OpenAPI metadata describes statuses; it decides none.
                if (line.Contains("Produces", StringComparison.Ordinal)) continue;
                if (StatusWritten().IsMatch(line))
                    offenders.Add($"{Path.GetRelativePath(SourceTree.Web, file)}:{i + 1}: {line.Trim()}");
            }
        }
        Assert.True(offenders.Count == 0, "Write a Refusal instead of a status:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_rule_reader_sees_a_status_written_by_hand()
    {
        Assert.Matches(StatusWritten(), "        Response.StatusCode = StatusCodes.Status409Conflict;");
        Assert.Matches(StatusWritten(), "return StatusCode(StatusCodes.Status403Forbidden);");
        Assert.Matches(StatusWritten(), "Results.Content(html, \"text/html\", statusCode: StatusCodes.Status422UnprocessableEntity);");
        Assert.Matches(StatusWritten(), "ApiProblems.Problem(StatusCodes.Status404NotFound, \"…\")");
        Assert.DoesNotMatch(StatusWritten(), "return this.Refuse(Refusal.Conflict);");
        Assert.DoesNotMatch(StatusWritten(), "catch (BadHttpRequestException e) when (e is { StatusCode: StatusCodes.Status413PayloadTooLarge })");
    }

    /// <summary>A 4xx status constant used as a value (not read from an exception), or a status code assigned.</summary>
    [GeneratedRegex(@"(?<!StatusCode: )StatusCodes\.Status4\d\d(?!\w*\s*\})|Response\.StatusCode\s*=(?!=)")]
    private static partial Regex StatusWritten();
}
