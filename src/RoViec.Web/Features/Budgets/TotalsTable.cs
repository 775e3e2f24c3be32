namespace RoViec.Web.Features.Budgets;

/// <summary>
/// One table of totals on the money page: its anchor, its heading, caption and first column (resource keys), its rows,
/// and whether the rows' labels are resource keys too (sources, "no field", "no lead unit") or data (titles, names).
/// </summary>
public sealed record TotalsTable(string Id, string Heading, string Caption, string Column, IReadOnlyList<BudgetFigures.Totals> Rows, bool LabelsAreKeys)
{
    /// <summary>The money page's tables of totals, by plan, field, source and lead unit.</summary>
    public static IReadOnlyList<TotalsTable> Of(BudgetFigures.Overview figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return
        [
            new("theo-ke-hoach", "Theo kế hoạch", "Kinh phí theo kế hoạch", "Kế hoạch", figures.ByPlan, false),
            new("theo-linh-vuc", "Theo lĩnh vực", "Kinh phí theo lĩnh vực", "Lĩnh vực", figures.ByField, false),
            new("theo-nguon", "Theo nguồn kinh phí", "Kinh phí theo nguồn", "Nguồn", [.. figures.BySource.Select(s => s with { Label = BudgetText.SourceLabel(s.Label) })], true),
            new("theo-don-vi", "Theo đơn vị chủ trì", "Kinh phí theo đơn vị chủ trì", "Đơn vị chủ trì", figures.ByUnit, false),
        ];
    }
}
