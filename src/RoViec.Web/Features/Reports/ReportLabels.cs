using RoViec.Data.Entities;

namespace RoViec.Web.Features.Reports;

/// <summary>What people read for a report's state, a task's reported status and a line's kind.</summary>
public static class ReportLabels
{
    /// <summary>The states in the order a report goes through them, for filters.</summary>
    public static readonly IReadOnlyList<string> States =
        [ReportStates.Draft, ReportStates.AwaitingApproval, ReportStates.Submitted, ReportStates.Returned, ReportStates.Verified];

    /// <summary>As every page of the reporting cycle shows it (<see cref="Periods.PeriodLabels.Report"/>).</summary>
    public static string State(string state) => Periods.PeriodLabels.Report(state);

    public static string TaskStatus(string? status) => status switch
    {
        ReportedTaskStatuses.NotStarted => "Chưa bắt đầu",
        ReportedTaskStatuses.InProgress => "Đang thực hiện",
        ReportedTaskStatuses.Done => "Hoàn thành",
        ReportedTaskStatuses.CannotDo => "Không thể thực hiện",
        null or "" => "",
        _ => status,
    };

    public static string Kind(string kind) => kind switch
    {
        ReportItemKinds.Task => "Nhiệm vụ chủ trì",
        ReportItemKinds.Contribution => "Phối hợp",
        ReportItemKinds.Indicator => "Chỉ tiêu",
        _ => kind,
    };
}
