using RoViec.Domain.Plans;
using RoViec.Import;

namespace RoViec.Web.Features.Demo;

/// <summary>
/// The demo commune's plan: the sample work programme of Diễn Châu (2026), imported and moved to the year asked
/// for — its year and every dated deadline shifted by whole years (a month's last day stays its last day, so the
/// end of February is the 29th in a leap year), its text left as written — so that the demo lives in the current
/// year, whatever the year.
/// </summary>
public static class DemoPlan
{
    public const string FileName = "dien-chau-ctr-2026.txt";

    private static readonly Lazy<PlanDraft> Imported = new(() =>
    {
        using var stream = typeof(DemoPlan).Assembly.GetManifestResourceStream("demo-plan.txt")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return PlanImporter.Import(memory.ToArray(), FileName) is ImportOutcome.Imported imported
            ? imported.Draft
            : throw new InvalidOperationException("the demo plan no longer imports");
    });

    /// <summary>The text of a plan shipped with the demo ("demo-plan.txt": Diễn Châu's; "demo-plan-tan-ky.txt": Tân Kỳ's).</summary>
    public static string Text(string resource)
    {
        using var stream = typeof(DemoPlan).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("no demo plan " + resource);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A plan's text imported and moved to <paramref name="year"/>.</summary>
    public static PlanDraft Import(string text, string fileName, int year) =>
        PlanImporter.Import(System.Text.Encoding.UTF8.GetBytes(text), fileName) is ImportOutcome.Imported imported
            ? MovedTo(imported.Draft, year)
            : throw new InvalidOperationException("the demo plan " + fileName + " no longer imports");

    /// <summary>The sample plan as it reads, dated in its own year.</summary>
    public static PlanDraft AsWritten => Imported.Value;

    /// <summary>The sample plan moved to <paramref name="year"/>.</summary>
    public static PlanDraft For(int year) => MovedTo(Imported.Value, year);

    public static PlanDraft MovedTo(PlanDraft draft, int year)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var from = draft.Document.Year ?? year;
        var shift = year - from;
        if (shift == 0) return draft;
        return draft with
        {
            Document = draft.Document with { Year = year },
            Tasks = [.. draft.Tasks.Select(t => t with
            {
                Deadline = t.Deadline with
                {
                    Due = Move(t.Deadline.Due, shift),
                    Milestones = [.. t.Deadline.Milestones.Select(m => m with { Due = Move(m.Due, shift) })],
                },
            })],
        };
    }

    private static DateOnly? Move(DateOnly? day, int years)
    {
        if (day is not { } d) return null;
        var moved = d.AddYears(years);
        return d.Day == DateTime.DaysInMonth(d.Year, d.Month) ? new DateOnly(moved.Year, moved.Month, DateTime.DaysInMonth(moved.Year, moved.Month)) : moved;
    }
}
