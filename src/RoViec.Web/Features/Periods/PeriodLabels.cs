using RoViec.Data.Entities;
using RoViec.Domain.Reporting;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Periods;

/// <summary>Vietnamese labels of the reporting cycle's codes, as pages show them.</summary>
public static class PeriodLabels
{
    /// <summary>A period's name in the reader's language: "Tháng 12/2026", or "December 2026" under English.</summary>
    public static string Name(ReportingPeriod period) => PeriodName.Of(period).Shown();

    public static string Kind(string kind) => kind switch
    {
        PeriodKinds.Monthly => "Tháng",
        PeriodKinds.Quarterly => "Quý",
        PeriodKinds.Annual => "Năm",
        PeriodKinds.Weekly => "Tuần",
        _ => "Đột xuất",
    };

    public static string State(string state) => state switch
    {
        PeriodStates.Scheduled => "Chưa mở",
        PeriodStates.Open => "Đang mở",
        _ => "Đã đóng",
    };

    public static string Report(string state) => state switch
    {
        ReportStates.Draft => "Nháp",
        ReportStates.AwaitingApproval => "Chờ trưởng đơn vị duyệt",
        ReportStates.Submitted => "Chờ xác minh",
        ReportStates.Returned => "Bị trả lại",
        _ => "Đã xác minh",
    };

    public static string Health(TaskHealth health) => health switch
    {
        TaskHealth.NotStarted => "Chưa bắt đầu",
        TaskHealth.OnTrack => "Đúng tiến độ",
        TaskHealth.AtRisk => "Có nguy cơ chậm",
        TaskHealth.Overdue => "Quá hạn",
        TaskHealth.DoneOnTime => "Hoàn thành đúng hạn",
        TaskHealth.DoneLate => "Hoàn thành trễ hạn",
        TaskHealth.CannotDo => "Không thể thực hiện",
        TaskHealth.Recurring => "Thường xuyên",
        TaskHealth.External => "Theo kế hoạch cấp trên",
        TaskHealth.Closed => "Đã dừng (điều chỉnh kế hoạch)",
        _ => "Đã thực hiện trước kế hoạch",
    };

    /// <summary>A percentage as Vietnamese write it ("87,5%"), or a dash when there is nothing to measure.</summary>
    /// <summary>The on-time rate as shown: "chưa đến hạn" while no report is due yet, never a share of reports not yet due.</summary>
    public static string OnTime(RoViec.Domain.Reporting.ReportingRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return rate.NotYetDue ? NotYetDue : Percent(rate.OnTimeRate);
    }

    public const string NotYetDue = "chưa đến hạn";

    public static string Percent(decimal? value) =>
        value is null ? "—" : value.Value.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";
}
