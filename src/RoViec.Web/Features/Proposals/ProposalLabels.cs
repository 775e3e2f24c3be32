using RoViec.Data.Entities;

namespace RoViec.Web.Features.Proposals;

/// <summary>The Vietnamese words the pages show for the proposals' states and kinds (keys of the English toggle).</summary>
public static class ProposalLabels
{
    public static string State(UnitProposalState state) => state switch
    {
        UnitProposalState.Draft => "Đang soạn",
        UnitProposalState.OnTime => "Đã gửi đúng hạn",
        UnitProposalState.Late => "Gửi muộn",
        _ => "Chưa bắt đầu",
    };

    public static string Kind(string kind) => kind == ProposalItemKinds.Indicator ? "Chỉ tiêu" : "Nhiệm vụ";

    public static string Decision(ProposalItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.TaskId is not null || item.IndicatorId is not null) return "Đã đưa vào kế hoạch";
        return item.Decision switch
        {
            ProposalDecisions.Accepted => "Đã chấp nhận",
            ProposalDecisions.Declined => "Không chấp nhận",
            _ => "Chờ xem xét",
        };
    }

    /// <summary>An amount of đồng as the reader writes numbers ("1.500.000"); a dash for none.</summary>
    public static string Money(decimal? amount) => amount is { } a ? a.ToString("#,0", Shared.Localisation.Numbers.Culture) : "—";
}
