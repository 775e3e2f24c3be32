using System.Text;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;
using RoViec.Import.Reading;

namespace RoViec.Import.Tests.Importing;

/// <summary>
/// Rules found by the third blind measurement (tests/fixtures/blind3, issue 19): plain paragraphs whose last sentence says
/// who does the work ("… . VP HĐND-UBND chủ trì, Phòng VH-XH phối hợp; thời gian: …"), "A chỉ đạo B chủ trì", a heading
/// about access to resources, "thực hiện hằng năm" at the end, "trước 15/12/2026", a trailing "Sản phẩm:", lettered
/// sub-rows of a table, counts in product cells, counts per period and ranks among leading units. One test per rule.
/// </summary>
public sealed class ThirdBlindRuleTests
{
    private const string Header = """
        ỦY BAN NHÂN DÂN
        XÃ NGA SƠN

        Số: 08/KH-UBND

        Nga Sơn, ngày 09 tháng 01 năm 2026

        KẾ HOẠCH
        Cải cách hành chính năm 2026

        """;

    private static Domain.Plans.PlanDraft Tasks(string body) => TextPlans.Import(Header + "III. NHIỆM VỤ VÀ GIẢI PHÁP\n\n" + body);

    private static Domain.Tasks.PlanTask Only(string paragraph) => Assert.Single(Tasks("1. Công tác chỉ đạo, điều hành\n\n" + paragraph + "\n").Tasks);

    [Fact]
    public void Heading_about_access_to_resources_is_work_to_do()
    {
        var draft = Tasks("""
            3. Hỗ trợ doanh nghiệp, hộ kinh doanh tiếp cận nguồn lực, đổi mới sáng tạo và chuyển đổi số

            Khảo sát nhu cầu của các hộ kinh doanh có quy mô lớn; hướng dẫn, hỗ trợ thủ tục chuyển đổi lên doanh nghiệp. Giao Ủy ban nhân dân xã chủ trì thực hiện trong năm 2026.

            Kết nối các tổ chức tín dụng trên địa bàn với hộ kinh doanh, hợp tác xã để tiếp cận các gói tín dụng ưu đãi.
            """);

        Assert.Equal(2, draft.Tasks.Count);
    }

    [Theory]
    [InlineData("Tuyên truyền về CCHC trên hệ thống truyền thanh xã. Phòng VH-XH chủ trì, phối hợp với Đoàn Thanh niên xã, Hội LHPN xã thực hiện thường xuyên.", "Phòng VH-XH", "Đoàn Thanh niên xã|Hội LHPN xã")]
    [InlineData("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính. Trung tâm PVHCC chủ trì, các phòng chuyên môn phối hợp; thời gian: Thường xuyên.", "Trung tâm PVHCC", "các phòng chuyên môn")]
    [InlineData("Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026. Văn phòng HĐND và UBND xã (VP HĐND-UBND) tham mưu, hoàn thành trong tháng 01/2026.", "Văn phòng HĐND và UBND xã", "")]
    [InlineData("Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính; VP HĐND-UBND thực hiện thường xuyên, báo cáo kết quả hằng quý.", "VP HĐND-UBND", "")]
    [InlineData("Phối hợp với Công an xã (CA xã) kích hoạt tài khoản định danh điện tử cho người dân. Trung tâm PVHCC chủ trì, thời gian: Quý II/2026.", "Trung tâm PVHCC", "Công an xã")]
    [InlineData("Đưa kết quả thực hiện nhiệm vụ CCHC vào tiêu chí đánh giá cán bộ, công chức. Trách nhiệm thực hiện thuộc VP HĐND-UBND, thời gian thực hiện: Tháng 12/2026.", "VP HĐND-UBND", "")]
    [InlineData("Tổ chức kiểm tra công tác CCHC tại các phòng chuyên môn. Chủ tịch UBND xã chỉ đạo, VP HĐND-UBND chủ trì, Phòng Văn hóa - Xã hội (Phòng VH-XH) phối hợp thực hiện.", "VP HĐND-UBND", "Phòng Văn hóa - Xã hội")]
    [InlineData("Đưa nội dung giáo dục khởi nghiệp vào hoạt động trải nghiệm tại các trường trung học phổ thông (Sở Giáo dục và Đào tạo chủ trì; thời gian: Thường xuyên).", "Sở Giáo dục và Đào tạo", "")]
    public void Later_sentence_or_clause_says_who_leads_and_who_supports(string paragraph, string lead, string support)
    {
        var task = Only(paragraph);

        Assert.Equal(lead, string.Join("|", task.Lead.Select(u => u.AsWritten)));
        Assert.Equal(support, string.Join("|", task.Support.Select(u => u.AsWritten)));
    }

    [Theory]
    [InlineData("Rà soát, đơn giản hóa thủ tục hành chính về đất đai. Giao Ủy ban nhân dân xã chỉ đạo Văn phòng HĐND và UBND xã chủ trì, phối hợp với Trung tâm Phục vụ hành chính công xã thực hiện; hoàn thành trong Quý III/2026.", "Văn phòng HĐND và UBND xã", "Trung tâm Phục vụ hành chính công xã")]
    [InlineData("Ban Thường vụ Đảng ủy lãnh đạo, chỉ đạo Ủy ban nhân dân xã xây dựng Kế hoạch thực hiện Chương trình, phân công nhiệm vụ cho các cơ quan, đơn vị; hoàn thành trước ngày 30/3/2026.", "Ủy ban nhân dân xã", "")]
    [InlineData("Khảo sát tình hình đảng viên làm việc trong doanh nghiệp tư nhân. Giao Ban Xây dựng Đảng chủ trì, phối hợp với Công đoàn xã, Đoàn Thanh niên xã; hoàn thành trước ngày 30/6/2026.", "Ban Xây dựng Đảng", "Công đoàn xã|Đoàn Thanh niên xã")]
    public void The_unit_directed_to_lead_is_the_lead(string paragraph, string lead, string support)
    {
        var task = Only(paragraph);

        Assert.Equal(lead, string.Join("|", task.Lead.Select(u => u.AsWritten)));
        Assert.Equal(support, string.Join("|", task.Support.Select(u => u.AsWritten)));
    }

    [Fact]
    public void A_later_sentence_describing_directed_work_does_not_take_the_lead_from_the_intro()
    {
        var draft = Tasks("""
            2. Đẩy mạnh tuyên truyền

            Ban Xây dựng Đảng chủ trì thực hiện:

            - Phong trào "Bình dân học vụ số": Đây là trọng tâm cấp xã. Đảng ủy chỉ đạo Đoàn thanh niên, Hội Phụ nữ ra quân hướng dẫn người dân cài đặt VNeID.
            """);

        Assert.Equal("Ban Xây dựng Đảng", Assert.Single(Assert.Single(draft.Tasks).Lead).AsWritten);
    }

    [Theory]
    [InlineData("Công khai dự toán, quyết toán ngân sách xã. Phòng Kinh tế chủ trì thực hiện hằng năm.", DeadlineKind.Recurring, null)]
    [InlineData("Tổ chức đối thoại với doanh nghiệp. Giao Văn phòng Đảng ủy chủ trì, phối hợp với Phòng Kinh tế tham mưu tổ chức hằng năm.", DeadlineKind.Recurring, null)]
    [InlineData("Tiếp nhận phản ánh, kiến nghị; VP HĐND-UBND thực hiện thường xuyên, báo cáo kết quả hằng quý.", DeadlineKind.Recurring, null)]
    [InlineData("Thanh tra, kiểm tra doanh nghiệp đúng quy định. Giao Ủy ban Kiểm tra Đảng ủy chủ trì giám sát, báo cáo Ban Thường vụ Đảng ủy trước 15/12/2026.", DeadlineKind.Date, "2026-12-15")]
    [InlineData("Cử cán bộ, công chức tham gia bồi dưỡng văn hóa công vụ theo kế hoạch của UBND tỉnh. VP HĐND-UBND chủ trì, phối hợp với Phòng VH-XH.", DeadlineKind.External, null)]
    public void Deadline_at_the_end_of_an_item_or_before_its_assignment_sentence(string paragraph, DeadlineKind kind, string? due)
    {
        var task = Only(paragraph);

        Assert.Equal(kind, task.Deadline.Kind);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), task.Deadline.Due);
    }

    [Fact]
    public void Closing_product_sentence_is_the_output_and_a_unit_closed_off_by_a_semicolon_does_not_complete()
    {
        var task = Only("Xây dựng Kế hoạch thực hiện Chương trình, phân công nhiệm vụ cho các cơ quan, đơn vị; hoàn thành trước ngày 30/3/2026. Sản phẩm: Kế hoạch của Ủy ban nhân dân xã.");

        Assert.Equal("Kế hoạch của Ủy ban nhân dân xã.", task.Output);
        Assert.Empty(task.Lead);
    }

    [Fact]
    public void Lettered_sub_rows_take_the_empty_cells_of_the_numbered_row_above()
    {
        var draft = TextPlans.Import(Header + """
            PHỤ LỤC

            TT	Nội dung công việc	Cơ quan chủ trì	Cơ quan phối hợp	Sản phẩm	Thời gian hoàn thành	Ghi chú
            I.	HẠ TẦNG SỐ					
            8	Mua sắm, bổ sung thiết bị đầu cuối cho cán bộ, công chức, gồm:	VP HĐND-UBND	Phòng KT-HT&ĐT		Quý III/2026	
            a)	Máy tính để bàn thay thế thiết bị đã hết niên hạn sử dụng			12 bộ máy tính		
            b)	Máy quét tài liệu tốc độ cao tại Bộ phận Một cửa		Trung tâm PVHCC	02 máy quét		
            c)	Thiết bị ký số cho cán bộ, công chức mới được tuyển dụng			Chữ ký số được cấp	Quý II/2026	
            """);

        Assert.Equal(4, draft.Tasks.Count);
        Assert.All(draft.Tasks, t => Assert.Equal("VP HĐND-UBND", Assert.Single(t.Lead).AsWritten));
        Assert.Equal(["Phòng KT-HT&ĐT", "Trung tâm PVHCC", "Phòng KT-HT&ĐT"], draft.Tasks.Skip(1).Select(t => Assert.Single(t.Support).AsWritten));
        Assert.Equal([new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 6, 30)], draft.Tasks.Skip(1).Select(t => t.Deadline.Due!.Value));
        // A product cell that opens with a number says how many, padded or not.
        Assert.Contains(draft.Indicators, i => i.Name == "bộ máy tính" && i.Target is { Op: TargetOp.Equal, Value: 12, Unit: TargetUnit.Count });
        Assert.Contains(draft.Indicators, i => i.Name == "máy quét" && i.Target is { Op: TargetOp.Equal, Value: 2, Unit: TargetUnit.Count });
    }

    [Fact]
    public void Counts_per_period_are_named_by_what_is_done_and_stars_are_not_counted()
    {
        var draft = TextPlans.Import(Header + """
            II. MỤC TIÊU

            Có ít nhất 02 sản phẩm OCOP mới đạt từ 3 sao trở lên do hợp tác xã làm chủ thể. Chỉ số CCHC của xã thuộc nhóm 30 đơn vị dẫn đầu tỉnh.

            III. NHIỆM VỤ VÀ GIẢI PHÁP

            1. Công tác chỉ đạo, điều hành

            Tổ chức kiểm tra công tác CCHC, kỷ luật, kỷ cương hành chính tại các phòng chuyên môn, tối thiểu 02 cuộc/năm, trong đó có kiểm tra đột xuất.

            Thực hiện nghiêm việc thanh tra, kiểm tra đối với doanh nghiệp không quá 01 lần/năm, trừ trường hợp có dấu hiệu vi phạm rõ ràng.
            """);

        var ocop = Assert.Single(draft.Indicators, i => i.Name.Contains("OCOP", StringComparison.Ordinal));
        Assert.Equal(new Target(TargetOp.AtLeast, 2, null, TargetUnit.Count, null, null), ocop.Target with { UnitText = null });
        var rank = Assert.Single(draft.Indicators, i => i.Name.StartsWith("Chỉ số CCHC", StringComparison.Ordinal));
        Assert.Equal((TargetOp.AtMost, 30m, TargetUnit.Other), (rank.Target.Op, rank.Target.Value, rank.Target.Unit));
        var inspections = Assert.Single(draft.Indicators, i => i.Target.Op == TargetOp.AtLeast && i.Target.Value == 2 && i != ocop);
        Assert.StartsWith("kiểm tra công tác CCHC, kỷ luật, kỷ cương hành chính", inspections.Name, StringComparison.Ordinal);
        var cap = Assert.Single(draft.Indicators, i => i.Target.Op == TargetOp.AtMost && i.Target.Unit == TargetUnit.Count);
        Assert.Equal(("thanh tra, kiểm tra đối với doanh nghiệp", 1m), (cap.Name, cap.Target.Value));
        Assert.Equal(4, draft.Indicators.Count);
    }

    [Fact]
    public void Pdf_row_broken_by_a_page_after_an_open_word_is_one_row_though_the_rest_starts_with_a_capital()
    {
        // In the PDF the wrapped row of task 11 breaks after "kết nối với"; "Trung tâm giám sát …" opens the next page.
        var blocks = new PdfDocumentReader().Read(File.ReadAllBytes(FixturePaths.Dir("blind3-pdf", "tam-diep-kh-cds-2026.pdf")));
        var rows = blocks.OfType<RawTable>().SelectMany(t => t.Rows).ToList();

        Assert.DoesNotContain(rows, r => r[0].Length == 0 && r[1].StartsWith("Trung tâm giám sát", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[1].EndsWith("kết nối với Trung tâm giám sát của Công an tỉnh", StringComparison.Ordinal));
    }
}
