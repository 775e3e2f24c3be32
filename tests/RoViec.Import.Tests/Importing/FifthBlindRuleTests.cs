using System.Text;
using RoViec.Domain.Deadlines;

namespace RoViec.Import.Tests.Importing;

/// <summary>
/// Rules found by the fifth blind measurement (tests/fixtures/blind5, issue 19): a ward plan whose tasks are numbered
/// paragraphs "1.1." … ending with a bracket that names who leads and when ("(X chủ trì; Quý II/2026)"), or followed by
/// "Đơn vị thực hiện:" / "Thời gian hoàn thành:" lines.
/// One test per rule; the sentences are written for the tests, not taken from the fixtures.
/// </summary>
public sealed class FifthBlindRuleTests
{
    private const string Header = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG BẮC HÀ

        Số: 33/KH-UBND

        Bắc Hà, ngày 09 tháng 3 năm 2026

        KẾ HOẠCH
        Ứng dụng công nghệ số trong quản lý đô thị năm 2026

        """;

    private static Domain.Plans.PlanDraft Tasks(string body) => TextPlans.Import(Header + "III. NHIỆM VỤ, GIẢI PHÁP\n\n" + body);

    private static string Units(IEnumerable<Domain.Units.UnitRef> units) => string.Join("|", units.Select(u => u.AsWritten));

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("(Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; hoàn thành Tháng 7/2026).", "hoàn thành Tháng 7/2026", DeadlineKind.Month, "2026-07-31")]
    [InlineData("(Công an phường chủ trì, phối hợp các tổ dân phố; Quý III/2026 - Quý I/2027).", "Quý III/2026 - Quý I/2027", DeadlineKind.Quarter, "2027-03-31")]
    [InlineData("(Trạm Y tế phường chủ trì; Phòng Văn hóa - Xã hội phối hợp; thực hiện từ Tháng 5/2026 đến Tháng 8/2026).", "thực hiện từ Tháng 5/2026 đến Tháng 8/2026", DeadlineKind.Month, "2026-08-31")]
    [InlineData("(Văn phòng HĐND và UBND phường chủ trì; thực hiện thường xuyên).", "thực hiện thường xuyên", DeadlineKind.Recurring, null)]
    [InlineData("(Phòng Văn hóa - Xã hội chủ trì; hằng năm).", "hằng năm", DeadlineKind.Recurring, null)]
    public void The_time_after_the_lead_in_a_closing_bracket_is_the_deadline(string bracket, string raw, DeadlineKind kind, string? due)
    {
        var task = Assert.Single(Tasks($"""
            1. Đô thị thông minh

            1.1. Lắp đặt cảm biến đo mực nước tại các điểm ngập trên địa bàn phường {bracket}
            """).Tasks);

        Assert.Equal(raw, task.DeadlineRaw);
        Assert.Equal(kind, task.Deadline.Kind);
        Assert.Equal(due is null ? null : Day(due), task.Deadline.Due);
        Assert.NotEmpty(task.Lead);
    }

    [Fact]
    public void A_numbered_paragraph_followed_by_its_unit_and_time_lines_is_one_task_with_those_fields()
    {
        var draft = Tasks("""
            1. Dữ liệu đô thị

            1.1. Xây dựng cơ sở dữ liệu cây xanh đô thị; gắn mã QR cho cây xanh trên các tuyến phố chính.

            Đơn vị thực hiện: Phòng Kinh tế, Hạ tầng và Đô thị; Đoàn Thanh niên phường.

            Thời gian hoàn thành: Quý III/2026.

            1.2. Cập nhật bản đồ số hệ thống chiếu sáng công cộng của phường (Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; Tháng 9/2026).
            """);

        Assert.Equal(2, draft.Tasks.Count);
        var first = draft.Tasks[0];
        Assert.StartsWith("Xây dựng cơ sở dữ liệu cây xanh", first.Name, StringComparison.Ordinal);
        Assert.Equal("Phòng Kinh tế, Hạ tầng và Đô thị|Đoàn Thanh niên phường", Units(first.Lead));
        Assert.Equal((DeadlineKind.Quarter, Day("2026-09-30")), (first.Deadline.Kind, first.Deadline.Due!.Value));
        // Numbered paragraphs are numbered tasks and keep their number.
        Assert.Equal(["1.1", "1.2"], draft.Tasks.Select(t => t.Code));
        Assert.All(draft.Tasks, t => Assert.Equal(Domain.Tasks.TaskSource.Numbered, t.Source));
    }

    [Fact]
    public void A_group_titled_with_resources_whose_numbered_paragraphs_are_assigned_holds_tasks()
    {
        var draft = Tasks("""
            1. Nguồn lực, kiểm tra và giám sát thực hiện

            1.1. Lập dự toán kinh phí chuyển đổi số của phường trình cấp có thẩm quyền phê duyệt (Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; Quý I/2026).

            1.2. Kêu gọi doanh nghiệp trên địa bàn tài trợ thiết bị cho các điểm hỗ trợ dịch vụ công.

            1.3. Kiểm tra, đôn đốc tiến độ các nhiệm vụ được giao và báo cáo Chủ tịch UBND phường (Văn phòng HĐND và UBND phường chủ trì; hằng quý).

            2. Nguồn lực thực hiện

            Ngân sách phường và các nguồn xã hội hóa hợp pháp khác theo quy định hiện hành.
            """);

        Assert.Equal(["1.1", "1.2", "1.3"], draft.Tasks.Select(t => t.Code));
        Assert.Equal("Phòng Kinh tế, Hạ tầng và Đô thị", Units(draft.Tasks[0].Lead));
        Assert.Empty(draft.Tasks[1].Lead);
    }

    [Fact]
    public void A_numbered_task_sentence_that_mentions_targets_is_still_a_task()
    {
        var draft = Tasks("""
            1. Theo dõi, đánh giá

            1.1. Tổng hợp số liệu các chỉ tiêu chuyển đổi số của phường; báo cáo Chủ tịch UBND phường (Phòng Văn hóa - Xã hội chủ trì; hằng tháng).

            1.2. Kết quả cần đạt: bộ số liệu chỉ tiêu được cập nhật đầy đủ, đúng hạn trên hệ thống báo cáo.
            """);

        var task = Assert.Single(draft.Tasks);
        Assert.Equal("1.1", task.Code);
        Assert.Equal(DeadlineKind.Recurring, task.Deadline.Kind);
    }

    [Fact]
    public void The_clause_before_phoi_hop_in_a_closing_bracket_names_the_support_even_when_it_describes_them()
    {
        var task = Assert.Single(Tasks("""
            1. Lưu trữ số

            1.1. Số hóa hồ sơ lưu trữ của các năm 2020 - 2025 và đưa vào kho dữ liệu của phường (Văn phòng HĐND và UBND phường chủ trì; các đơn vị có hồ sơ lưu trữ phối hợp; Quý III/2026).
            """).Tasks);

        Assert.Equal("Văn phòng HĐND và UBND phường", Units(task.Lead));
        Assert.Equal("các đơn vị có hồ sơ lưu trữ", Units(task.Support));
    }

    [Fact]
    public void A_percent_unit_column_applies_to_a_number_written_with_tro_len()
    {
        var draft = TextPlans.Import(Header + """
            PHỤ LỤC

            STT	Chỉ tiêu	Đơn vị tính	Chỉ tiêu năm 2026	Đơn vị theo dõi
            1	Tỷ lệ tin báo của người dân được phản hồi trong ngày	%	Từ 80 trở lên	Công an phường
            """);

        var indicator = Assert.Single(draft.Indicators);
        Assert.Equal((Domain.Indicators.TargetOp.AtLeast, 80m, Domain.Indicators.TargetUnit.Percent), (indicator.Target.Op, indicator.Target.Value, indicator.Target.Unit));
    }

    /// <summary>The deadline read from the time cell of a one-row task table.</summary>
    private static Deadline TimeCell(string cell) => Assert.Single(TextPlans.Import(Header + $"""
        PHỤ LỤC

        TT	Nhiệm vụ	Cơ quan chủ trì	Cơ quan phối hợp	Thời gian thực hiện
        1	Duy trì cổng dịch vụ công của phường và hướng dẫn người dân sử dụng	Văn phòng HĐND và UBND phường	Công an phường	{cell}
        """).Tasks).Deadline;

    [Theory]
    [InlineData("Năm 2026 và các năm tiếp theo")]
    [InlineData("Quý III/2026 và những năm tiếp theo")]
    public void A_period_and_the_years_after_it_is_recurring(string cell)
    {
        var deadline = TimeCell(cell);

        Assert.Equal(DeadlineKind.Recurring, deadline.Kind);
        Assert.Null(deadline.Due);
    }

    [Theory]
    [InlineData("Trước 30/6/2026 và trước 10/12/2026", "2026-06-30", "2026-12-10")]
    [InlineData("trước ngày 15/7/2026; trước ngày 15/01/2027", "2026-07-15", "2027-01-15")]
    public void Periods_each_introduced_by_truoc_are_milestones(string cell, string first, string second)
    {
        var deadline = TimeCell(cell);

        Assert.Equal(DeadlineKind.Milestones, deadline.Kind);
        Assert.Equal([Day(first), Day(second)], deadline.Milestones.Select(m => m.Due!.Value));
    }

    [Fact]
    public void Labelled_steps_of_which_one_is_dated_are_milestones_without_the_undated_step()
    {
        var deadline = TimeCell("Dự thảo quy chế: Tháng 4/2026; áp dụng: theo hướng dẫn của Sở");

        Assert.Equal(DeadlineKind.Milestones, deadline.Kind);
        var step = Assert.Single(deadline.Milestones);
        Assert.Equal(("Dự thảo quy chế", Day("2026-04-30")), (step.Label, step.Due!.Value));
    }

    [Theory]
    [InlineData("Kế hoạch tập trung thực hiện 05 nhóm nhiệm vụ, giải pháp: hạ tầng số, dữ liệu số, dịch vụ số, kỹ năng số và an toàn thông tin.")]
    [InlineData("Hướng dẫn người dân thực hiện trực tuyến 03 nhóm thủ tục hành chính liên thông về đất đai, hộ tịch và cư trú.")]
    public void A_number_of_groups_of_tasks_or_procedures_is_a_scope_not_a_target(string sentence)
    {
        var draft = TextPlans.Import(Header + $"""
            II. MỤC TIÊU

            {sentence}

            Phấn đấu tối thiểu 04 mô hình khu phố số được triển khai.
            """);

        var indicator = Assert.Single(draft.Indicators);
        Assert.Equal(4m, indicator.Target.Value);
    }
}
