using System.Globalization;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// The rules of a report line, in two steps. <see cref="Apply"/> reads what was typed into the line and
/// refuses what can never be right (a percent of 140, a negative count, a denominator of 0, a date that is
/// not a date): a draft may be incomplete but never wrong. <see cref="CheckComplete"/> is what a submitted
/// report needs besides: every task line has a status; done needs its completion date, "cannot be done"
/// its reason; a ratio's numerator is at most its denominator; every indicator has its value.
/// Contribution lines (tasks the unit coordinates on) are optional and never required.
/// </summary>
public static class LineRules
{
    /// <summary>Sets the posted fields on the line; returns the refusals (the line may be half-changed then and must not be saved).</summary>
    public static List<FieldError> Apply(ReportItem item, bool ratio, IReadOnlyDictionary<string, string> posted)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(posted);
        var errors = new List<FieldError>();
        void Refuse(string field, Sentence message) => errors.Add(new FieldError(item.Id, field, message));
        foreach (var field in LineFields.Of(item.Kind, ratio))
        {
            if (!posted.TryGetValue(field, out var raw)) continue;
            var text = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            switch (field)
            {
                case LineFields.Status:
                    // The code the form's list posts, or the label as a person types it ("Hoàn thành").
                    var status = text is null ? null : ReportedTaskStatuses.All.FirstOrDefault(s => s == text || string.Equals(ReportLabels.TaskStatus(s), text, StringComparison.OrdinalIgnoreCase));
                    if (text is not null && status is null)
                        Refuse(field, $"Trạng thái \"{text}\" không hợp lệ; hãy chọn một trong: {string.Join(", ", ReportedTaskStatuses.All.Select(ReportLabels.TaskStatus))}.");
                    else item.TaskStatus = status;
                    break;
                case LineFields.Percent:
                    if (text is null) item.Percent = null;
                    else if (!int.TryParse(text.TrimEnd('%').Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
                        Refuse(field, new Sentence("Tỷ lệ hoàn thành \"{0}\" không phải số nguyên; hãy nhập một số từ 0 đến 100.", text));
                    else if (percent is < 0 or > 100) Refuse(field, new Sentence("Tỷ lệ hoàn thành phải từ 0 đến 100 (%), không thể là {0}.", percent));
                    else item.Percent = percent;
                    break;
                case LineFields.Completed:
                    if (text is null) item.CompletedOn = null;
                    else if (!ReportValues.TryParseDate(text, out var completed))
                        Refuse(field, new Sentence("Ngày hoàn thành \"{0}\" không hợp lệ; hãy nhập theo dạng dd/mm/yyyy (ví dụ 15/03/2026).", text));
                    else item.CompletedOn = completed;
                    break;
                case LineFields.Value or LineFields.Numerator or LineFields.Denominator:
                    decimal? number = null;
                    if (text is not null)
                    {
                        if (!ReportValues.TryParseNumber(text, out var parsed)) { Refuse(field, new Sentence("{0} \"{1}\" không phải là số; hãy nhập số, ví dụ 12 hoặc 12,5.", (Sentence)LineFields.Label(field), text)); break; }
                        if (parsed < 0) { Refuse(field, new Sentence("{0} không được âm ({1:#,0.##}).", (Sentence)LineFields.Label(field), parsed)); break; }
                        if (field == LineFields.Denominator && parsed == 0) { Refuse(field, "Mẫu số phải lớn hơn 0 (không chia cho 0)."); break; }
                        if (parsed >= 100_000_000_000_000m) { Refuse(field, new Sentence("{0} quá lớn.", (Sentence)LineFields.Label(field))); break; }
                        number = parsed;
                    }
                    if (field == LineFields.Value) item.Value = number;
                    else if (field == LineFields.Numerator) item.Numerator = number;
                    else item.Denominator = number;
                    break;
                default:
                    if (text is not null && text.Length > LineFields.MaxLength(field))
                    {
                        Refuse(field, new Sentence("{0} dài quá {1:#,0.##} ký tự; hãy rút gọn hoặc đính kèm thành tệp minh chứng.", (Sentence)LineFields.Label(field), LineFields.MaxLength(field)));
                        break;
                    }
                    SetText(item, field, text);
                    break;
            }
        }
        if (ratio) item.Value = RatioValue(item.Numerator, item.Denominator);
        return errors;
    }

    /// <summary>A ratio indicator's value in percent: numerator / denominator × 100, to two decimals.</summary>
    public static decimal? RatioValue(decimal? numerator, decimal? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? Math.Round(n / d * 100, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>What a submitted line needs besides being in range.</summary>
    public static List<FieldError> CheckComplete(ReportItem item, bool ratio, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        var errors = new List<FieldError>();
        void Refuse(string field, Sentence message) => errors.Add(new FieldError(item.Id, field, message));
        switch (item.Kind)
        {
            case ReportItemKinds.Task:
                if (item.TaskStatus is null) Refuse(LineFields.Status, "Chưa chọn trạng thái thực hiện nhiệm vụ.");
                if (item.TaskStatus == ReportedTaskStatuses.Done && item.CompletedOn is null)
                    Refuse(LineFields.Completed, "Nhiệm vụ đã hoàn thành thì phải ghi ngày hoàn thành (dd/mm/yyyy).");
                if (item.TaskStatus == ReportedTaskStatuses.CannotDo && string.IsNullOrWhiteSpace(item.Reason))
                    Refuse(LineFields.Reason, "Nhiệm vụ không thể thực hiện thì phải nêu lý do.");
                CheckCompletedDay(item, today, Refuse);
                break;
            case ReportItemKinds.Contribution:
                CheckCompletedDay(item, today, Refuse);
                break;
            case ReportItemKinds.Indicator when ratio:
                if (item.Numerator is null) Refuse(LineFields.Numerator, "Chưa nhập tử số của chỉ tiêu.");
                if (item.Denominator is null) Refuse(LineFields.Denominator, "Chưa nhập mẫu số của chỉ tiêu.");
                if (item.Numerator > item.Denominator)
                    Refuse(LineFields.Numerator, new Sentence("Tử số ({0:#,0.##}) không được lớn hơn mẫu số ({1:#,0.##}).", item.Numerator, item.Denominator));
                break;
            case ReportItemKinds.Indicator:
                if (item.Value is null) Refuse(LineFields.Value, "Chưa nhập giá trị đạt được của chỉ tiêu.");
                break;
        }
        return errors;
    }

    private static void CheckCompletedDay(ReportItem item, DateOnly today, Action<string, Sentence> refuse)
    {
        if (item.CompletedOn > today)
            refuse(LineFields.Completed, new Sentence("Ngày hoàn thành {0} chưa đến; hãy ghi ngày đã hoàn thành thật.", ReportValues.Date(item.CompletedOn)));
    }

    /// <summary>A field's value as shown and as recorded in a correction ("Hoàn thành", "75", "15/03/2026", "12,5").</summary>
    public static string? Shown(ReportItem item, string field)
    {
        ArgumentNullException.ThrowIfNull(item);
        var shown = field switch
        {
            LineFields.Status => ReportLabels.TaskStatus(item.TaskStatus),
            LineFields.Percent => item.Percent?.ToString(CultureInfo.InvariantCulture),
            LineFields.Completed => ReportValues.Date(item.CompletedOn),
            LineFields.Value => ReportValues.Number(item.Value),
            LineFields.Numerator => ReportValues.Number(item.Numerator),
            LineFields.Denominator => ReportValues.Number(item.Denominator),
            _ => Text(item, field),
        };
        return string.IsNullOrEmpty(shown) ? null : shown;
    }

    /// <summary>A field's value as the form shows it for editing (the status as its code).</summary>
    public static string Editable(ReportItem item, string field)
    {
        ArgumentNullException.ThrowIfNull(item);
        return field == LineFields.Status ? item.TaskStatus ?? "" : Shown(item, field) ?? "";
    }

    private static string? Text(ReportItem item, string field) => field switch
    {
        LineFields.Work => item.WorkDone,
        LineFields.Difficulties => item.Difficulties,
        LineFields.Requests => item.Requests,
        LineFields.Reason => item.Reason,
        LineFields.Source => item.DataSource,
        _ => null,
    };

    private static void SetText(ReportItem item, string field, string? text)
    {
        switch (field)
        {
            case LineFields.Work: item.WorkDone = text; break;
            case LineFields.Difficulties: item.Difficulties = text; break;
            case LineFields.Requests: item.Requests = text; break;
            case LineFields.Reason: item.Reason = text; break;
            case LineFields.Source: item.DataSource = text; break;
        }
    }
}
