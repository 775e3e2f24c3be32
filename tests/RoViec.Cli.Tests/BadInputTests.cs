using System.Text.Json;
using System.Text.RegularExpressions;
using RoViec.Cli.Tests.Fixtures;
using Xunit;

namespace RoViec.Cli.Tests;

/// <summary>
/// The bad-input requirement: every unusable document gets exit code 2 (3 for a plan without tasks)
/// and one clear line in Vietnamese with English in parentheses, no stack trace, within 5 s.
/// </summary>
public sealed partial class BadInputTests : IDisposable
{
    private const int BadInput = 2;
    private const int NoTasks = 3;
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    /// <summary>Managed heap cap for the archive tests: with the runtime's own ~40 MB, about 200 MB in all.</summary>
    private static readonly Dictionary<string, string> MemoryCapped = new() { ["DOTNET_GCHeapHardLimit"] = "0xA000000" };

    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("empty.txt")]
    [InlineData("empty.docx")]
    public void Empty_file_is_refused_with_one_clear_line(string name)
    {
        var file = BadFiles.Empty(dir, name);

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result, file);
        Assert.Contains("empty", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Random_bytes_named_docx_are_refused_with_one_clear_line()
    {
        var file = BadFiles.RandomBytes(dir, "random.docx", 64 * 1024);

        var result = CliRunner.Run("import", file);

        AssertRefused(result, file);
    }

    [Fact]
    public void Truncated_docx_is_refused_while_the_whole_one_imports()
    {
        var file = BadFiles.TruncatedDocx(dir, "truncated.docx", "xuan-giang-ctr-2026.txt");
        var whole = dir.File("whole-truncated.docx");

        var wholeResult = CliRunner.Run("import", whole, "--json");
        var result = CliRunner.Run("import", file);

        Assert.True(wholeResult.ExitCode == 0, $"the untruncated DOCX must import, else this test proves nothing: {wholeResult}");
        Assert.NotEmpty(JsonDocument.Parse(wholeResult.Stdout).RootElement.GetProperty("tasks").EnumerateArray());
        AssertRefused(result, file);
    }

    [Fact]
    public void Zip_bomb_is_refused_quickly_within_bounded_memory()
    {
        var file = BadFiles.ZipBomb(dir, "bomb.docx", expandedBytes: 1L << 30);
        Assert.True(new FileInfo(file).Length < 4 * 1024 * 1024, $"the bomb must be small on disk, else it is refused as too large: {new FileInfo(file).Length} bytes");

        var result = CliRunner.Run(["import", file], MemoryCapped);

        AssertRefused(result, file);
    }

    [Fact]
    public void Zip_bomb_whose_directory_lies_about_the_size_is_refused_within_bounded_memory()
    {
        var file = BadFiles.ZipBomb(dir, "lying-bomb.docx", expandedBytes: 1L << 30, lyingDirectory: true);

        var result = CliRunner.Run(["import", file], MemoryCapped);

        AssertRefused(result, file);
    }

    [Fact]
    public void Docx_whose_text_part_expands_far_beyond_the_size_limit_is_refused_within_bounded_memory()
    {
        // Compresses ~10×: under the file limit on disk and no zip-bomb ratio, but 60 MB of XML to parse.
        var file = BadFiles.HugeTextDocx(dir, "huge-text.docx", xmlBytes: 60L * 1024 * 1024);
        Assert.True(new FileInfo(file).Length < 20L * 1024 * 1024, "the file itself must pass the size limit");

        var result = CliRunner.Run(["import", file], MemoryCapped);

        var line = AssertRefused(result, file);
        Assert.Contains("--max-size", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("huge.txt")]
    [InlineData("huge.docx")]
    public void File_of_200_MB_is_refused_as_too_large_naming_the_option_that_raises_the_limit(string name)
    {
        var file = BadFiles.Sparse(dir, name, 200L * 1024 * 1024);

        var result = CliRunner.Run(["import", file], MemoryCapped);

        var line = AssertRefused(result, file);
        Assert.Contains("200", line, StringComparison.Ordinal);
        Assert.Contains("--max-size", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_protected_docx_is_refused_saying_it_is_password_protected()
    {
        var file = BadFiles.PasswordProtectedDocx;
        Assert.True(File.Exists(file), $"fixture missing: {file}");

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result, file);
        Assert.Contains("mật khẩu", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Scanned_pdf_without_text_layer_is_refused_saying_it_is_a_scan()
    {
        Assert.SkipUnless(File.Exists(BadFiles.ScannedPdf),
            $"tests/fixtures/pdf/scanned.pdf is not committed yet (the PDF work adds it); expected at {BadFiles.ScannedPdf}");

        var result = CliRunner.Run("import", BadFiles.ScannedPdf);

        var line = AssertRefused(result, BadFiles.ScannedPdf);
        Assert.Contains("scan", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_in_an_unknown_encoding_is_refused_telling_to_save_as_utf8()
    {
        var file = BadFiles.UnknownEncodingText(dir, "unknown-encoding.txt");

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result, file);
        Assert.Contains("UTF-8", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Japanese_shift_jis_text_is_refused_telling_to_save_as_utf8()
    {
        var file = BadFiles.ShiftJisText(dir, "shift-jis.txt");

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result, file);
        Assert.Contains("UTF-8", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipe_as_text_is_refused_as_not_a_plan()
    {
        var file = BadFiles.Text(dir, "pho-bo.txt", BadFiles.Recipe);

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result, file);
        Assert.Contains("plan", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Recipe_as_docx_is_refused_as_not_a_plan()
    {
        var file = BadFiles.Docx(dir, "pho-bo.docx", BadFiles.Recipe);

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result, file);
        Assert.Contains("plan", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sales_contract_with_legal_basis_and_articles_is_refused_as_not_a_plan()
    {
        var file = BadFiles.Text(dir, "hop-dong.txt", BadFiles.Contract);

        var result = CliRunner.Run("import", file);

        var line = AssertRefused(result, file);
        Assert.Contains("plan", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Plan_without_tasks_exits_3_and_says_no_task_was_found()
    {
        var file = BadFiles.Text(dir, "ke-hoach-khong-nhiem-vu.txt", BadFiles.PlanWithoutTasks);

        var result = CliRunner.Run("import", file);

        var line = AssertOneClearLine(result, NoTasks);
        Assert.Contains("nhiệm vụ", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("task", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Plan_without_tasks_in_json_mode_still_prints_the_plan_and_exits_3()
    {
        var file = BadFiles.Text(dir, "ke-hoach-khong-nhiem-vu.txt", BadFiles.PlanWithoutTasks);

        var result = CliRunner.Run("import", file, "--json");

        AssertOneClearLine(result, NoTasks);
        var plan = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Empty(plan.GetProperty("tasks").EnumerateArray());
        Assert.NotEmpty(plan.GetProperty("document").GetProperty("legal_basis").EnumerateArray());
    }

    [Fact]
    public void Different_problems_get_different_messages()
    {
        string[] files =
        [
            BadFiles.Empty(dir, "empty.docx"),
            BadFiles.RandomBytes(dir, "random.docx", 64 * 1024),
            BadFiles.PasswordProtectedDocx,
            BadFiles.ZipBomb(dir, "bomb.docx", expandedBytes: 256L << 20),
            BadFiles.Sparse(dir, "huge.txt", 200L * 1024 * 1024),
            BadFiles.UnknownEncodingText(dir, "unknown.txt"),
            BadFiles.Text(dir, "pho-bo.txt", BadFiles.Recipe),
        ];

        var messages = files
            .Select(f => (File: f, Line: Assert.Single(CliRunner.Run("import", f).StderrLines)))
            .Select(r => r.Line.Replace(Path.GetFileName(r.File), "", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Nonexistent_path_is_refused_with_one_clear_line()
    {
        var file = dir.File("khong-co.docx");

        var result = CliRunner.Run("import", file);

        AssertRefused(result, file);
    }

    [Fact]
    public void Endless_device_is_refused_as_too_large_instead_of_read_forever()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero (Linux, macOS)");

        var result = CliRunner.Run(["import", "/dev/zero"], MemoryCapped);

        var line = AssertRefused(result, "/dev/zero");
        Assert.Contains("--max-size", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999")]
    public void Max_size_out_of_range_is_refused_with_one_clear_line(string megabytes)
    {
        var file = BadFiles.Seed("tan-ky-kh-2026.txt");

        var result = CliRunner.Run("import", file, "--max-size", megabytes);

        var line = AssertOneClearLine(result, BadInput);
        Assert.Contains("--max-size", line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "plan.txt", "--max-size", "hai-muoi")]
    [InlineData("import", "plan.txt", "--no-such-option")]
    [InlineData("export", "plan.txt")]
    public void Wrong_command_line_exits_2_with_one_clear_line(params string[] args)
    {
        var result = CliRunner.Run(args);

        AssertOneClearLine(result, BadInput);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var result = CliRunner.Run("import", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--max-size", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void File_of_25_MB_is_refused_by_default_and_imported_with_max_size_30()
    {
        var file = BadFiles.PaddedPlan(dir, "padded.txt", "tan-ky-kh-2026.txt", 25L * 1024 * 1024);

        var refused = CliRunner.Run("import", file);
        var accepted = CliRunner.Run("import", file, "--max-size", "30", "--json");

        var line = AssertRefused(refused, file);
        Assert.Contains("--max-size", line, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.DoesNotContain("--max-size", accepted.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(JsonDocument.Parse(accepted.Stdout).RootElement.GetProperty("tasks").EnumerateArray());
    }

    [Fact]
    public void Environment_variable_raises_the_limit_when_no_option_is_given()
    {
        var file = BadFiles.PaddedPlan(dir, "padded.txt", "tan-ky-kh-2026.txt", 25L * 1024 * 1024);

        var result = CliRunner.Run(["import", file], new Dictionary<string, string> { ["ROVIEC_IMPORT_MAX_MB"] = "30" });

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Environment_variable_lowers_the_limit_and_the_option_overrides_it()
    {
        var file = BadFiles.PaddedPlan(dir, "padded.txt", "tan-ky-kh-2026.txt", 3L * 1024 * 1024);
        var lowered = new Dictionary<string, string> { ["ROVIEC_IMPORT_MAX_MB"] = "2" };

        var refused = CliRunner.Run(["import", file], lowered);
        var overridden = CliRunner.Run(["import", file, "--max-size", "4"], lowered);

        var line = AssertRefused(refused, file);
        Assert.Contains("--max-size", line, StringComparison.Ordinal);
        Assert.True(overridden.ExitCode == 0, overridden.ToString());
    }

    [Theory]
    [InlineData("hai-muoi")]
    [InlineData("0")]
    public void Invalid_environment_limit_is_refused_naming_the_variable(string value)
    {
        var file = BadFiles.Seed("tan-ky-kh-2026.txt");

        var result = CliRunner.Run(["import", file], new Dictionary<string, string> { ["ROVIEC_IMPORT_MAX_MB"] = value });

        var line = AssertOneClearLine(result, BadInput);
        Assert.Contains("ROVIEC_IMPORT_MAX_MB", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_folder_that_cannot_be_created_is_refused_without_a_stack_trace()
    {
        var blocker = BadFiles.Text(dir, "not-a-folder", ["x"]);

        var result = CliRunner.Run("import", BadFiles.SeedsDir, "--json", "--out", blocker);

        AssertOneClearLine(result, BadInput);
    }

    /// <summary>A refused document: exit 2, nothing on stdout, one clear line naming the file.</summary>
    private static string AssertRefused(CliResult result, string file)
    {
        var line = AssertOneClearLine(result, BadInput);
        Assert.True(result.Stdout.Length == 0, $"nothing may be printed for a refused document: {result}");
        Assert.Contains(Path.GetFileName(file), line, StringComparison.Ordinal);
        return line;
    }

    /// <summary>The exit code, then exactly one line on stderr: Vietnamese, English in parentheses, no stack trace, in time.</summary>
    private static string AssertOneClearLine(CliResult result, int exitCode)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}: {result}");
        var lines = result.StderrLines;
        Assert.True(lines.Count == 1, $"expected exactly one line on stderr: {result}");
        var line = lines[0];
        Assert.True(line.Any(IsVietnameseLetter), $"the message must be in Vietnamese: {line}");
        Assert.True(EnglishInParentheses().IsMatch(line), $"the message must carry English in parentheses: {line}");
        foreach (var output in new[] { result.Stdout, result.Stderr })
        {
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        }
        Assert.True(result.Elapsed < Promptly, $"took {result.Elapsed.TotalSeconds:0.00} s, the limit is {Promptly.TotalSeconds} s");
        return line;
    }

    private static bool IsVietnameseLetter(char c) =>
        "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);

    /// <summary>An opening parenthesis followed, before it closes, by at least two plain-ASCII lowercase words in a row.</summary>
    [GeneratedRegex(@"\([^()]*\b[A-Za-z][a-z]+ [a-z]{2,}\b")]
    private static partial Regex EnglishInParentheses();
}
