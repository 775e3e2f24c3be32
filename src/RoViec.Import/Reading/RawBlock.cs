namespace RoViec.Import.Reading;

/// <summary>What a reader hands to the parser: paragraphs and tables in reading order, format-free.</summary>
public abstract record RawBlock;

/// <summary>
/// One paragraph. List markers are rendered into the text ("- ", "1. ", "a) "). HeadingLevel is set
/// when the source marks the paragraph as a heading (Word's "Heading 1" style), 1 being the top.
/// </summary>
public sealed record RawParagraph(string Text, bool IsListItem = false, bool IsBold = false, int? HeadingLevel = null) : RawBlock;

/// <summary>
/// A table as rows of cell texts, merged cells already resolved: a cell merged down repeats its
/// text in every row it spans, a cell merged across appears once followed by empty cells.
/// </summary>
public sealed record RawTable(IReadOnlyList<IReadOnlyList<string>> Rows) : RawBlock;
