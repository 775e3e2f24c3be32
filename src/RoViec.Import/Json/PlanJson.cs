using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;
using RoViec.Domain.Plans;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;
using RoViec.Domain.Units;

namespace RoViec.Import.Json;

/// <summary>
/// Writes a PlanDraft in the plan JSON format of the evaluation README (the contract), plus
/// extra fields: units resolved against the catalogue, "6 rõ" defects and source spans.
/// </summary>
public static class PlanJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(PlanDraft draft)
    {
        using var stream = new MemoryStream();
        Write(draft, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(PlanDraft draft, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        WriteDocument(w, draft.Document);
        w.WriteStartArray("tasks");
        foreach (var task in draft.Tasks) WriteTask(w, task);
        w.WriteEndArray();
        w.WriteStartArray("indicators");
        foreach (var indicator in draft.Indicators) WriteIndicator(w, indicator);
        w.WriteEndArray();
        w.WriteStartArray("units");
        foreach (var unit in draft.Units)
        {
            w.WriteStartObject();
            w.WriteString("id", unit.Id);
            w.WriteString("name", unit.Name);
            w.WriteString("kind", unit.Kind.ToString());
            w.WriteBoolean("recognised", unit.Kind != UnitKind.Unrecognised);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("source");
        w.WriteNumber("length", draft.SourceText.Length);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter w, PlanDocument d)
    {
        w.WriteStartObject("document");
        w.WriteString("kind", d.KindCode);
        WriteNullable(w, "issuer", d.Issuer);
        WriteNullable(w, "place", d.Place);
        if (d.Year is { } y) w.WriteNumber("year", y);
        else w.WriteNull("year");
        WriteNullable(w, "number", d.Number);
        WriteNullable(w, "title", d.Title);
        w.WriteStartArray("legal_basis");
        foreach (var basis in d.LegalBasis) w.WriteStringValue(basis);
        w.WriteEndArray();
        WriteNullable(w, "replaces", d.Replaces);
        w.WriteEndObject();
    }

    private static void WriteTask(Utf8JsonWriter w, PlanTask t)
    {
        w.WriteStartObject();
        w.WriteString("source", t.Source switch { TaskSource.Table => "table", TaskSource.Numbered => "numbered", _ => "bullet" });
        w.WriteString("section", t.Section);
        WriteNullable(w, "code", t.Code);
        w.WriteString("name", t.Name);
        WriteStrings(w, "lead", t.Lead.Select(u => u.AsWritten));
        WriteStrings(w, "support", t.Support.Select(u => u.AsWritten));
        WriteNullable(w, "deadline_raw", t.DeadlineRaw);
        WriteDeadline(w, t.Deadline);
        WriteNullable(w, "output", t.Output);
        WriteNullable(w, "directing", t.Directing);
        WriteNullable(w, "upstream_source", t.UpstreamSource);
        WriteNullable(w, "decision_authority", t.DecisionAuthority);
        WriteUnits(w, "lead_units", t.Lead);
        WriteUnits(w, "support_units", t.Support);
        w.WriteStartArray("six_ro_defects");
        foreach (var defect in t.Defects)
        {
            w.WriteStartObject();
            w.WriteString("criterion", defect.Criterion.ToString().ToLowerInvariant());
            w.WriteString("problem", defect.Problem.ToString().ToLowerInvariant());
            w.WriteString("message", defect.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("spans");
        foreach (var (field, span) in t.Spans) WriteSpan(w, Snake(field.ToString()), span);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteDeadline(Utf8JsonWriter w, Deadline d)
    {
        w.WriteStartObject("deadline");
        w.WriteString("kind", d.Kind.ToString().ToLowerInvariant());
        if (d.Due is { } due) w.WriteString("due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull("due");
        w.WriteStartArray("milestones");
        foreach (var m in d.Milestones.Where(m => m.Due is not null))
        {
            w.WriteStartObject();
            w.WriteString("label", m.Label);
            w.WriteString("due", m.Due!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (d.Milestones.Any(m => m.Done)) WriteStrings(w, "done_steps", d.Milestones.Where(m => m.Done).Select(m => m.Label));
        w.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter w, Indicator i)
    {
        w.WriteStartObject();
        w.WriteString("section", i.Section);
        w.WriteString("name", i.Name);
        w.WriteString("target_raw", i.TargetRaw);
        w.WriteStartObject("target");
        w.WriteString("op", i.Target.OpSymbol);
        w.WriteNumber("value", i.Target.Value);
        if (i.Target.ValueMax is { } max) w.WriteNumber("value_max", max);
        else w.WriteNull("value_max");
        w.WriteString("unit", i.Target.Unit switch { TargetUnit.Percent => "%", TargetUnit.Count => "count", _ => "other" });
        if (i.Target.BaselineYear is { } baseline) w.WriteNumber("baseline_year", baseline);
        else w.WriteNull("baseline_year");
        WriteNullable(w, "unit_text", i.Target.UnitText);
        w.WriteEndObject();
        WriteNullable(w, "owner", i.Owner);
        w.WriteStartObject("spans");
        WriteSpan(w, "name", i.Span);
        WriteSpan(w, "target", i.TargetSpan);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteUnits(Utf8JsonWriter w, string name, IReadOnlyList<UnitRef> units)
    {
        w.WriteStartArray(name);
        foreach (var u in units)
        {
            w.WriteStartObject();
            w.WriteString("as_written", u.AsWritten);
            w.WriteString("unit_id", u.Unit.Id);
            w.WriteString("unit_name", u.Unit.Name);
            w.WriteBoolean("recognised", u.Unit.Kind != UnitKind.Unrecognised);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter w, string name, SourceSpan span)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(span.Start);
        w.WriteNumberValue(span.Length);
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
