using System.CommandLine;
using System.Diagnostics;
using RoViec.Import;
using RoViec.Import.Json;

namespace RoViec.Cli.Import;

/// <summary>`roviec import FILE|FOLDER [--json] [--out DIR] [--max-size MB] [--year YYYY]`.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Tệp kế hoạch (.docx, .pdf, .txt) hoặc thư mục chứa nhiều tệp (a plan document or a folder of them)" };
        var json = new Option<bool>("--json") { Description = "In kế hoạch dạng JSON (print the plan as JSON)" };
        var output = new Option<string?>("--out") { Description = "Thư mục ghi kết quả JSON khi nhập cả thư mục (folder for JSON results when importing a folder)" };
        var maxSize = new Option<int?>("--max-size") { Description = "Dung lượng tối đa của tệp, MB (largest file accepted, MB; default 20, or ROVIEC_IMPORT_MAX_MB)" };
        var year = new Option<int?>("--year") { Description = "Năm của kế hoạch khi văn bản không ghi (the plan's year when the document does not say)" };
        var command = new Command("import", "Nhập kế hoạch từ văn bản (import a plan document)") { path, json, output, maxSize, year };
        command.SetAction(result =>
        {
            var options = Options(result.GetValue(maxSize), result.GetValue(year));
            if (options is null) return ExitCodes.BadInput;
            var target = result.GetValue(path)!;
            if (Directory.Exists(target))
                return ImportFolder(target, result.GetValue(output), result.GetValue(json), options);
            return ImportOne(target, result.GetValue(json), options);
        });
        return command;
    }

    private static ImportOptions? Options(int? maxMb, int? year)
    {
        if (maxMb is null && Environment.GetEnvironmentVariable("ROVIEC_IMPORT_MAX_MB") is { Length: > 0 } env)
        {
            if (!int.TryParse(env, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var fromEnv))
            {
                Console.Error.WriteLine($"ROVIEC_IMPORT_MAX_MB=\"{env}\" không phải số MB hợp lệ (not a valid number of MB).");
                return null;
            }
            maxMb = fromEnv;
        }
        if (maxMb is <= 0 or > 4096)
        {
            Console.Error.WriteLine("--max-size phải từ 1 đến 4096 MB (--max-size must be 1 to 4096 MB).");
            return null;
        }
        return new ImportOptions
        {
            MaxBytes = maxMb is { } mb ? mb * 1024L * 1024 : ImportOptions.DefaultMaxBytes,
            DefaultYear = year,
        };
    }

    private static int ImportOne(string file, bool json, ImportOptions options)
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

    private static int ImportFolder(string folder, string? outDir, bool json, ImportOptions options)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".docx" or ".pdf" or ".txt")
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"Thư mục \"{folder}\" không có tệp .docx, .pdf hay .txt nào (no documents in the folder).");
            return ExitCodes.BadInput;
        }
        if (outDir is not null) Directory.CreateDirectory(outDir);
        var lines = new string[files.Length];
        var refused = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, files.Length, i =>
        {
            var file = files[i];
            var outcome = PlanImporter.ImportFile(file, options);
            var name = Path.GetRelativePath(folder, file);
            if (outcome is ImportOutcome.Imported imported)
            {
                var draft = imported.Draft;
                if (outDir is not null && json)
                {
                    var target = Path.Combine(outDir, Path.ChangeExtension(name.Replace(Path.DirectorySeparatorChar, '_'), ".json"));
                    using var stream = File.Create(target);
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
        Console.Out.WriteLine($"Đã xử lý {files.Length} tệp trong {stopwatch.Elapsed.TotalSeconds:0.0} giây; {files.Length - refused} nhập được, {refused} bị từ chối. ({files.Length} files, {refused} refused)");
        return refused > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
