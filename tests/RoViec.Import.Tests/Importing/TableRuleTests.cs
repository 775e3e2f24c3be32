using System.Text;
using RoViec.Domain.Deadlines;

namespace RoViec.Import.Tests.Importing;

/// <summary>Appendix tables laid out in ways the samples do not show.</summary>
public sealed class TableRuleTests
{
    [Fact]
    public void Columns_are_found_by_header_whatever_their_order_and_names()
    {
        var draft = TextPlans.Import("""
            KẾ HOẠCH năm 2026

            PHỤ LỤC
            STT	Thời gian thực hiện	Nội dung công việc	Cơ quan phối hợp	Cơ quan chủ trì	Sản phẩm
            1	Tháng 3/2026	Ban hành quy chế quản lý dữ liệu	Công an xã	Văn phòng HĐND và UBND xã	Quy chế được ban hành
            """);

        var task = Assert.Single(draft.Tasks);
        Assert.Equal("Ban hành quy chế quản lý dữ liệu", task.Name);
        Assert.Equal("Văn phòng HĐND và UBND xã", Assert.Single(task.Lead).AsWritten);
        Assert.Equal("Công an xã", Assert.Single(task.Support).AsWritten);
        Assert.Equal("Quy chế được ban hành", task.Output);
        Assert.Equal(Deadline.Of(DeadlineKind.Month, new DateOnly(2026, 3, 31)), task.Deadline);
    }

    [Fact]
    public void Column_numbering_row_and_numbered_group_rows_are_not_tasks()
    {
        var draft = TextPlans.Import("""
            KẾ HOẠCH năm 2026

            PHỤ LỤC
            TT	Tên nhiệm vụ	Chủ trì	Thời hạn
            (1)	(2)	(3)	(4)
            1	Hạ tầng số
            1.1	Nâng cấp đường truyền	Văn phòng HĐND và UBND xã	Quý II/2026
            1.2	Trang bị máy tính	Phòng Kinh tế	Quý III/2026
            """);

        Assert.Equal(["Nâng cấp đường truyền", "Trang bị máy tính"], draft.Tasks.Select(t => t.Name));
        Assert.All(draft.Tasks, t => Assert.EndsWith("1. Hạ tầng số", t.Section, StringComparison.Ordinal));
    }

    [Fact]
    public void Row_continued_after_a_page_break_joins_the_row_above_and_the_repeated_header_is_dropped()
    {
        var draft = TextPlans.Import("""
            KẾ HOẠCH năm 2026

            PHỤ LỤC
            TT	Tên nhiệm vụ	Chủ trì	Thời hạn
            1	Tổ chức tập huấn kỹ năng số cho	Phòng Văn hóa - Xã hội	Quý

            TT	Tên nhiệm vụ	Chủ trì	Thời hạn
            	cán bộ, công chức xã		IV/2026
            2	Số hóa hồ sơ	Trung tâm Phục vụ hành chính công	Thường xuyên
            """);

        Assert.Equal(2, draft.Tasks.Count);
        Assert.Equal("Tổ chức tập huấn kỹ năng số cho cán bộ, công chức xã", draft.Tasks[0].Name);
        Assert.Equal(new DateOnly(2026, 12, 31), draft.Tasks[0].Deadline.Due);
        Assert.Equal(DeadlineKind.Recurring, draft.Tasks[1].Deadline.Kind);
    }

    [Fact]
    public void Indicator_table_with_a_unit_column_reads_percentages()
    {
        var draft = TextPlans.Import("""
            KẾ HOẠCH năm 2026

            PHỤ LỤC
            TT	Chỉ tiêu	Đơn vị tính	Chỉ tiêu năm 2026	Đơn vị chủ trì
            1	Tỷ lệ hồ sơ trực tuyến toàn trình	%	80	Trung tâm Phục vụ hành chính công
            """);

        var indicator = Assert.Single(draft.Indicators);
        Assert.Equal(Domain.Indicators.TargetUnit.Percent, indicator.Target.Unit);
        Assert.Equal(80m, indicator.Target.Value);
        Assert.Equal("Trung tâm Phục vụ hành chính công", indicator.Owner);
    }
}
