using RoViec.Domain.Text;

namespace RoViec.Import.Parsing;

/// <summary>A task while it is being read, before units are resolved and "6 rõ" is checked.</summary>
internal sealed class TaskDraft
{
    public required Domain.Tasks.TaskSource Source { get; init; }
    public required string Section { get; init; }
    public string? Code { get; set; }
    public string Name { get; set; } = "";
    public SourceSpan NameSpan { get; set; }
    public List<string> Lead { get; set; } = [];
    public SourceSpan LeadSpan { get; set; }
    public List<string> Support { get; set; } = [];
    public SourceSpan SupportSpan { get; set; }
    public string? Directing { get; set; }
    public SourceSpan DirectingSpan { get; set; }
    public string? Output { get; set; }
    public SourceSpan OutputSpan { get; set; }
    public string? DeadlineRaw { get; set; }
    public SourceSpan DeadlineSpan { get; set; }
    public string? Upstream { get; set; }
    public SourceSpan UpstreamSpan { get; set; }
    /// <summary>The item gave its own deadline ("- … (hoàn thành trước 30/6/2026)."): its block's time field does not replace it.</summary>
    public bool OwnDeadline { get; set; }
    /// <summary>Deadline lines of a "Nhiệm vụ N:" block, joined when there are several steps.</summary>
    public List<string> DeadlineLines { get; } = [];
}

/// <summary>An indicator while it is being read.</summary>
internal sealed class IndicatorDraft
{
    public required string Section { get; init; }
    public required string Name { get; init; }
    public required string TargetRaw { get; init; }
    public required Domain.Indicators.Target Target { get; init; }
    public string? Owner { get; init; }
    public SourceSpan Span { get; init; }
    public SourceSpan TargetSpan { get; init; }
    public bool FromTable { get; init; }
    /// <summary>The task an output cell belongs to; its words count when deciding whether a target restates a goal.</summary>
    public string? Context { get; set; }
    /// <summary>The table row it was read from (the start of the row's name cell), so two targets of one row are never merged.</summary>
    public int? Row { get; set; }
}
