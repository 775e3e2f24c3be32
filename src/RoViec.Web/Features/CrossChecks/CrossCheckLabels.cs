using System.Globalization;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.Features.CrossChecks;

/// <summary>How the cross-check pages write kinds, statuses, numbers and dates.</summary>
public static class CrossCheckLabels
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string LineKind(string kind) => kind switch
    {
        ReportItemKinds.Task => "Nhiệm vụ chủ trì",
        ReportItemKinds.Contribution => "Nhiệm vụ phối hợp",
        ReportItemKinds.Indicator => "Chỉ tiêu",
        _ => kind,
    };

    public static string TaskStatus(string? status) => status switch
    {
        ReportedTaskStatuses.NotStarted => "Chưa bắt đầu",
        ReportedTaskStatuses.InProgress => "Đang thực hiện",
        ReportedTaskStatuses.Done => "Đã hoàn thành",
        ReportedTaskStatuses.CannotDo => "Không thực hiện được",
        null => "—",
        _ => status,
    };

    public static string Result(string result) => result switch
    {
        CrossCheckResults.Confirmed => "Xác nhận",
        CrossCheckResults.NotConfirmed => "Không xác nhận",
        _ => "Chưa kiểm tra",
    };

    public static string Evidence(string kind) => kind switch
    {
        EvidenceKinds.File => "Tệp",
        EvidenceKinds.Document => "Văn bản",
        EvidenceKinds.Link => "Liên kết",
        _ => kind,
    };

    /// <summary>"12,5" — at most two decimals, no trailing zeros.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", Vietnamese);

    public static string Date(DateOnly date) => Periods.DayText.Show(date);

    public static string Time(DateTime utc) => Plans.PlanHistory.VietnamTimeText(utc);

    /// <summary>Only web addresses become links; anything else is shown as text.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
