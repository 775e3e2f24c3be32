namespace RoViec.Domain.Text;

/// <summary>A range of the imported document's normalised text; the review screen highlights it.</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static SourceSpan Cover(SourceSpan a, SourceSpan b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        var start = Math.Min(a.Start, b.Start);
        return new SourceSpan(start, Math.Max(a.End, b.End) - start);
    }
}
