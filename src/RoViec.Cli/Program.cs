using System.CommandLine;
using System.Text;
using RoViec.Cli;
using RoViec.Cli.Import;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("RoViec — theo dõi kế hoạch, chương trình công tác (RoViec: plan tracking for Vietnamese communes)")
{
    ImportCommand.Create(),
};
try
{
    // Our own handler below: one line, never a stack trace.
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    // A bug, not bad input: say so in one line and leave the details to the log, never a stack trace on screen.
    Console.Error.WriteLine($"Lỗi không mong muốn, vui lòng báo cho quản trị viên: {ex.GetType().Name}: {ex.Message} (unexpected error; please report it)");
    return ExitCodes.Bug;
}
