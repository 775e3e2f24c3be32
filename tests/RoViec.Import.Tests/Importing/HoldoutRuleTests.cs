using System.Text;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;

namespace RoViec.Import.Tests.Importing;

/// <summary>
/// Rules found by scoring the importer on plans it had never seen (tests/fixtures/holdout, issue 19): unit-headed bullets
/// under an intro that names the targets, deadlines in the last clause of a sentence, support named by a bullet, ranks in
/// indicator tables, a predicate after a counted thing, spaced document numbers. One test per rule.
/// </summary>
public sealed class HoldoutRuleTests
{
    private const string Header = """
        ỦY BAN NHÂN DÂN
        XÃ KIM BẢNG

        Số: 45/KH-UBND

        Kim Bảng, ngày 10 tháng 02 năm 2026

        KẾ HOẠCH
        Thực hiện cải cách hành chính và chuyển đổi số năm 2026

        """;

    private static Domain.Plans.PlanDraft Tasks(string body) => TextPlans.Import(Header + "III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN\n\n" + body);

    [Fact]
    public void Intro_that_names_the_targets_in_passing_still_introduces_tasks()
    {
        var draft = Tasks("""
            Để hoàn thành các chỉ tiêu nêu trên, UBND xã giao nhiệm vụ cụ thể cho các cơ quan, đơn vị như sau:

            1. Văn phòng HĐND-UBND xã:

            - Tham mưu UBND xã ban hành Quy chế làm việc trên môi trường điện tử, hoàn thành trước 30/6/2026.

            2. Phòng Kinh tế:

            - Hỗ trợ hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử; thời hạn: Quý IV/2026.
            """);

        Assert.Equal(2, draft.Tasks.Count);
        Assert.Equal("Văn phòng HĐND-UBND xã", Assert.Single(draft.Tasks[0].Lead).AsWritten);
        Assert.Equal(Deadline.Of(DeadlineKind.Date, new DateOnly(2026, 6, 30)), draft.Tasks[0].Deadline);
        Assert.Equal("Phòng Kinh tế", Assert.Single(draft.Tasks[1].Lead).AsWritten);
    }

    [Fact]
    public void Intro_that_is_a_targets_label_still_opens_a_list_of_targets()
    {
        var draft = Tasks("""
            1. Phòng Văn hóa - Xã hội:

            - Tổ chức tập huấn kỹ năng số cho cán bộ, công chức xã, hoàn thành trong tháng 5/2026.

            Một số chỉ tiêu chủ yếu:

            - 100% cán bộ, công chức được tập huấn kỹ năng số.
            """);

        Assert.Single(draft.Tasks);
        Assert.Contains(draft.Indicators, i => i.Target.Value == 100);
    }

    [Theory]
    [InlineData("Theo dõi việc xử lý văn bản trên Hệ thống quản lý văn bản; báo cáo Chủ tịch UBND xã hằng tháng.", DeadlineKind.Recurring)]
    [InlineData("Lấy ý kiến đánh giá sự hài lòng của người dân; tổng hợp báo cáo hằng quý.", DeadlineKind.Recurring)]
    [InlineData("Rà soát, đề xuất đơn giản hóa thủ tục hành chính thuộc lĩnh vực phụ trách; thực hiện theo tiến độ của tỉnh.", DeadlineKind.External)]
    [InlineData("Tổ chức thu nhận hồ sơ căn cước lưu động tại các thôn theo Kế hoạch của Công an tỉnh.", DeadlineKind.External)]
    [InlineData("Rà soát, hoàn thiện bản mô tả vị trí việc làm của công chức xã; đã hoàn thành.", DeadlineKind.Done)]
    [InlineData("Tham mưu chấm điểm Chỉ số cải cách hành chính của xã theo hướng dẫn của tỉnh.", DeadlineKind.None)]
    [InlineData("Xây dựng chương trình đào tạo kỹ năng số; lồng ghép nội dung chuyển đổi số vào kế hoạch đào tạo hàng năm.", DeadlineKind.None)]
    public void Last_clause_of_a_task_can_be_its_deadline(string bullet, DeadlineKind kind)
    {
        var task = Assert.Single(Tasks("1. Văn phòng HĐND-UBND xã:\n\n- " + bullet + "\n").Tasks);

        Assert.Equal(kind, task.Deadline.Kind);
    }

    [Fact]
    public void Half_year_after_hoan_thanh_is_due_at_its_end()
    {
        var task = Assert.Single(Tasks("""
            1. Phòng Văn hóa - Xã hội:

            - Triển khai chi trả trợ cấp xã hội hằng tháng qua tài khoản ngân hàng; hoàn thành trong 6 tháng đầu năm 2026.
            """).Tasks);

        Assert.Equal(new DateOnly(2026, 6, 30), task.Deadline.Due);
    }

    [Fact]
    public void Labelled_open_start_in_a_sentence_is_recurring()
    {
        var task = Assert.Single(Tasks("""
            1. Xây dựng chính quyền số

            1.1. Phòng Kinh tế chủ trì vận động hộ kinh doanh tại chợ sử dụng thanh toán không dùng tiền mặt; thời gian: Từ năm 2026.
            """).Tasks);

        Assert.Equal(DeadlineKind.Recurring, task.Deadline.Kind);
    }

    [Fact]
    public void Bullet_that_starts_with_phoi_hop_voi_names_the_support_of_the_sections_unit()
    {
        var task = Assert.Single(Tasks("""
            7. Trưởng các thôn:

            - Phối hợp với Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt, sử dụng ứng dụng VNeID.
            """).Tasks);

        Assert.Equal("Trưởng các thôn", Assert.Single(task.Lead).AsWritten);
        Assert.Equal("Tổ công nghệ số cộng đồng", Assert.Single(task.Support).AsWritten);
    }

    [Fact]
    public void Lowercase_cac_after_a_comma_and_doan_heads_start_the_next_unit_and_cu_ends_one()
    {
        var draft = Tasks("""
            1. Phòng Văn hóa - Xã hội:

            - Cập nhật tin, bài trên Cổng thông tin điện tử xã (Phòng Văn hóa - Xã hội chủ trì, phối hợp với Văn phòng HĐND-UBND xã, các thôn; thời hạn: hằng quý).

            - Văn phòng HĐND-UBND xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội cử cán bộ, công chức tham gia bồi dưỡng kỹ năng số.

            2. Phát triển nguồn nhân lực số

            a) Nhiệm vụ: Tổ chức đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức.

            b) Đơn vị chủ trì: Sở Nội vụ; đơn vị phối hợp: Sở Khoa học và Công nghệ, Tỉnh đoàn, UBND các xã, phường.
            """);

        Assert.Equal(["Văn phòng HĐND-UBND xã", "các thôn"], draft.Tasks[0].Support.Select(u => u.AsWritten));
        Assert.Equal(["Phòng Văn hóa - Xã hội"], draft.Tasks[1].Support.Select(u => u.AsWritten));
        Assert.Equal(["Sở Khoa học và Công nghệ", "Tỉnh đoàn", "UBND các xã, phường"], draft.Tasks[2].Support.Select(u => u.AsWritten));
    }

    [Fact]
    public void Top_n_in_an_indicator_table_is_a_rank()
    {
        var draft = TextPlans.Import(Header + """
            II. CHỈ TIÊU

            STT	Chỉ tiêu	Đơn vị tính	Chỉ tiêu năm 2026	Lộ trình 2027	Đơn vị chủ trì theo dõi
            1	Xếp hạng Chỉ số cải cách hành chính của phường trong tỉnh	Thứ hạng	Top 10	Top 5	Văn phòng HĐND và UBND phường
            2	Số thủ tục hành chính được cắt giảm, đơn giản hóa	Thủ tục	15	20	Văn phòng HĐND và UBND phường

            III. NHIỆM VỤ, GIẢI PHÁP

            - Sở Nội vụ chủ trì rà soát, kiện toàn bộ máy chuyển đổi số, hoàn thành trong Quý II/2026.
            """);

        var rank = Assert.Single(draft.Indicators, i => i.Name.StartsWith("Xếp hạng", StringComparison.Ordinal));
        Assert.Equal(TargetOp.AtMost, rank.Target.Op);
        Assert.Equal(10, rank.Target.Value);
        Assert.Equal(TargetUnit.Other, rank.Target.Unit);
        var count = Assert.Single(draft.Indicators, i => i.Name.StartsWith("Số thủ tục", StringComparison.Ordinal));
        Assert.Equal(TargetUnit.Count, count.Target.Unit);
    }

    [Fact]
    public void Predicate_after_the_counted_things_is_not_what_is_counted()
    {
        var draft = TextPlans.Import(Header + """
            II. MỤC TIÊU

            - Duy trì Mạng truyền số liệu chuyên dùng cấp II kết nối đến 100% xã, phường, hoạt động ổn định 24/7.

            III. NHIỆM VỤ, GIẢI PHÁP

            - Sở Nội vụ chủ trì rà soát, kiện toàn bộ máy chuyển đổi số, hoàn thành trong Quý II/2026.
            """);

        var indicator = Assert.Single(draft.Indicators);
        Assert.StartsWith("xã, phường được", indicator.Name, StringComparison.Ordinal);
        Assert.Contains("Mạng truyền số liệu chuyên dùng", indicator.Name, StringComparison.Ordinal);
        Assert.DoesNotContain("24/7", indicator.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Spaced_number_and_a_level_word_issuer_are_completed()
    {
        var document = TextPlans.Import("""
            ỦY BAN NHÂN DÂN
            TỈNH PHÚ THỌ

            Số:  52 /KH-UBND

            Phú Thọ, ngày 18 tháng 3 năm 2026

            KẾ HOẠCH
            Chuyển đổi số trên địa bàn tỉnh Phú Thọ năm 2026

            Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2026 như sau:

            III. NHIỆM VỤ, GIẢI PHÁP

            - Sở Nội vụ chủ trì rà soát, kiện toàn bộ máy chuyển đổi số, hoàn thành trong Quý II/2026.
            """).Document;

        Assert.Equal("52/KH-UBND", document.Number);
        Assert.Equal(Domain.Plans.DocumentKind.Plan, document.Kind);
        Assert.Equal("Ủy ban nhân dân tỉnh Phú Thọ", document.Issuer);
    }

    [Fact]
    public void Two_line_people_committee_header_is_the_issuer()
    {
        var document = TextPlans.Import("""
            ỦY BAN NHÂN DÂN
            PHƯỜNG HẠC THÀNH

            Số: 215/QĐ-UBND

            Hạc Thành, ngày 12 tháng 01 năm 2026

            KẾ HOẠCH
            Cải cách hành chính phường Hạc Thành năm 2026

            III. NHIỆM VỤ, GIẢI PHÁP

            - Phòng Văn hóa - Xã hội chủ trì rà soát bản mô tả vị trí việc làm, hoàn thành trong Quý II/2026.
            """).Document;

        Assert.Equal("ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH", document.Issuer);
    }
}
