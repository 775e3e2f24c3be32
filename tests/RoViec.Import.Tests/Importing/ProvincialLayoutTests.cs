using System.Text;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;

namespace RoViec.Import.Tests.Importing;

/// <summary>Layouts of provincial, city and commune plans under Resolution 57 (issue 19): one test per rule.</summary>
public sealed class ProvincialLayoutTests
{
    private const string Header = """
        ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH THANH HÓA	Độc lập - Tự do - Hạnh phúc
        Số: 28/KH-UBND	Thanh Hóa, ngày 12 tháng 02 năm 2026

        KẾ HOẠCH

        Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh năm 2026

        Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;

        """;

    [Fact]
    public void Title_is_the_subject_after_the_kind_word_and_the_header_table_gives_number_and_place()
    {
        var document = TextPlans.Import(Header + """
            III. NHIỆM VỤ, GIẢI PHÁP

            - Sở Nội vụ chủ trì rà soát, kiện toàn bộ máy chuyển đổi số, hoàn thành trong Quý II/2026.
            """).Document;

        Assert.Equal("Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh năm 2026", document.Title);
        Assert.Equal("28/KH-UBND", document.Number);
        Assert.Equal("Thanh Hóa", document.Place);
        Assert.Equal(["Nghị quyết số 57-NQ/TW ngày 22/12/2024"], document.LegalBasis);
    }

    [Fact]
    public void Number_and_dateline_on_one_line_as_a_pdf_header_reads_them()
    {
        var document = TextPlans.Import("""
            ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 61/KH-UBND Huế, ngày 05 tháng 3 năm 2026

            KẾ HOẠCH
            Thực hiện Nghị quyết số 57-NQ/TW
            trên địa bàn thành phố Huế năm 2026

            III. NHIỆM VỤ, GIẢI PHÁP

            - Sở Nội vụ chủ trì rà soát, kiện toàn bộ máy chuyển đổi số, hoàn thành trong Quý II/2026.
            """).Document;

        Assert.Equal("61/KH-UBND", document.Number);
        Assert.Equal("Huế", document.Place);
        Assert.Equal("Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn thành phố Huế năm 2026", document.Title);
    }

    [Fact]
    public void Numbered_block_with_lettered_fields_is_one_task_or_one_per_item()
    {
        var draft = TextPlans.Import(Header + """
            III. NHIỆM VỤ, GIẢI PHÁP

            1. Hoàn thiện thể chế

            a) Nhiệm vụ: Xây dựng, trình Hội đồng nhân dân tỉnh ban hành Nghị quyết về chính sách hỗ trợ đổi mới sáng tạo (theo Quyết định số 125-QĐ/TU ngày 12/12/2025 của Ban Thường vụ Tỉnh ủy).

            b) Đơn vị chủ trì: Sở Khoa học và Công nghệ; đơn vị phối hợp: Sở Tài chính, Sở Tư pháp.

            c) Thời gian thực hiện: Quý IV/2025 - Quý II/2026.

            d) Sản phẩm: Nghị quyết của Hội đồng nhân dân tỉnh.

            2. Phát triển thương mại điện tử

            a) Nhiệm vụ:

            - Hỗ trợ hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử;

            - Tổ chức tập huấn kỹ năng livestream bán hàng cho hộ kinh doanh.

            b) Đơn vị chủ trì/phối hợp: Sở Công Thương/Hội Nông dân tỉnh, Hội Liên hiệp Phụ nữ tỉnh.

            c) Thời gian thực hiện: hằng quý
            """);

        Assert.Equal(3, draft.Tasks.Count);
        var first = draft.Tasks[0];
        Assert.Equal(Domain.Tasks.TaskSource.Numbered, first.Source);
        Assert.Equal("1", first.Code);
        Assert.StartsWith("Xây dựng, trình Hội đồng nhân dân tỉnh", first.Name, StringComparison.Ordinal);
        Assert.Equal("Sở Khoa học và Công nghệ", Assert.Single(first.Lead).AsWritten);
        Assert.Equal(["Sở Tài chính", "Sở Tư pháp"], first.Support.Select(u => u.AsWritten));
        Assert.Equal(Deadline.Of(DeadlineKind.Quarter, new DateOnly(2026, 6, 30)), first.Deadline);
        Assert.Equal("Nghị quyết của Hội đồng nhân dân tỉnh.", first.Output);
        Assert.Equal("theo Quyết định số 125-QĐ/TU ngày 12/12/2025", first.UpstreamSource);
        foreach (var item in draft.Tasks.Skip(1))
        {
            Assert.Equal("2", item.Code);
            Assert.Equal("Sở Công Thương", Assert.Single(item.Lead).AsWritten);
            Assert.Equal(["Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"], item.Support.Select(u => u.AsWritten));
            Assert.Equal(DeadlineKind.Recurring, item.Deadline.Kind);
        }
    }

    [Theory]
    [InlineData("Quý IV/2025 - Quý II/2026", DeadlineKind.Quarter, "2026-06-30")]
    [InlineData("2025 - 2035", DeadlineKind.Year, "2035-12-31")]
    [InlineData("Giai đoạn 2026 - 2030", DeadlineKind.Year, "2030-12-31")]
    [InlineData("Quí IV-2025", DeadlineKind.Quarter, "2025-12-31")]
    [InlineData("Quí I/2026", DeadlineKind.Quarter, "2026-03-31")]
    [InlineData("Quý III Năm 2026", DeadlineKind.Quarter, "2026-09-30")]
    [InlineData("6 tháng đầu năm 2026", DeadlineKind.Quarter, "2026-06-30")]
    [InlineData("Từ năm 2026", DeadlineKind.Recurring, null)]
    [InlineData("Từ Quý II/2026 trở đi", DeadlineKind.Recurring, null)]
    [InlineData("Từ năm 2026 đến năm 2030", DeadlineKind.Year, "2030-12-31")]
    [InlineData("hằng quý", DeadlineKind.Recurring, null)]
    [InlineData("Hàng quí", DeadlineKind.Recurring, null)]
    public void Spanning_periods_are_due_at_their_end(string raw, DeadlineKind kind, string? due)
    {
        var deadline = DeadlineParser.Parse(raw, 2026);

        Assert.Equal(kind, deadline.Kind);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline.Due);
    }

    private static List<Domain.Indicators.Indicator> Goals(string bullets) => TextPlans.Import(Header + "II. MỤC TIÊU\n\n" + bullets + """


        III. NHIỆM VỤ, GIẢI PHÁP

        - Sở Nội vụ chủ trì rà soát, kiện toàn bộ máy chuyển đổi số, hoàn thành trong Quý II/2026.
        """).Indicators.ToList();

    [Fact]
    public void Staged_target_gives_one_indicator_per_stage_named_with_its_period()
    {
        var indicators = Goals("- Tỷ trọng kinh tế số trong GRDP của tỉnh năm 2026 đạt 12 %, năm 2027 đạt 15 %, năm 2030 đạt 25 %.");

        Assert.Equal(["Tỷ trọng kinh tế số trong GRDP của tỉnh năm 2026", "Tỷ trọng kinh tế số trong GRDP của tỉnh năm 2027", "Tỷ trọng kinh tế số trong GRDP của tỉnh năm 2030"],
            indicators.Select(i => i.Name));
        Assert.Equal([12m, 15m, 25m], indicators.Select(i => i.Target.Value));
        Assert.All(indicators, i => Assert.Equal(TargetUnit.Percent, i.Target.Unit));
    }

    [Theory]
    [InlineData("- Chỉ số Đổi mới sáng tạo cấp địa phương (PII) thuộc top 03 khu vực Bắc Trung Bộ.", "top 03", 3)]
    [InlineData("- Huế thuộc nhóm ≤ 3 Đông Nam Á về đô thị di sản thông minh.", "≤ 3", 3)]
    public void Rank_is_at_most_that_place_and_not_a_count(string bullet, string raw, int place)
    {
        var indicator = Assert.Single(Goals(bullet));

        Assert.Equal(raw, indicator.TargetRaw);
        Assert.Equal(new Target(TargetOp.AtMost, place, null, TargetUnit.Other, "hạng", null), indicator.Target);
        Assert.DoesNotContain("top", indicator.Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Names_like_24_7_5G_and_cap_do_4_are_not_targets_and_a_target_keeps_its_number_whole()
    {
        var indicators = Goals("""
            - Mở rộng sử dụng ứng dụng Mặt trận số 24/7 đến 100% khu dân cư trên địa bàn tỉnh.

            - Hạ tầng mạng 5G vận hành ổn định; hệ thống cấp độ 4 được giám sát 24/7.
            """);

        var indicator = Assert.Single(indicators);
        Assert.Equal("100%", indicator.TargetRaw);
        Assert.Equal(new Target(TargetOp.Equal, 100, null, TargetUnit.Percent, null, null), indicator.Target);
        Assert.Contains("24/7", indicator.Name, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"đến$", indicator.Name);
    }

    [Fact]
    public void Numbered_goal_lines_are_read_for_targets()
    {
        var indicators = TextPlans.Import(Header + """
            II. CHỈ TIÊU NĂM 2026

            1. 100% cán bộ, công chức xã sử dụng thành thạo Hệ thống quản lý văn bản và điều hành.

            2. Tỷ lệ người dân có tài khoản thanh toán điện tử đạt tối thiểu 85%.

            III. NHIỆM VỤ, GIẢI PHÁP

            - Sở Nội vụ chủ trì rà soát, kiện toàn bộ máy chuyển đổi số, hoàn thành trong Quý II/2026.
            """).Indicators;

        Assert.Equal([100m, 85m], indicators.Select(i => i.Target.Value));
    }

    [Fact]
    public void Restarting_numbering_one_cell_group_rows_stray_text_and_upper_level_column()
    {
        var draft = TextPlans.Import("""
            KẾ HOẠCH năm 2026

            PHỤ LỤC
            STT	Nhiệm vụ	NV theo KH 05-KH/BCĐTW	Cơ quan chủ trì	Sản phẩm	Thời gian hoàn thành
            I. THỂ CHẾ, CHÍNH SÁCH					
            1	Ban hành quy chế vận hành Trung tâm IOC	NV 5	Sở Khoa học và Công nghệ	Quy chế	Quí IV-2025
            II	HẠ TẦNG SỐ			(02 nhiệm vụ)	
            	(Nhóm nhiệm vụ do Sở Khoa học và Công nghệ theo dõi)				
            1	Nâng cấp Trung tâm dữ liệu tỉnh	NV 12	Sở Khoa học và Công nghệ	Trung tâm được nâng cấp	2025 - 2027
            1.1	Trang bị hệ thống giám sát an toàn thông tin 24/7	NV 12			
            """);

        Assert.Equal(["1", "1", "1.1"], draft.Tasks.Select(t => t.Code));
        Assert.Equal("NV theo KH 05-KH/BCĐTW: NV 5", draft.Tasks[0].UpstreamSource);
        Assert.Equal(Deadline.Of(DeadlineKind.Quarter, new DateOnly(2025, 12, 31)), draft.Tasks[0].Deadline);
        Assert.Equal(Deadline.Of(DeadlineKind.Year, new DateOnly(2027, 12, 31)), draft.Tasks[2].Deadline);
        Assert.Contains("II. HẠ TẦNG SỐ", draft.Tasks[1].Section, StringComparison.Ordinal);
        Assert.Contains("I. THỂ CHẾ, CHÍNH SÁCH", draft.Tasks[0].Section, StringComparison.Ordinal);
    }

    [Fact]
    public void Theo_note_in_a_task_cell_is_kept_as_its_upper_level_source()
    {
        var draft = TextPlans.Import("""
            KẾ HOẠCH năm 2026

            PHỤ LỤC
            STT	Nhiệm vụ	Cơ quan chủ trì	Thời gian hoàn thành
            1	Lắp đặt camera an ninh tại các tuyến đường liên thôn (Theo Kế hoạch số 210/KH-CAT ngày 15/11/2025 của Công an tỉnh)	Công an xã	Năm 2026
            """);

        Assert.Equal("Theo Kế hoạch số 210/KH-CAT ngày 15/11/2025", Assert.Single(draft.Tasks).UpstreamSource);
    }
}
