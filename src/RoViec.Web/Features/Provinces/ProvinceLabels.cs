using RoViec.Data.Entities;

namespace RoViec.Web.Features.Provinces;

/// <summary>Vietnamese labels of the province's pages (shown through the localizer) and their query-string keys.</summary>
public static class ProvinceLabels
{
    public static string Kind(string kind) => kind switch
    {
        CommuneKinds.Ward => "Phường",
        CommuneKinds.SpecialZone => "Đặc khu",
        _ => "Xã",
    };

    /// <summary>The query string's kind ("xa", "phuong", "dac-khu") as stored; null for none or an unknown one.</summary>
    public static string? KindKey(string? slug) => slug switch
    {
        "xa" => CommuneKinds.Commune,
        "phuong" => CommuneKinds.Ward,
        "dac-khu" => CommuneKinds.SpecialZone,
        _ => null,
    };

    public static string KindSlug(string kind) => kind switch
    {
        CommuneKinds.Ward => "phuong",
        CommuneKinds.SpecialZone => "dac-khu",
        _ => "xa",
    };

    public static string Approval(string state) => state switch
    {
        ApprovalStates.Approved => "Xã đã duyệt, chờ tỉnh tiếp nhận",
        ApprovalStates.Accepted => "Tỉnh đã tiếp nhận",
        ApprovalStates.Returned => "Tỉnh trả lại",
        _ => "Xã chưa duyệt",
    };

    public static string Push(string state) => state switch
    {
        PushStates.Accepted => "Đã đưa vào kế hoạch",
        PushStates.Declined => "Không thực hiện",
        _ => "Chờ xã tiếp nhận",
    };

    public static string Aggregation(string aggregation) => aggregation switch
    {
        Aggregations.Sum => "Cộng các xã",
        Aggregations.Mean => "Bình quân các xã",
        Aggregations.Ratio => "Tỷ lệ: tổng tử số / tổng mẫu số",
        _ => "Số xã đạt mục tiêu",
    };

    public static string Rhythm(string rhythm) => rhythm switch
    {
        IndicatorRhythms.Quarterly => "Hằng quý",
        IndicatorRhythms.Annual => "Hằng năm",
        _ => "Hằng tháng",
    };
}
