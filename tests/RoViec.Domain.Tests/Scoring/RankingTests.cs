using RoViec.Domain.Scoring;

namespace RoViec.Domain.Tests.Scoring;

/// <summary>Rankings: by total, then the scheme's tie rules in order, then a shared rank or the name.</summary>
public sealed class RankingTests
{
    private static readonly ClassBand[] Abcd = [new("A", 90), new("B", 75), new("C", 50), new("D", 0)];

    private static SchemeDefinition Scheme(params string[] ties) => new() { Criteria = [], Classes = Abcd, TieBreakers = ties };

    private static RankEntry E(string name, decimal total, decimal results = 0, int submittedDay = 15, decimal deducted = 0) =>
        new(Guid.NewGuid(), name, total, results, deducted, new DateTime(2026, 10, submittedDay, 3, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Higher_total_ranks_first_with_its_class()
    {
        var ranked = Ranking.Rank(Scheme(TieBreakers.Shared), [E("Văn phòng", 72), E("Công an xã", 91.5m), E("Trạm Y tế", 80)]);
        Assert.Equal(["Công an xã", "Trạm Y tế", "Văn phòng"], ranked.Select(r => r.UnitName));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Equal(["A", "B", "C"], ranked.Select(r => r.Class));
        Assert.All(ranked, r => Assert.Null(r.TieNote));
    }

    [Fact]
    public void A_tie_is_broken_by_results_then_by_the_earlier_report()
    {
        var ranked = Ranking.Rank(Scheme(TieBreakers.Results, TieBreakers.FirstSubmitted, TieBreakers.Shared),
        [
            E("Trường THCS", 85, results: 60, submittedDay: 12),
            E("Công an xã", 85, results: 68, submittedDay: 19),
            E("Trạm Y tế", 85, results: 60, submittedDay: 10),
        ]);
        Assert.Equal(["Công an xã", "Trạm Y tế", "Trường THCS"], ranked.Select(r => r.UnitName));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Contains("kết quả", ranked[1].TieNote, StringComparison.Ordinal);
        Assert.Contains("muộn hơn", ranked[2].TieNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_equal_on_every_rule_share_a_rank_and_the_next_rank_is_skipped()
    {
        var ranked = Ranking.Rank(Scheme(TieBreakers.Results, TieBreakers.Shared),
            [E("A xã", 90, 70), E("B xã", 80, 60), E("C xã", 80, 60), E("D xã", 70, 50)]);
        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
        Assert.StartsWith("Đồng hạng", ranked[2].TieNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_shared_rank_the_name_decides_last()
    {
        var ranked = Ranking.Rank(Scheme(TieBreakers.FewerDeductions), [E("Đoàn Thanh niên", 80, deducted: 2), E("Ban Chỉ huy Quân sự", 80, deducted: 2), E("Hội Nông dân", 80, deducted: 0)]);
        Assert.Equal(["Hội Nông dân", "Ban Chỉ huy Quân sự", "Đoàn Thanh niên"], ranked.Select(r => r.UnitName));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void The_tie_rule_is_stated_in_words()
    {
        Assert.Equal("Bằng điểm: xếp trên là đơn vị có điểm phần kết quả thực hiện nhiệm vụ cao hơn, rồi gửi báo cáo sớm hơn; nếu vẫn bằng nhau thì đồng hạng.",
            Ranking.Describe(Scheme(TieBreakers.Results, TieBreakers.FirstSubmitted, TieBreakers.Shared)));
    }
}
