using System.Text;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;

namespace RoViec.Import.Tests.Importing;

/// <summary>
/// Rules found by the second blind measurement (tests/fixtures/blind, issue 19): lettered items that name their lead,
/// provincial inspectorates, bare "Phối hợp:" field lines under "Nhiệm vụ N:" blocks, a "Phối hợp với X khai thác …"
/// bullet, deadline cells that list several periods, and score points in an indicator table. One test per rule.
/// </summary>
public sealed class BlindRuleTests
{
    private const string Header = """
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG TRỊ

        Số: 25/CTr-UBND

        Quảng Trị, ngày 10 tháng 3 năm 2026

        CHƯƠNG TRÌNH
        Phát triển khoa học, công nghệ và đổi mới sáng tạo năm 2026

        """;

    private static Domain.Plans.PlanDraft Tasks(string body) => TextPlans.Import(Header + "II. NHIỆM VỤ, GIẢI PHÁP\n\n" + body);

    [Fact]
    public void Lettered_item_names_its_lead_and_support_after_the_letter()
    {
        var draft = Tasks("""
            1. Hoàn thiện cơ chế, chính sách

            a) Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tư pháp, Sở Tài chính tham mưu ban hành chính sách hỗ trợ đổi mới sáng tạo; hoàn thành trong Quý II/2026.

            b) Giao Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ hướng dẫn cơ chế khoán chi; thời gian hoàn thành: tháng 6/2026.
            """);

        Assert.Equal(2, draft.Tasks.Count);
        Assert.Equal("Sở Khoa học và Công nghệ", Assert.Single(draft.Tasks[0].Lead).AsWritten);
        Assert.Equal(["Sở Tư pháp", "Sở Tài chính"], draft.Tasks[0].Support.Select(u => u.AsWritten));
        Assert.Equal("Sở Tài chính", Assert.Single(draft.Tasks[1].Lead).AsWritten);
        Assert.Equal("Sở Khoa học và Công nghệ", Assert.Single(draft.Tasks[1].Support).AsWritten);
    }

    [Fact]
    public void Provincial_inspectorate_and_associations_are_units()
    {
        var draft = Tasks("""
            1. Nâng cao hiệu quả quản lý nhà nước

            Giao Thanh tra tỉnh chủ trì, phối hợp với Hiệp hội Doanh nghiệp tỉnh tăng cường kiểm tra việc sử dụng kinh phí khoa học và công nghệ; thực hiện hằng năm.
            """);

        var task = Assert.Single(draft.Tasks);
        Assert.Equal("Thanh tra tỉnh", Assert.Single(task.Lead).AsWritten);
        Assert.Equal("Hiệp hội Doanh nghiệp tỉnh", Assert.Single(task.Support).AsWritten);
    }

    [Fact]
    public void Later_clause_that_hands_the_item_to_a_unit_names_the_lead()
    {
        var draft = Tasks("""
            4. Phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo

            b) Tổ chức Cuộc thi Khởi nghiệp đổi mới sáng tạo năm 2026 gắn với Tuần lễ khoa học và công nghệ của tỉnh; Giao Tỉnh đoàn chủ trì, phối hợp với Sở Khoa học và Công nghệ; thời gian thực hiện: Tháng 11/2026.
            """);

        var task = Assert.Single(draft.Tasks);
        Assert.Equal("Tỉnh đoàn", Assert.Single(task.Lead).AsWritten);
        Assert.Equal("Sở Khoa học và Công nghệ", Assert.Single(task.Support).AsWritten);
    }

    [Fact]
    public void Bare_phoi_hop_field_line_fills_the_block_and_keeps_it_open()
    {
        var draft = Tasks("""
            1. Văn phòng HĐND và UBND xã

            Nhiệm vụ 1: Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của xã.
            - Thời gian hoàn thành: Quý III/2026.
            - Phối hợp: Các phòng chuyên môn, Trung tâm Phục vụ hành chính công xã.
            - Sản phẩm: Báo cáo rà soát, phương án đơn giản hóa.
            """);

        var task = Assert.Single(draft.Tasks);
        Assert.Equal(["Các phòng chuyên môn", "Trung tâm Phục vụ hành chính công xã"], task.Support.Select(u => u.AsWritten));
        Assert.Equal("Báo cáo rà soát, phương án đơn giản hóa.", task.Output);
    }

    [Fact]
    public void Bullet_starting_with_phoi_hop_names_support_up_to_khai_thac()
    {
        var draft = Tasks("""
            5. Công an xã

            - Phối hợp với Trung tâm Phục vụ hành chính công xã khai thác dữ liệu dân cư, tài khoản định danh điện tử trong giải quyết thủ tục hành chính; thực hiện thường xuyên.
            """);

        var task = Assert.Single(draft.Tasks);
        Assert.Equal("Công an xã", Assert.Single(task.Lead).AsWritten);
        Assert.Equal("Trung tâm Phục vụ hành chính công xã", Assert.Single(task.Support).AsWritten);
    }

    [Theory]
    [InlineData("Tháng 6/2026 và tháng 12/2026", "2026-06-30", "2026-12-31")]
    [InlineData("Quý II, Quý IV/2026", "2026-06-30", "2026-12-31")]
    [InlineData("Quý II/2026 và Quý IV/2026.", "2026-06-30", "2026-12-31")]
    [InlineData("Quý I/2026 (hướng dẫn); Quý IV/2026 (đánh giá kết quả).", "2026-03-31", "2026-12-31")]
    public void Deadline_listing_several_periods_is_milestones(string raw, string first, string last)
    {
        var deadline = DeadlineParser.Parse(raw, 2026);

        Assert.Equal(DeadlineKind.Milestones, deadline.Kind);
        Assert.Equal([DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)], deadline.Milestones.Select(m => m.Due));
    }

    [Theory]
    [InlineData("Quý IV/2025 - Quý II/2026", DeadlineKind.Quarter)]
    [InlineData("Quý I-II/2026", DeadlineKind.Quarter)]
    [InlineData("Tháng 6 và tháng 12 hằng năm", DeadlineKind.Recurring)]
    public void Spans_and_rhythms_are_not_milestones(string raw, DeadlineKind kind) =>
        Assert.Equal(kind, DeadlineParser.Parse(raw, 2026).Kind);

    [Fact]
    public void Score_points_in_an_indicator_table_are_not_a_count()
    {
        var draft = TextPlans.Import(Header + """
            I. CHỈ TIÊU

            STT	Chỉ tiêu	Đơn vị tính	Kế hoạch 2026	Đơn vị chịu trách nhiệm
            1	Điểm Chỉ số cải cách hành chính của xã do tỉnh đánh giá	Điểm	85 - 90	Văn phòng HĐND và UBND xã
            2	Số thủ tục hành chính được rà soát, đề xuất phương án đơn giản hóa	Thủ tục	05	Văn phòng HĐND và UBND xã
            """);

        Assert.Equal(2, draft.Indicators.Count);
        Assert.Equal(TargetUnit.Other, draft.Indicators[0].Target.Unit);
        Assert.Equal((85m, 90m), (draft.Indicators[0].Target.Value, draft.Indicators[0].Target.ValueMax));
        Assert.Equal(TargetUnit.Count, draft.Indicators[1].Target.Unit);
    }
}
