using System.CommandLine;
using System.Diagnostics;
using RoViec.Domain.Text;
using RoViec.Import;
using RoViec.Import.Json;

namespace RoViec.Cli.Import;

/// <summary>`roviec import FILE|FOLDER [--json] [--out DIR] [--max-size MB] [--year YYYY]`.</summary>
internal static class ImportCommand
{
    public static Command Create(TimeProvider clock)
    {
        var path = new Argument<string>("path") { Description = "Tệp kế hoạch (.docx, .xlsx, .pdf, .txt) hoặc thư mục chứa nhiều tệp (a plan document or a folder of them)" };
        var json = new Option<bool>("--json") { Description = "In kế hoạch dạng JSON (print the plan as JSON)" };
        var output = new Option<string?>("--out") { Description = "Thư mục ghi kết quả JSON, mỗi văn bản một tệp (folder for the plan JSON, one file per document)" };
        var maxSize = new Option<int?>("--max-size") { Description = "Dung lượng tối đa của tệp, MB (largest file accepted, MB; default 20, or ROVIEC_IMPORT_MAX_MB)" };
        var year = new Option<int?>("--year") { Description = "Năm của kế hoạch khi văn bản không ghi (the plan's year when the document does not say)" };
        var command = new Command("import", "Nhập kế hoạch từ văn bản (import a plan document)") { path, json, output, maxSize, year };
        command.SetAction(result =>
        {
            var options = Options(result.GetValue(maxSize), result.GetValue(year) ?? clock.VietnamToday().Year);
            if (options is null) return ExitCodes.BadInput;
            var target = result.GetValue(path)!;
            var outDir = result.GetValue(output);
            if (outDir is not null && !TryCreateOutput(outDir)) return ExitCodes.BadInput;
            if (Directory.Exists(target))
                return ImportFolder(target, outDir, options);
            return ImportOne(target, result.GetValue(json), outDir, options);
        });
        return command;
    }

    private static ImportOptions? Options(int? maxMb, int? year)
    {
        var source = "--max-size";
        if (maxMb is null && Environment.GetEnvironmentVariable("ROVIEC_IMPORT_MAX_MB") is { Length: > 0 } env)
        {
            source = $"ROVIEC_IMPORT_MAX_MB=\"{env}\"";
            if (!int.TryParse(env, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var fromEnv))
            {
                Console.Error.WriteLine($"{source} không phải số MB hợp lệ; hãy đặt một số nguyên từ 1 đến 4096 (not a valid number of MB; use a whole number from 1 to 4096).");
                return null;
            }
            maxMb = fromEnv;
        }
        if (maxMb is <= 0 or > 4096)
        {
            Console.Error.WriteLine($"{source}: giới hạn dung lượng phải từ 1 đến 4096 MB (the size limit must be 1 to 4096 MB).");
            return null;
        }
        return new ImportOptions
        {
            MaxBytes = maxMb is { } mb ? mb * 1024L * 1024 : ImportOptions.DefaultMaxBytes,
            DefaultYear = year,
        };
    }

    /// <summary>Creates the --out folder, or says in one line why it cannot (a file by that name, no permission).</summary>
    private static bool TryCreateOutput(string outDir)
    {
        try
        {
            Directory.CreateDirectory(outDir);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"Không tạo được thư mục kết quả \"{outDir}\"; hãy chọn thư mục khác cho --out (cannot create the output folder: {ex.Message}).");
            return false;
        }
    }

    private static string JsonTarget(string outDir, string name) =>
        Path.Combine(outDir, Path.ChangeExtension(name.Replace(Path.DirectorySeparatorChar, '_').Replace(Path.AltDirectorySeparatorChar, '_'), ".json"));

    private static int ImportOne(string file, bool json, string? outDir, ImportOptions options)
    {
        var outcome = PlanImporter.ImportFile(file, options);
        switch (outcome)
        {
            case ImportOutcome.Refused refused:
                Console.Error.WriteLine($"{Path.GetFileName(file)}: {refused.Error.OneLine}");
                return ExitCodes.BadInput;
            case ImportOutcome.Imported imported:
                if (json)
                {
                    using var stdout = Console.OpenStandardOutput();
                    PlanJson.Write(imported.Draft, stdout);
                    stdout.WriteByte((byte)'\n');
                }
                else
                {
                    Console.Out.Write(PlanSummary.Render(imported.Draft, file));
                }
                if (outDir is not null)
                {
                    using var stream = File.Create(JsonTarget(outDir, Path.GetFileName(file)));
                    PlanJson.Write(imported.Draft, stream);
                }
                if (imported.Draft.Tasks.Count == 0)
                {
                    Console.Error.WriteLine($"{Path.GetFileName(file)}: Văn bản đọc được nhưng không tìm thấy nhiệm vụ nào; hãy kiểm tra bảng phụ lục hoặc mục \"Nhiệm vụ, giải pháp\". (The document was read but no task was found.)");
                    return ExitCodes.NoTasks;
                }
                return ExitCodes.Ok;
            default:
                throw new UnreachableException();
        }
    }

    /// <summary>Imports every document in the folder; with --out, writes one plan JSON per imported document.</summary>
    private static int ImportFolder(string folder, string? outDir, ImportOptions options)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".docx" or ".xlsx" or ".pdf" or ".txt")
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"Thư mục \"{folder}\" không có tệp .docx, .xlsx, .pdf hay .txt nào (no documents in the folder).");
            return ExitCodes.BadInput;
        }
        var lines = new string[files.Length];
        // "x.docx" and "x.pdf" of the same plan must not overwrite each other's JSON.
        var targets = files.Select(f => Path.GetRelativePath(folder, f)).ToArray();
        var stems = targets.GroupBy(t => Path.ChangeExtension(t, null), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < targets.Length; i++)
            targets[i] = stems.Contains(Path.ChangeExtension(targets[i], null)) ? targets[i] + ".json" : targets[i];
        var refused = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var file = files[i];
            var name = Path.GetRelativePath(folder, file);
            ImportOutcome outcome;
            try
            {
                outcome = PlanImporter.ImportFile(file, options);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One document's bug must not take the batch down: report it on its own line.
                Interlocked.Increment(ref refused);
                lines[i] = $"{name}: Lỗi không mong muốn khi nhập tệp này (unexpected error: {ex.GetType().Name})";
                return;
            }
            if (outcome is ImportOutcome.Imported imported)
            {
                var draft = imported.Draft;
                if (outDir is not null)
                {
                    using var stream = File.Create(JsonTarget(outDir, targets[i]));
                    PlanJson.Write(draft, stream);
                }
                lines[i] = $"{name}: {draft.Tasks.Count} nhiệm vụ, {draft.Indicators.Count} chỉ tiêu";
            }
            else if (outcome is ImportOutcome.Refused r)
            {
                Interlocked.Increment(ref refused);
                lines[i] = $"{name}: {r.Error.OneLine}";
            }
        });
        foreach (var line in lines) Console.Out.WriteLine(line);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.Out.WriteLine($"Đã xử lý {files.Length} tệp trong {seconds.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} giây; {files.Length - refused} nhập được, {refused} bị từ chối. ({files.Length} files in {seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s, {refused} refused)");
        return refused > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
