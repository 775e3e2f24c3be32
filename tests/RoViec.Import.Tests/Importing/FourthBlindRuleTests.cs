using System.Text;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;

namespace RoViec.Import.Tests.Importing;

/// <summary>
/// Rules found by the fourth blind measurement (tests/fixtures/blind4, issue 19): numbered blocks whose "a) Nội dung:"
/// lists "- " items and whose "b)" line assigns them in a sentence ("b) Phân công: X chủ trì; Y phối hợp.", "b) Giao X chủ
/// trì; phối hợp: Y."), an item's own deadline in parentheses, several dated steps in one time field or clause, touching
/// quarters listed in a cell, paragraphs that end with who and when in clauses, and a minimum count within a year.
/// One test per rule; the sentences are written for the tests, not taken from the fixtures.
/// </summary>
public sealed class FourthBlindRuleTests
{
    private const string Header = """
        ỦY BAN NHÂN DÂN
        XÃ THẠCH HÀ

        Số: 21/KH-UBND

        Thạch Hà, ngày 12 tháng 02 năm 2026

        KẾ HOẠCH
        Chuyển đổi số năm 2026

        """;

    private static Domain.Plans.PlanDraft Tasks(string body) => TextPlans.Import(Header + "III. NHIỆM VỤ, GIẢI PHÁP\n\n" + body);

    private static Domain.Tasks.PlanTask Only(string paragraph) => Assert.Single(Tasks("1. Công tác chỉ đạo, điều hành\n\n" + paragraph + "\n").Tasks);

    private static string Units(IEnumerable<Domain.Units.UnitRef> units) => string.Join("|", units.Select(u => u.AsWritten));

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A numbered block: "1. heading", "a) Nội dung:" over "- " items, then the block's lettered fields.</summary>
    private static Domain.Plans.PlanDraft Block(string items, string assignment, string time) => Tasks($"""
        1. Chuyển đổi số trong y tế cơ sở

        a) Nội dung:

        {items}

        b) {assignment}

        c) {time}

        """);

    private const string TwoItems = """
        - Triển khai bệnh án điện tử tại Trạm Y tế xã.

        - Hướng dẫn người dân đặt lịch khám bệnh trực tuyến qua ứng dụng.
        """;

    [Fact]
    public void Content_label_over_dash_items_opens_the_task_list_of_the_block()
    {
        var draft = Block(TwoItems, "Đơn vị chủ trì: Trạm Y tế xã; đơn vị phối hợp: Phòng Văn hóa - Xã hội.", "Thời gian hoàn thành: Quý III/2026.");

        Assert.Equal(2, draft.Tasks.Count);
        Assert.All(draft.Tasks, t =>
        {
            Assert.Equal("Trạm Y tế xã", Units(t.Lead));
            Assert.Equal("Phòng Văn hóa - Xã hội", Units(t.Support));
            Assert.Equal(Day("2026-09-30"), t.Deadline.Due);
            Assert.Equal("1", t.Code);
        });
    }

    [Theory]
    [InlineData("Phân công: Trạm Y tế xã chủ trì; Phòng Văn hóa - Xã hội, các thôn phối hợp.")]
    [InlineData("Giao Trạm Y tế xã chủ trì; phối hợp: Phòng Văn hóa - Xã hội, các thôn.")]
    public void Lettered_line_assigning_the_block_in_a_sentence_is_its_lead_and_support(string assignment)
    {
        var draft = Block(TwoItems, assignment, "Thời gian hoàn thành: Quý III/2026.");

        Assert.Equal(2, draft.Tasks.Count);
        Assert.All(draft.Tasks, t =>
        {
            Assert.Equal("Trạm Y tế xã", Units(t.Lead));
            Assert.Equal("Phòng Văn hóa - Xã hội|các thôn", Units(t.Support));
            Assert.Equal(Day("2026-09-30"), t.Deadline.Due);
        });
    }

    [Fact]
    public void An_item_keeps_its_own_deadline_in_parentheses_over_the_block_time()
    {
        var draft = Block("""
            - Số hóa sổ khám bệnh của người cao tuổi (hoàn thành trước 15/5/2026).

            - Nhắn tin nhắc lịch tiêm chủng cho phụ huynh (thực hiện thường xuyên).

            - Lắp đặt máy đọc thẻ Căn cước tại quầy tiếp đón.
            """, "Đơn vị chủ trì: Trạm Y tế xã.", "Thời gian hoàn thành: Quý III/2026.");

        Assert.Equal(3, draft.Tasks.Count);
        Assert.Equal((DeadlineKind.Date, Day("2026-05-15")), (draft.Tasks[0].Deadline.Kind, draft.Tasks[0].Deadline.Due!.Value));
        Assert.Equal(DeadlineKind.Recurring, draft.Tasks[1].Deadline.Kind);
        Assert.Equal((DeadlineKind.Quarter, Day("2026-09-30")), (draft.Tasks[2].Deadline.Kind, draft.Tasks[2].Deadline.Due!.Value));
    }

    [Fact]
    public void Several_dated_steps_in_a_block_time_field_are_milestones()
    {
        var draft = Block(TwoItems, "Đơn vị chủ trì: Trạm Y tế xã.",
            "Thời gian hoàn thành: khảo sát xong trước ngày 31/3/2026; hoàn thành lắp đặt, vận hành trong Quý IV/2026.");

        Assert.All(draft.Tasks, t =>
        {
            Assert.Equal(DeadlineKind.Milestones, t.Deadline.Kind);
            Assert.Equal([("khảo sát", Day("2026-03-31")), ("lắp đặt, vận hành", Day("2026-12-31"))], t.Deadline.Milestones.Select(m => (m.Label, m.Due!.Value)));
        });
    }

    [Fact]
    public void Several_dated_steps_after_a_time_label_in_a_paragraph_are_milestones_and_a_year_inside_a_step_is_not_one()
    {
        var task = Only("Kiểm kê, đánh giá lại tài sản công của xã. Phòng Kinh tế chủ trì; thời gian: kiểm kê tài sản trong Quý I/2026, báo cáo kết quả kiểm kê năm 2025 trong Quý III/2026.");

        Assert.Equal(DeadlineKind.Milestones, task.Deadline.Kind);
        Assert.Equal([("kiểm kê tài sản", Day("2026-03-31")), ("báo cáo kết quả kiểm kê năm 2025", Day("2026-09-30"))], task.Deadline.Milestones.Select(m => (m.Label, m.Due!.Value)));
    }

    [Theory]
    [InlineData("Quý II, Quý III/2026", "2026-09-30")]
    [InlineData("Quý III và Quý IV/2026", "2026-12-31")]
    public void Touching_quarters_listed_in_a_cell_are_one_span(string cell, string due)
    {
        var draft = TextPlans.Import(Header + $"""
            PHỤ LỤC

            TT	Nhiệm vụ	Cơ quan chủ trì	Cơ quan phối hợp	Thời gian thực hiện
            1	Xây dựng kho dữ liệu dùng chung của xã	Văn phòng HĐND và UBND xã	Công an xã	{cell}
            2	Tập huấn kỹ năng số cho cán bộ thôn	Phòng Văn hóa - Xã hội		Quý II và Quý IV/2026
            """);

        var span = draft.Tasks[0].Deadline;
        Assert.Equal((DeadlineKind.Quarter, Day(due)), (span.Kind, span.Due!.Value));
        // Quarters that do not touch are still two steps.
        Assert.Equal(DeadlineKind.Milestones, draft.Tasks[1].Deadline.Kind);
    }

    [Theory]
    [InlineData("Rà soát, cập nhật quy chế văn hóa công sở. Cơ quan chủ trì: Văn phòng HĐND và UBND xã; cơ quan phối hợp: Công đoàn xã, các thôn; thời hạn: Quý II/2026.", "Văn phòng HĐND và UBND xã", "Công đoàn xã|các thôn")]
    [InlineData("Hỗ trợ hợp tác xã đưa sản phẩm lên sàn thương mại điện tử (Phòng Kinh tế chủ trì; các thôn, hợp tác xã phối hợp; thời hạn: Quý III/2026).", "Phòng Kinh tế", "các thôn, hợp tác xã")]
    [InlineData("Tổng kết mô hình thôn thông minh. Phòng Văn hóa - Xã hội chủ trì; Đoàn Thanh niên xã, các thôn phối hợp; hoàn thành trước ngày 20/11/2026.", "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã|các thôn")]
    [InlineData("Duy trì nhóm Zalo hỗ trợ người dân nộp hồ sơ trực tuyến. Trung tâm PVHCC xã phối hợp với Hội Liên hiệp Phụ nữ xã thực hiện thường xuyên.", "Trung tâm PVHCC xã", "Hội Liên hiệp Phụ nữ xã")]
    [InlineData("Chấn chỉnh việc trả hồ sơ trễ hẹn tại Bộ phận Một cửa. Chủ tịch UBND xã trực tiếp chỉ đạo, Trung tâm PVHCC xã tổ chức thực hiện; thời gian: thường xuyên.", "Trung tâm PVHCC xã", "")]
    public void A_paragraph_ending_with_who_in_clauses_names_lead_and_support(string paragraph, string lead, string support)
    {
        var task = Only(paragraph);

        Assert.Equal(lead, Units(task.Lead));
        Assert.Equal(support, Units(task.Support));
    }

    [Fact]
    public void Done_clause_citing_the_decision_that_did_it_is_done()
    {
        var task = Only("Thành lập Tổ công nghệ số cộng đồng tại các thôn. Văn phòng HĐND và UBND xã tham mưu; đã hoàn thành tại Quyết định số 09/QĐ-UBND ngày 08/01/2026.");

        Assert.Equal(DeadlineKind.Done, task.Deadline.Kind);
        Assert.Equal("Văn phòng HĐND và UBND xã", Units(task.Lead));
    }

    [Fact]
    public void A_minimum_number_of_courses_within_the_year_is_a_count()
    {
        var draft = Tasks("""
            1. Nâng cao năng lực số

            Tổ chức bồi dưỡng kỹ năng số cho giáo viên các trường; bảo đảm mỗi giáo viên tham gia tối thiểu 02 khóa tập huấn trong năm. Phòng Văn hóa - Xã hội chủ trì thực hiện.
            """);

        var indicator = Assert.Single(draft.Indicators);
        Assert.Equal((TargetOp.AtLeast, 2m, TargetUnit.Count), (indicator.Target.Op, indicator.Target.Value, indicator.Target.Unit));
        Assert.Equal("khóa tập huấn mỗi giáo viên tham gia trong năm", indicator.Name);
    }
}
