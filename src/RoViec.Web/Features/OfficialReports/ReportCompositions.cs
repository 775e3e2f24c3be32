using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Figures;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// What the standing office wrote over the generated report of a period, kept with the report (one
/// <see cref="ReportNarrative"/> row per period): the edited narrative paragraphs and the document's particulars
/// (number, date, signer, layout). A paragraph is kept only when it differs from the generated text, together with
/// the generated text it replaced, so the page can say when the figures have moved since it was written.
/// </summary>
public static class ReportCompositions
{
    /// <summary>The opening summary ("Trong tháng 10/2026, 45/60 nhiệm vụ đã hoàn thành …").</summary>
    public const string Summary = "tom-tat";
    /// <summary>The general assessment that opens section IV.</summary>
    public const string Assessment = "danh-gia";
    /// <summary>The steering committee's own requests, after the units' in section V.</summary>
    public const string Requests = "kien-nghi";
    /// <summary>The direction that closes section VI.</summary>
    public const string Direction = "phuong-huong";

    public static readonly IReadOnlyList<string> Keys = [Summary, Assessment, Requests, Direction];

    /// <summary>The particulars kept with the report, under the names of the download's query.</summary>
    public static readonly IReadOnlyList<string> SettingKeys = ["thethuc", "captren", "coquan", "so", "kyhieu", "ngay", "tm", "chucvu", "nguoiky", "noinhan"];

    public const int MaxTextLength = 20_000;

    /// <summary>One edited paragraph group: what the officer wrote and the generated text it replaced.</summary>
    public sealed record Edited(string Text, string Generated);

    public sealed record Composition(
        IReadOnlyDictionary<string, Edited> Narrative, IReadOnlyDictionary<string, string> Settings, string? EditedBy, DateTime EditedAtUtc, Guid Version)
    {
        public static readonly Composition None = new(new Dictionary<string, Edited>(), new Dictionary<string, string>(), null, default, Guid.Empty);
    }

    public abstract record SaveOutcome
    {
        private SaveOutcome() { }
        public sealed record Saved(Guid Version) : SaveOutcome;
        /// <summary>Something typed cannot be used; nothing was saved. The page writes the problems in its reader's language.</summary>
        public sealed record Invalid(IReadOnlyList<Sentence> Problems) : SaveOutcome, IRefused
        {
            public Refusal Refusal => Refusal.Invalid;
            public string Message => string.Join(" ", Problems);
        }

        /// <summary>Someone else saved the report since the page was opened; nothing was saved.</summary>
        public sealed record Conflict(string? EditedBy, DateTime EditedAtUtc) : SaveOutcome, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
            public string Message => Text.ToString();

            public Sentence Text => EditedBy is null
                ? new Sentence("Báo cáo đã được người khác lưu lúc {0} sau khi anh/chị mở trang; chưa lưu nội dung của anh/chị. Hãy sao lại phần đã sửa, tải lại trang rồi lưu lại.", At)
                : new Sentence("Báo cáo đã được {0} lưu lúc {1} sau khi anh/chị mở trang; chưa lưu nội dung của anh/chị. Hãy sao lại phần đã sửa, tải lại trang rồi lưu lại.", EditedBy, At);

            private string At => Domain.Text.VietnamTime.FromUtc(EditedAtUtc).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private sealed record Stored(Dictionary<string, Edited>? Narrative, Dictionary<string, string>? Settings);

    // Vietnamese kept readable in the database, not "\u1EA3" escapes.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The texts the report generates for the editable paragraphs, from its figures.</summary>
    public static IReadOnlyDictionary<string, string> Generated(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Dictionary<string, string>
        {
            [Summary] = MonthlyReportDocx.Summary(report),
            [Assessment] = MonthlyReportDocx.AssessmentText(report),
            [Requests] = "",
            [Direction] = MonthlyReportDocx.DirectionText,
        };
    }

    public static async Task<Composition> ReadAsync(RoViecDbContext db, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.ReportNarratives.AsNoTracking().FirstOrDefaultAsync(n => n.PeriodId == periodId, ct);
        if (row is null) return Composition.None;
        var stored = JsonSerializer.Deserialize<Stored>(row.Sections, Json);
        return new Composition(
            (IReadOnlyDictionary<string, Edited>?)stored?.Narrative ?? new Dictionary<string, Edited>(),
            (IReadOnlyDictionary<string, string>?)stored?.Settings ?? new Dictionary<string, string>(),
            row.EditedBy, row.EditedAtUtc, row.Version);
    }

    /// <summary>The report with the edited paragraphs in place of the generated ones.</summary>
    public static MonthlyReport Apply(MonthlyReport report, Composition composition)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(composition);
        return composition.Narrative.Count == 0 ? report : report with { Narrative = composition.Narrative.ToDictionary(e => e.Key, e => e.Value.Text) };
    }

    /// <summary>The defaults with the particulars kept with the report over them.</summary>
    public static MonthlyReportSettings Apply(MonthlyReportSettings defaults, Composition composition)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(composition);
        if (composition.Settings.Count == 0) return defaults;
        string? S(string key) => composition.Settings.GetValueOrDefault(key);
        var settings = defaults.With(S("captren"), S("coquan"), S("so"), S("kyhieu"), S("ngay"), S("tm"), S("chucvu"), S("nguoiky"), S("noinhan"), out _, S("thethuc"));
        return settings;
    }

    /// <summary>The keys whose edited text was written over a generated text that has changed since: the figures moved.</summary>
    public static IReadOnlyList<string> Outdated(Composition composition, IReadOnlyDictionary<string, string> generated)
    {
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(generated);
        return [.. composition.Narrative.Where(e => Normal(e.Value.Generated) != Normal(generated.GetValueOrDefault(e.Key) ?? "")).Select(e => e.Key)];
    }

    /// <summary>
    /// Keeps what the officer wrote for a period, if the report has not been saved by someone else since
    /// <paramref name="expectedVersion"/> (<see cref="Guid.Empty"/>: never saved). Texts equal to the generated ones are
    /// not kept (they follow the figures); particulars are checked as the download checks them. All or nothing.
    /// </summary>
    public static async Task<SaveOutcome> SaveAsync(RoViecDbContext db, ReportingPeriod period, Guid expectedVersion,
        IReadOnlyDictionary<string, string?> texts, IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string> generated,
        MonthlyReportSettings defaults, string? user, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(defaults);

        var problems = new List<Sentence>();
        var narrative = new Dictionary<string, Edited>();
        foreach (var (key, value) in texts)
        {
            if (!Keys.Contains(key)) continue;
            var text = (value ?? "").Replace("\r", "", StringComparison.Ordinal).Trim();
            if (text.Length > MaxTextLength)
            {
                problems.Add(new Sentence("Đoạn “{0}” dài {1:N0} ký tự, vượt quá {2:N0} ký tự cho phép.", (Sentence)Label(key), text.Length, MaxTextLength));
                continue;
            }
            var original = generated.GetValueOrDefault(key) ?? "";
            if (Normal(text) != Normal(original)) narrative[key] = new Edited(text, original);
        }
        var kept = new Dictionary<string, string>();
        foreach (var key in SettingKeys)
        {
            if (settings.GetValueOrDefault(key) is { } v && v.Trim().Length > 0) kept[key] = v.Trim().Length > 6000 ? v.Trim()[..6000] : v.Trim();
        }
        string? S(string key) => kept.GetValueOrDefault(key);
        defaults.With(S("captren"), S("coquan"), S("so"), S("kyhieu"), S("ngay"), S("tm"), S("chucvu"), S("nguoiky"), S("noinhan"), out var settingsError, S("thethuc"));
        if (settingsError is not null) problems.Add(settingsError);
        if (problems.Count > 0) return new SaveOutcome.Invalid(problems);

        var row = await db.ReportNarratives.FirstOrDefaultAsync(n => n.PeriodId == period.Id, ct);
        var current = row?.Version ?? Guid.Empty;
        if (current != expectedVersion) return new SaveOutcome.Conflict(row?.EditedBy, row?.EditedAtUtc ?? default);
        if (row is null)
        {
            row = new ReportNarrative { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PeriodId = period.Id, Sections = "{}" };
            db.ReportNarratives.Add(row);
        }
        row.Sections = JsonSerializer.Serialize(new Stored(narrative, kept), Json);
        row.EditedBy = user;
        row.EditedAtUtc = nowUtc;
        row.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same period won the race (the version or the one-per-period index).
            db.ChangeTracker.Clear();
            var winner = await db.ReportNarratives.AsNoTracking().FirstOrDefaultAsync(n => n.PeriodId == period.Id, ct);
            return new SaveOutcome.Conflict(winner?.EditedBy, winner?.EditedAtUtc ?? default);
        }
        return new SaveOutcome.Saved(row.Version);
    }

    public static string Label(string key) => key switch
    {
        Summary => "Tóm tắt kết quả",
        Assessment => "Đánh giá chung về tồn tại, hạn chế",
        Requests => "Kiến nghị, đề xuất của Ban Chỉ đạo",
        Direction => "Phương hướng kỳ tới",
        _ => key,
    };

    private static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The period's saved composition (issuer, number, signer…) over <paramref name="defaults"/> becomes its commune's
    /// default layout profile, saved.
    /// </summary>
    public static async Task KeepAsDefaultAsync(RoViecDbContext db, ReportingPeriod period, MonthlyReportSettings defaults, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var composition = await ReadAsync(db, period.Id, ct);
        await LayoutProfiles.SaveDefaultAsync(db, period.CommuneId, Apply(defaults, composition), ct);
        await db.SaveChangesAsync(ct);
    }
}
