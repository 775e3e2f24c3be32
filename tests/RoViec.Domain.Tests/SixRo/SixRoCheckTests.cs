using RoViec.Domain.SixRo;
using RoViec.Domain.Tests.Builders;
using RoViec.Domain.Text;

namespace RoViec.Domain.Tests.SixRo;

public sealed class SixRoCheckTests
{
    private static SixRoDefect Single(PlanTaskBuilder builder) => Assert.Single(SixRoCheck.Check(builder.Build()));

    private static void AssertSingle(PlanTaskBuilder builder, SixRoCriterion criterion, SixRoProblem problem)
    {
        var defect = Single(builder);
        Assert.Equal(criterion, defect.Criterion);
        Assert.Equal(problem, defect.Problem);
    }

    [Fact]
    public void Task_clear_on_all_six_has_no_defects()
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().Build()));
    }

    // ---- Rõ người chủ trì.

    [Fact]
    public void Task_without_lead_misses_the_lead()
    {
        AssertSingle(PlanTaskBuilder.AClearTask().WithoutLead(), SixRoCriterion.Lead, SixRoProblem.Missing);
    }

    [Theory]
    [InlineData("Các cơ quan, đơn vị")]
    [InlineData("Các phòng, ban chuyên môn, trung tâm trực thuộc UBND xã")]
    public void Task_led_only_by_a_group_has_a_vague_lead(string group)
    {
        AssertSingle(PlanTaskBuilder.AClearTask().LedBy(group), SixRoCriterion.Lead, SixRoProblem.Vague);
    }

    [Fact]
    public void Group_next_to_a_named_lead_is_not_a_defect()
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().LedBy("Ban Chỉ đạo xã", "các cơ quan, đơn vị cấp xã").Build()));
    }

    [Fact]
    public void Lead_not_in_the_catalogue_is_still_a_lead()
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().LedBy("Hợp tác xã Nông nghiệp Bình Minh").Build()));
    }

    // ---- Rõ nội dung.

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Task_without_name_misses_the_content(string name)
    {
        AssertSingle(PlanTaskBuilder.AClearTask().Named(name), SixRoCriterion.Content, SixRoProblem.Missing);
    }

    [Theory]
    [InlineData("Báo cáo")]
    [InlineData("Tổ chức thực hiện các nội dung sau:")]
    public void Task_with_too_short_or_unfinished_name_has_vague_content(string name)
    {
        AssertSingle(PlanTaskBuilder.AClearTask().Named(name), SixRoCriterion.Content, SixRoProblem.Vague);
    }

    // ---- Rõ thời gian hoàn thành.

    [Fact]
    public void Task_without_deadline_misses_the_deadline()
    {
        AssertSingle(PlanTaskBuilder.AClearTask().WithoutDeadline(), SixRoCriterion.Deadline, SixRoProblem.Missing);
    }

    [Theory]
    [InlineData("Theo yêu cầu")]
    [InlineData("Theo kế hoạch của tỉnh.")]
    [InlineData("Sau khi có kinh phí")]
    public void Task_with_external_deadline_has_a_vague_deadline(string raw)
    {
        AssertSingle(PlanTaskBuilder.AClearTask().DueBy(raw), SixRoCriterion.Deadline, SixRoProblem.Vague);
    }

    [Theory]
    [InlineData("Quý V/2026")]
    [InlineData("31/2/2026")]
    [InlineData("Khẩn trương")]
    public void Deadline_written_but_not_understood_is_vague_not_missing(string raw)
    {
        var defect = Single(PlanTaskBuilder.AClearTask().DueBy(raw));

        Assert.Equal(SixRoCriterion.Deadline, defect.Criterion);
        Assert.Equal(SixRoProblem.Vague, defect.Problem);
        Assert.Contains(raw, defect.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trước ngày 30/4/2026.")]
    [InlineData("Tháng 12/2026.")]
    [InlineData("Trong năm 2026.")]
    [InlineData("Thường xuyên")]
    [InlineData("Đã thực hiện")]
    [InlineData("- Phê duyệt: Tháng 01/2026 - Thực hiện 2026 và các năm tiếp theo")]
    public void Dated_recurring_done_or_stepped_deadline_is_clear(string raw)
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().DueBy(raw).Build()));
    }

    // ---- Rõ trách nhiệm phối hợp.

    [Fact]
    public void Task_without_support_misses_the_coordination()
    {
        AssertSingle(PlanTaskBuilder.AClearTask().WithoutSupport(), SixRoCriterion.Coordination, SixRoProblem.Missing);
    }

    [Fact]
    public void Task_supported_by_related_units_has_vague_coordination()
    {
        AssertSingle(PlanTaskBuilder.AClearTask().SupportedBy("Các đơn vị liên quan"), SixRoCriterion.Coordination, SixRoProblem.Vague);
    }

    [Fact]
    public void Related_units_next_to_a_named_supporter_are_not_a_defect()
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().SupportedBy("Công an xã", "Các đơn vị liên quan").Build()));
    }

    [Fact]
    public void Support_by_a_named_group_is_clear()
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().SupportedBy("Các phòng, ban chuyên môn, trung tâm trực thuộc UBND xã").Build()));
    }

    // ---- Rõ sản phẩm đầu ra.

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Task_without_output_misses_the_output(string? output)
    {
        AssertSingle(PlanTaskBuilder.AClearTask().WithOutput(output), SixRoCriterion.Output, SixRoProblem.Missing);
    }

    [Theory]
    [InlineData("Theo yêu cầu")]
    [InlineData("theo kế hoạch")]
    [InlineData("Như trên")]
    [InlineData("Theo kế hoạch của Trung ương, của Tỉnh")]
    [InlineData("Đảm bảo tiến độ, chất lượng.")]
    [InlineData("Đảm bảo")]
    [InlineData("Hoàn thành tốt nhiệm vụ được giao")]
    [InlineData("Tốt")]
    [InlineData("Đạt yêu cầu")]
    public void Task_with_output_naming_nothing_has_a_vague_output(string output)
    {
        AssertSingle(PlanTaskBuilder.AClearTask().WithOutput(output), SixRoCriterion.Output, SixRoProblem.Vague);
    }

    [Theory]
    [InlineData("Kế hoạch theo yêu cầu của tỉnh được ban hành")]
    [InlineData("Đảm bảo kỹ thuật 100% các cuộc họp trực tuyến.")]
    [InlineData("Đảm bảo an toàn thiết bị đầu cuối.")]
    [InlineData("Hồ sơ đề xuất cấp độ an toàn hệ thống thông tin cấp độ 2")]
    public void Output_that_names_a_product_is_clear(string output)
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().WithOutput(output).Build()));
    }

    // ---- Rõ thẩm quyền quyết định.

    [Fact]
    public void Task_without_directing_member_or_decision_authority_misses_the_authority()
    {
        AssertSingle(PlanTaskBuilder.AClearTask().DirectedBy(null).DecidedBy(null), SixRoCriterion.Authority, SixRoProblem.Missing);
    }

    [Fact]
    public void Decision_authority_alone_is_enough()
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().DirectedBy(null).DecidedBy("Ban Thường vụ Đảng ủy").Build()));
    }

    [Fact]
    public void Directing_member_alone_is_enough()
    {
        Assert.Empty(SixRoCheck.Check(PlanTaskBuilder.AClearTask().DirectedBy("Đồng chí Chủ tịch UBND xã").DecidedBy(null).Build()));
    }

    // ---- Several at once, and the messages.

    [Fact]
    public void Empty_task_misses_everything_in_the_order_of_the_six()
    {
        var defects = SixRoCheck.Check(PlanTaskBuilder.AClearTask()
            .Named("")
            .WithoutLead()
            .WithoutSupport()
            .WithoutOutput()
            .WithoutDeadline()
            .DirectedBy(null)
            .Build());

        Assert.Equal(
            [
                SixRoCriterion.Lead,
                SixRoCriterion.Content,
                SixRoCriterion.Deadline,
                SixRoCriterion.Coordination,
                SixRoCriterion.Output,
                SixRoCriterion.Authority,
            ],
            defects.Select(d => d.Criterion));
        Assert.All(defects, d => Assert.Equal(SixRoProblem.Missing, d.Problem));
    }

    [Fact]
    public void Missing_messages_name_the_criterion_in_vietnamese()
    {
        var defects = SixRoCheck.Check(PlanTaskBuilder.AClearTask()
            .Named("")
            .WithoutLead()
            .WithoutSupport()
            .WithoutOutput()
            .WithoutDeadline()
            .DirectedBy(null)
            .Build());

        string MessageOf(SixRoCriterion criterion) => defects.Single(d => d.Criterion == criterion).Message;
        Assert.Contains("chủ trì", MessageOf(SixRoCriterion.Lead), StringComparison.Ordinal);
        Assert.Contains("nội dung", MessageOf(SixRoCriterion.Content), StringComparison.Ordinal);
        Assert.Contains("hoàn thành", MessageOf(SixRoCriterion.Deadline), StringComparison.Ordinal);
        Assert.Contains("phối hợp", MessageOf(SixRoCriterion.Coordination), StringComparison.Ordinal);
        Assert.Contains("sản phẩm đầu ra", MessageOf(SixRoCriterion.Output), StringComparison.Ordinal);
        Assert.Contains("thẩm quyền quyết định", MessageOf(SixRoCriterion.Authority), StringComparison.Ordinal);
        Assert.All(defects, d => Assert.NotEqual(VietnameseText.Fold(d.Message), d.Message.ToLowerInvariant()));
    }

    [Fact]
    public void Vague_messages_quote_what_the_plan_wrote()
    {
        var defects = SixRoCheck.Check(PlanTaskBuilder.AClearTask()
            .LedBy("Các cơ quan, đơn vị")
            .SupportedBy("Các đơn vị liên quan")
            .WithOutput("Theo yêu cầu")
            .DueBy("Theo kế hoạch của tỉnh.")
            .Build());

        Assert.Equal(4, defects.Count);
        Assert.All(defects, d => Assert.Equal(SixRoProblem.Vague, d.Problem));
        Assert.Contains("\"Các cơ quan, đơn vị\"", defects.Single(d => d.Criterion == SixRoCriterion.Lead).Message, StringComparison.Ordinal);
        Assert.Contains("\"Các đơn vị liên quan\"", defects.Single(d => d.Criterion == SixRoCriterion.Coordination).Message, StringComparison.Ordinal);
        Assert.Contains("\"Theo yêu cầu\"", defects.Single(d => d.Criterion == SixRoCriterion.Output).Message, StringComparison.Ordinal);
        Assert.Contains("\"Theo kế hoạch của tỉnh.\"", defects.Single(d => d.Criterion == SixRoCriterion.Deadline).Message, StringComparison.Ordinal);
    }
}
