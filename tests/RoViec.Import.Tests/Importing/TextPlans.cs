using System.Text;

namespace RoViec.Import.Tests.Importing;

/// <summary>The draft the importer reads from a plan given as text, for the rule tests that write their own plans.</summary>
internal static class TextPlans
{
    public static Domain.Plans.PlanDraft Import(string text) =>
        Assert.IsType<ImportOutcome.Imported>(PlanImporter.Import(Encoding.UTF8.GetBytes(text), "plan.txt")).Draft;
}
