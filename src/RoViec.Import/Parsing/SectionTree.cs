namespace RoViec.Import.Parsing;

/// <summary>A section of the document: its heading, the paragraphs and tables directly under it, its subsections.</summary>
internal sealed class Section
{
    public Heading? Heading { get; init; }
    public Section? Parent { get; init; }
    public required string Path { get; init; }
    public int Depth { get; init; }
    public List<object> Items { get; } = [];
    public List<Section> Children { get; } = [];

    public static Section Build(IEnumerable<object> items)
    {
        var root = new Section { Path = "", Depth = 0 };
        var outline = new Outline();
        var open = new List<Section>();
        var current = root;
        foreach (var item in items)
        {
            if (item is Line line && Outline.Recognise(line) is { } heading)
            {
                outline.Enter(heading);
                var depth = outline.Open.Count;
                while (open.Count >= depth) open.RemoveAt(open.Count - 1);
                var parent = open.Count > 0 ? open[^1] : root;
                var section = new Section { Heading = heading, Parent = parent, Path = outline.Path, Depth = depth };
                parent.Children.Add(section);
                open.Add(section);
                current = section;
                continue;
            }
            current.Items.Add(item);
        }
        return root;
    }
}
