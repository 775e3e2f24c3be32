using System.CommandLine;
using System.Text;
using RoViec.Cli;
using RoViec.Cli.Import;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("RoViec — theo dõi kế hoạch, chương trình công tác (RoViec: plan tracking for Vietnamese communes)")
{
    // The composition root, the one place the machine's clock is taken: a plan that names no year is read in this year.
#pragma warning disable RS0030
    ImportCommand.Create(TimeProvider.System),
#pragma warning restore RS0030
};
try
{
    var parsed = root.Parse(args);
    if (parsed.Errors.Count > 0)
    {
        // A wrong command line is bad input (exit 2), told in one line, not a help page with exit 1.
        var problems = string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message)));
        Console.Error.WriteLine($"Câu lệnh không hợp lệ, hãy xem hướng dẫn bằng \"roviec import --help\" (invalid command line: {problems}; see roviec import --help)");
        return ExitCodes.BadInput;
    }
    // The default handler prints the stack trace and returns 1; the catch below is the one place for bugs.
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    // A bug, not bad input: say so in one line and leave the details to the log, never a stack trace on screen.
    Console.Error.WriteLine($"Lỗi không mong muốn, vui lòng báo cho quản trị viên: {ex.GetType().Name}: {OneLine(ex.Message)} (unexpected error; please report it)");
    return ExitCodes.Bug;
}

static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
