using RoViec.Data.Entities;

namespace RoViec.Web.Features.Notifications;

/// <summary>The kinds of notice as the preferences page names and explains them.</summary>
public static class NoticeKindLabels
{
    public sealed record Label(string Name, string Explanation);

    private static readonly Dictionary<string, Label> Labels = new(StringComparer.Ordinal)
    {
        [NoticeKinds.DueSoon] = new("Sắp đến hạn báo cáo", "Nhắc trước hạn báo cáo của đơn vị vài ngày."),
        [NoticeKinds.DueToday] = new("Đến hạn báo cáo hôm nay", "Nhắc vào đúng ngày hạn báo cáo."),
        [NoticeKinds.Late] = new("Báo cáo quá hạn", "Báo cáo của đơn vị đã quá hạn mà chưa gửi."),
        [NoticeKinds.Escalation] = new("Báo cáo quá hạn nhiều ngày (thủ trưởng, thành viên Ban Chỉ đạo)", "Đơn vị mình phụ trách chưa gửi báo cáo sau hạn nhiều ngày."),
        [NoticeKinds.TaskAlert] = new("Nhiệm vụ có nguy cơ chậm hoặc quá hạn", "Một nhiệm vụ đơn vị chủ trì hoặc mình chỉ đạo chuyển sang có nguy cơ chậm hoặc quá hạn."),
        [NoticeKinds.ReportFlow] = new("Báo cáo được trả lại, xác nhận hoặc chờ duyệt", "Báo cáo của đơn vị được trả lại để sửa, được xác nhận, hoặc đang chờ mình xử lý."),
        [NoticeKinds.DeadlineChange] = new("Đề nghị điều chỉnh thời hạn nhiệm vụ", "Một đơn vị đề nghị điều chỉnh thời hạn nhiệm vụ, hoặc đề nghị của đơn vị mình được duyệt hay bị từ chối."),
    };

    public static Label For(string kind) => Labels.TryGetValue(kind, out var label) ? label : new(kind, "");
}
