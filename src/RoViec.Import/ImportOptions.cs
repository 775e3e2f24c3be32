namespace RoViec.Import;

public sealed record ImportOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>Largest file accepted (20 MB unless configured).</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Largest total a .docx may expand to before it is treated as a zip bomb.</summary>
    public long MaxExpandedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>
    /// Longest document text read (2 million characters, some 700 pages). Keeps memory bounded
    /// whatever the file holds; a real plan is a few hundred thousand characters at most.
    /// </summary>
    public int MaxTextChars { get; init; } = 2_000_000;

    /// <summary>The plan's year when the document does not say (deadlines without a year use it).</summary>
    public int? DefaultYear { get; init; }
}
