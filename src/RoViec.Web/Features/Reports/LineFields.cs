using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// The fields of a report line as the form names them (<c>line[{id}].percent</c>) with their Vietnamese
/// labels, and which kinds of line have them.
/// </summary>
public static class LineFields
{
    public const string Status = "status";
    public const string Percent = "percent";
    public const string Completed = "completed";
    public const string Work = "work";
    public const string Difficulties = "difficulties";
    public const string Requests = "requests";
    public const string Reason = "reason";
    public const string Value = "value";
    public const string Numerator = "numerator";
    public const string Denominator = "denominator";
    public const string Source = "source";

    /// <summary>The report's own field: general remarks and proposals.</summary>
    public const string Summary = "summary";

    public static readonly IReadOnlyList<string> TaskFields = [Status, Percent, Completed, Work, Difficulties, Requests, Reason];
    public static readonly IReadOnlyList<string> CountFields = [Value, Source];
    public static readonly IReadOnlyList<string> RatioFields = [Numerator, Denominator, Source];

    /// <summary>The fields a line of this kind has (a ratio indicator has a numerator and a denominator instead of a value).</summary>
    public static IReadOnlyList<string> Of(string kind, bool ratio) =>
        kind == ReportItemKinds.Indicator ? (ratio ? RatioFields : CountFields) : TaskFields;

    /// <summary>The form field's name for one line.</summary>
    public static string Name(Guid itemId, string field) => $"line[{itemId}].{field}";

    public static string Label(string field) => field switch
    {
        Status => "Trạng thái",
        Percent => "Tỷ lệ hoàn thành (%)",
        Completed => "Ngày hoàn thành",
        Work => "Kết quả đã thực hiện",
        Difficulties => "Khó khăn, vướng mắc",
        Requests => "Kiến nghị, đề xuất",
        Reason => "Lý do không thể thực hiện",
        Value => "Giá trị đạt được",
        Numerator => "Tử số",
        Denominator => "Mẫu số",
        Source => "Nguồn số liệu",
        Summary => "Đánh giá chung, đề xuất",
        _ => field,
    };

    /// <summary>Longest text each field takes (the columns' sizes).</summary>
    public static int MaxLength(string field) => field switch
    {
        Work or Summary => 8000,
        Difficulties or Requests or Reason => 4000,
        Source => 1000,
        _ => 100,
    };
}

/// <summary>A refusal of one field: of a line (<paramref name="ItemId"/>) or of the report itself.</summary>
public sealed record FieldError(Guid? ItemId, string Field, Sentence Text)
{
    /// <summary>The refusal in Vietnamese.</summary>
    public string Message => Text.ToString();

    /// <summary>The form field it belongs to.</summary>
    public string Key => ItemId is { } id ? LineFields.Name(id, Field) : Field;
}
