using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoViec.Cli.Tests.Fixtures;
using Xunit;

namespace RoViec.Cli.Tests;

/// <summary>`roviec import` on the real sample plans: the JSON contract, the summary, folder mode, UTF-16 input.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private static readonly string[] DeadlineKinds = ["date", "month", "quarter", "year", "recurring", "external", "done", "milestones", "none"];
    private static readonly string[] DatedKinds = ["date", "month", "quarter", "year"];
    private static readonly string[] TaskSources = ["table", "numbered", "bullet"];

    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<string> Seeds() => new(BadFiles.SeedPlans());

    [Fact]
    public void There_are_four_sample_plans_to_test_against()
    {
        Assert.Equal(4, BadFiles.SeedPlans().Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Json_mode_prints_the_plan_in_the_contract_format(string seed)
    {
        var result = CliRunner.Run("import", BadFiles.Seed(seed), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Stderr.Trim().Length == 0, result.ToString());
        var plan = JsonDocument.Parse(result.Stdout).RootElement;

        var document = plan.GetProperty("document");
        AssertKind(document.GetProperty("kind"), JsonValueKind.String);
        Assert.NotEmpty(document.GetProperty("kind").GetString()!);
        AssertStringOrNull(document.GetProperty("issuer"));
        AssertStringOrNull(document.GetProperty("place"));
        var year = document.GetProperty("year");
        if (year.ValueKind != JsonValueKind.Null) Assert.InRange(year.GetInt32(), 2000, 2100);
        AssertStrings(document.GetProperty("legal_basis"));

        var tasks = plan.GetProperty("tasks").EnumerateArray().ToList();
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
        {
            Assert.Contains(task.GetProperty("source").GetString(), TaskSources);
            AssertKind(task.GetProperty("section"), JsonValueKind.String);
            AssertStringOrNull(task.GetProperty("code"));
            Assert.False(string.IsNullOrWhiteSpace(task.GetProperty("name").GetString()), $"a task without a name: {task}");
            AssertStrings(task.GetProperty("lead"));
            AssertStrings(task.GetProperty("support"));
            AssertStringOrNull(task.GetProperty("deadline_raw"));
            AssertStringOrNull(task.GetProperty("output"));

            var deadline = task.GetProperty("deadline");
            var kind = deadline.GetProperty("kind").GetString();
            Assert.Contains(kind, DeadlineKinds);
            var due = deadline.GetProperty("due");
            if (DatedKinds.Contains(kind)) AssertDate(due);
            else if (due.ValueKind != JsonValueKind.Null) AssertDate(due);
            var milestones = deadline.GetProperty("milestones").EnumerateArray().ToList();
            foreach (var milestone in milestones)
            {
                AssertKind(milestone.GetProperty("label"), JsonValueKind.String);
                AssertDate(milestone.GetProperty("due"));
            }
        }

        foreach (var indicator in plan.GetProperty("indicators").EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(indicator.GetProperty("name").GetString()), $"an indicator without a name: {indicator}");
            AssertKind(indicator.GetProperty("target_raw"), JsonValueKind.String);
            var target = indicator.GetProperty("target");
            AssertKind(target.GetProperty("op"), JsonValueKind.String);
            AssertKind(target.GetProperty("value"), JsonValueKind.Number);
            AssertNumberOrNull(target.GetProperty("value_max"));
            AssertKind(target.GetProperty("unit"), JsonValueKind.String);
            AssertNumberOrNull(target.GetProperty("baseline_year"));
            AssertStringOrNull(indicator.GetProperty("owner"));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Summary_mode_prints_a_vietnamese_summary_with_the_number_of_tasks(string seed)
    {
        var json = CliRunner.Run("import", BadFiles.Seed(seed), "--json");
        var taskCount = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("tasks").GetArrayLength();

        var result = CliRunner.Run("import", BadFiles.Seed(seed));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Stdout));
        var countLine = result.Stdout.Split('\n').FirstOrDefault(line =>
            line.Contains("nhiệm vụ", StringComparison.OrdinalIgnoreCase)
            && line.Split([' ', ':', '(', ')', ',', '/'], StringSplitOptions.RemoveEmptyEntries)
                .Contains(taskCount.ToString(CultureInfo.InvariantCulture)));
        Assert.True(countLine is not null, $"no line gives the {taskCount} tasks: {result.Stdout}");
    }

    [Fact]
    public void Folder_mode_with_out_writes_one_plan_json_per_document()
    {
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        foreach (var seed in BadFiles.SeedPlans()) File.Copy(BadFiles.Seed(seed), Path.Combine(input, seed));
        var output = dir.File("out");

        var result = CliRunner.Run("import", input, "--json", "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = Directory.GetFiles(output, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, written.Count);
        foreach (var seed in BadFiles.SeedPlans())
        {
            var target = Path.Combine(output, Path.ChangeExtension(seed, ".json"));
            Assert.True(File.Exists(target), $"no JSON for {seed}; written: {string.Join(", ", written)}");
            var single = CliRunner.Run("import", BadFiles.Seed(seed), "--json");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(single.Stdout), JsonNode.Parse(File.ReadAllText(target))),
                $"folder mode wrote a different plan for {seed} than single-file mode prints");
        }
    }

    [Fact]
    public void Single_file_with_out_also_writes_its_plan_json_there()
    {
        var output = dir.File("out");

        var result = CliRunner.Run("import", BadFiles.Seed("tan-ky-kh-2026.txt"), "--json", "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = Assert.Single(Directory.GetFiles(output, "*.json"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(File.ReadAllText(written))),
            "the JSON written to --out differs from the JSON printed");
    }

    [Fact]
    public void Folder_mode_with_a_refused_document_still_writes_the_others_and_exits_2()
    {
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        File.Copy(BadFiles.Seed("tan-ky-kh-2026.txt"), Path.Combine(input, "tan-ky-kh-2026.txt"));
        BadFiles.RandomBytes(dir, "in/broken.docx", 4096);
        var output = dir.File("out");

        var result = CliRunner.Run("import", input, "--json", "--out", output);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.True(File.Exists(Path.Combine(output, "tan-ky-kh-2026.json")), result.ToString());
        Assert.False(File.Exists(Path.Combine(output, "broken.json")));
        Assert.Contains("broken.docx", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Utf16_with_bom_gives_the_same_plan_as_utf8(string seed)
    {
        var text = File.ReadAllText(BadFiles.Seed(seed), Encoding.UTF8);
        var littleEndian = dir.File("le-" + seed);
        var bigEndian = dir.File("be-" + seed);
        File.WriteAllText(littleEndian, text, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        File.WriteAllText(bigEndian, text, new UnicodeEncoding(bigEndian: true, byteOrderMark: true));
        Assert.Equal(new byte[] { 0xFF, 0xFE }, File.ReadAllBytes(littleEndian)[..2]);
        Assert.Equal(new byte[] { 0xFE, 0xFF }, File.ReadAllBytes(bigEndian)[..2]);

        var utf8 = Plan(CliRunner.Run("import", BadFiles.Seed(seed), "--json"));
        var le = Plan(CliRunner.Run("import", littleEndian, "--json"));
        var be = Plan(CliRunner.Run("import", bigEndian, "--json"));

        Assert.NotEmpty(utf8["tasks"]!.AsArray());
        foreach (var (name, other) in new[] { ("UTF-16 LE", le), ("UTF-16 BE", be) })
        {
            foreach (var field in new[] { "document", "tasks", "indicators" })
                Assert.True(JsonNode.DeepEquals(utf8[field], other[field]), $"{name}: \"{field}\" differs from the UTF-8 import");
        }
    }

    [Fact]
    public void Docx_of_a_sample_plan_gives_the_same_tasks_as_its_text()
    {
        var docx = BadFiles.DocxFromSeed(dir, "xuan-giang.docx", "xuan-giang-ctr-2026.txt");

        var fromText = Plan(CliRunner.Run("import", BadFiles.Seed("xuan-giang-ctr-2026.txt"), "--json"));
        var fromDocx = Plan(CliRunner.Run("import", docx, "--json"));

        var names = (JsonNode plan) => plan["tasks"]!.AsArray().Select(t => (string?)t!["name"]).ToList();
        Assert.Equal(names(fromText), names(fromDocx));
    }

    private static JsonNode Plan(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Stdout)!;
    }

    private static void AssertKind(JsonElement element, JsonValueKind kind) =>
        Assert.True(element.ValueKind == kind, $"expected {kind}, got {element.ValueKind}: {element}");

    private static void AssertStringOrNull(JsonElement element) =>
        Assert.True(element.ValueKind is JsonValueKind.String or JsonValueKind.Null, $"expected a string or null: {element}");

    private static void AssertNumberOrNull(JsonElement element) =>
        Assert.True(element.ValueKind is JsonValueKind.Number or JsonValueKind.Null, $"expected a number or null: {element}");

    private static void AssertStrings(JsonElement element)
    {
        AssertKind(element, JsonValueKind.Array);
        foreach (var item in element.EnumerateArray()) AssertKind(item, JsonValueKind.String);
    }

    private static void AssertDate(JsonElement element)
    {
        AssertKind(element, JsonValueKind.String);
        Assert.True(DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            $"not a yyyy-MM-dd date: {element}");
    }
}
