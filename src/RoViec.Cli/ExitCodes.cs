namespace RoViec.Cli;

/// <summary>What the process tells its caller. Documented in README.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Bug = 1;
    /// <summary>The input was refused (bad file, wrong format, not a plan) or the command line was wrong.</summary>
    public const int BadInput = 2;
    /// <summary>The document is a plan but no task could be found in it.</summary>
    public const int NoTasks = 3;
}
