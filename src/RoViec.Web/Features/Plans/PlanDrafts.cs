using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Web.Shared.Files;
using RoViec.Data.Entities;
using RoViec.Domain.Indicators;
using RoViec.Domain.Plans;
using RoViec.Domain.Tasks;
using RoViec.Domain.Text;
using RoViec.Import;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans;

/// <summary>What became of a confirmation.</summary>
public abstract record ConfirmOutcome
{
    public sealed record Confirmed(Plan Plan, Plan? Replaced) : ConfirmOutcome;

    /// <summary>The commune has a plan in force this one may replace: the officer must say whether it does.</summary>
    /// <summary>The officer is asked whether the draft replaces one of <paramref name="Candidates"/>, told for each what replacing it does.</summary>
    public sealed record AskReplacement(IReadOnlyList<Plan> Candidates, string? DocumentSays, IReadOnlyDictionary<Guid, ReplacePlan.Preview> Previews) : ConfirmOutcome;

    /// <summary>Not a draft of the commune (another commune's, already confirmed, discarded).</summary>
    public sealed record NotFound : ConfirmOutcome, IRefused
    {
        public Refusal Refusal => Refusal.NotFound;
        public string Message => "Không có bản nháp kế hoạch này.";
    }

    public sealed record Refused(string Message) : ConfirmOutcome, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
    }

    /// <summary>
    /// The draft still has unknown names without a decision, "6 rõ" defects or deadlines already passed, and the officer
    /// has not said they confirm it knowing that: nothing changed; the warnings are shown for them to read (422).
    /// </summary>
    public sealed record Unacknowledged(ConfirmWarnings Warnings) : ConfirmOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Invalid;
        public string Message => "Bản nháp còn điều cần lưu ý (xem tóm tắt dưới đây). Hãy sửa trước, hoặc đánh dấu “Tôi đã xem các cảnh báo và vẫn xác nhận” rồi xác nhận lại.";
    }

    /// <summary>Another request confirmed the same draft a moment earlier: this one changed nothing (409).</summary>
    public sealed record ConfirmedMeanwhile(string Message) : ConfirmOutcome, IRefused
    {
        public Refusal Refusal => Refusal.Conflict;
    }
}

/// <summary>The officer's answer to "does the new plan replace the one in force?": the plan it replaces, or none.</summary>
/// <summary>
/// The officer's answer: the plan replaced (or none), and, when the officer reviewed it, which old task each new task
/// continues (old id → new id); null keeps the proposed pairing (<see cref="ReplacePlan"/>).
/// </summary>
/// <param name="Rhythm">When keeping both in force: how the new plan reports (<see cref="PlanRhythms"/>; null: monthly, with the work programme).</param>
/// <param name="EndsOn">A weekly campaign's last day.</param>
/// <param name="Field">The field the new plan serves, as the officer names it.</param>
public sealed record ReplaceAnswer(Guid? Replaces, IReadOnlyDictionary<Guid, Guid>? Pairing = null, string? Rhythm = null, DateOnly? EndsOn = null, string? Field = null);

/// <summary>
/// A plan's life from its document: an import becomes a draft at once (tasks, indicators and units
/// stored with where each field came from); the officer reviews it; confirming makes it the commune's
/// plan, possibly replacing the one in force; discarding removes it. Each step is one save.
/// </summary>
public static class PlanDrafts
{
    /// <summary>Tasks are numbered with gaps so that splitting one inserts the new task without renumbering the plan.</summary>
    public const int OrderStep = 1024;

    /// <summary>The order of a task added at the end of the plan (carried over, proposed, added by an amendment).</summary>
    public static async Task<int> NextOrderAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.Tasks.Where(t => t.PlanId == planId).MaxAsync(t => (int?)t.Order, ct) ?? 0) + OrderStep;
    }

    public static async Task<Plan> CreateDraftAsync(RoViecDbContext db, Guid communeId, PlanDraft draft, string fileName, PlanUpload? upload, DateTime nowUtc, CancellationToken ct)
    {
        var plan = Build(await CommuneUnits.LoadAsync(db, communeId, ct), communeId, draft, fileName, nowUtc, asDraft: true);
        if (upload is not null)
        {
            db.Uploads.Add(upload);
            plan.UploadId = upload.Id;
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>A plan confirmed as imported, without review (the demo commune's plans).</summary>
    /// <param name="shape">Sets what the document does not say (a campaign's rhythm and days) before the calendar is laid out.</param>
    public static async Task<Plan> CreateConfirmedAsync(RoViecDbContext db, Guid communeId, PlanDraft draft, string fileName, string confirmedBy, DateTime nowUtc, CancellationToken ct, Action<Plan>? shape = null)
    {
        var plan = Build(await CommuneUnits.LoadAsync(db, communeId, ct), communeId, draft, fileName, nowUtc, asDraft: false);
        shape?.Invoke(plan);
        plan.Status = PlanStatuses.Active;
        plan.ConfirmedAtUtc = nowUtc;
        plan.ConfirmedBy = confirmedBy;
        db.Plans.Add(plan);
        await PeriodCalendar.EnsureAsync(db, plan, ct);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>
    /// The draft becomes the commune's plan. When the commune already has a plan in force for the same
    /// year, or the document says which plan it replaces, the officer is asked first (answer null);
    /// replacing marks the earlier plan Replaced, its tasks and history kept as they were.
    /// Two confirmations of the same draft at once (a double click, two officers) confirm it once: the
    /// draft is claimed by one conditional update (Draft → Active) in the transaction that does the rest,
    /// so the second finds no draft to claim and changes nothing — no second replacement, no second
    /// set of reporting periods.
    /// </summary>
    /// <param name="knowingly">The officer has read the warnings (<see cref="ConfirmWarnings"/>) and confirms anyway; without it a draft with warnings is not confirmed.</param>
    public static async Task<ConfirmOutcome> ConfirmAsync(RoViecDbContext db, FileStore store, Guid communeId, Guid planId, ReplaceAnswer? answer, bool knowingly, string confirmedBy, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatuses.Draft, ct);
        if (plan is null) return new ConfirmOutcome.NotFound();
        if (!await db.Tasks.AnyAsync(t => t.PlanId == planId && t.CommuneId == communeId, ct))
            return new ConfirmOutcome.Refused("Bản nháp không còn nhiệm vụ nào; không thể xác nhận thành kế hoạch.");
        if (!knowingly)
        {
            var warnings = await ConfirmWarnings.ForAsync(db, communeId, planId, DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc)), ct);
            if (warnings.Any) return new ConfirmOutcome.Unacknowledged(warnings);
        }
        Plan? replaced = null;
        if (answer is null)
        {
            var documentSays = await ReplacesAsync(db, store, plan, ct);
            var candidates = await CandidatesAsync(db, plan, documentSays, ct);
            if (candidates.Count > 0)
            {
                var previews = new Dictionary<Guid, ReplacePlan.Preview>();
                foreach (var candidate in candidates) previews[candidate.Id] = await ReplacePlan.PreviewAsync(db, candidate, plan, ct);
                return new ConfirmOutcome.AskReplacement(candidates, documentSays, previews);
            }
        }
        else if (answer.Replaces is { } replacesId)
        {
            replaced = await db.Plans.FirstOrDefaultAsync(p => p.Id == replacesId && p.Status == PlanStatuses.Active, ct);
            if (replaced is null) return new ConfirmOutcome.Refused("Kế hoạch được chọn để thay thế không còn hiệu lực hoặc không thuộc xã; hãy tải lại trang và chọn lại.");
            if (answer.Pairing is { } pairing && await ReplacePlan.CheckPairingAsync(db, replaced.Id, plan.Id, pairing, ct) is { } wrong)
                return new ConfirmOutcome.Refused(wrong);
            replaced.Status = PlanStatuses.Replaced;
            plan.ReplacesPlanId = replaced.Id;
        }
        else if (await KeepBothAsync(db, plan, answer, DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc)), ct) is { } refused)
        {
            return new ConfirmOutcome.Refused(refused);
        }
        // Begun only now, after the reads, so that its first statement is the write that claims the
        // draft: SQLite takes its write lock at once, PostgreSQL makes a concurrent claim wait for this one.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Plans.Where(p => p.Id == planId && p.Status == PlanStatuses.Draft)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, PlanStatuses.Active), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ConfirmOutcome.ConfirmedMeanwhile("Bản nháp này vừa được xác nhận trong một thao tác khác (có thể do bấm hai lần hoặc một cán bộ khác cùng xác nhận); kế hoạch chỉ được xác nhận một lần và không có gì thay đổi thêm.");
        }
        // The tracked plan still reads Draft: the save below records Draft → Active in the audit with the rest.
        plan.Status = PlanStatuses.Active;
        plan.ConfirmedAtUtc = nowUtc;
        plan.ConfirmedBy = confirmedBy;
        // Only now does the plan change the organisation: the officer's unit decisions are applied.
        DraftUnits.Apply(plan, await db.Tasks.Where(t => t.PlanId == planId).ToListAsync(ct), await db.Indicators.Where(i => i.PlanId == planId).ToListAsync(ct),
            await CommuneUnits.LoadAsync(db, communeId, ct));
        // A replaced plan's open month and the rest of its year move to the new version; its closed months stay with it.
        if (replaced is not null) await ReplacePlan.ApplyAsync(db, replaced, plan, answer?.Pairing, ct);
        // The plan in force gets its year's reporting periods; a replaced plan's periods no longer open.
        await PeriodCalendar.EnsureAsync(db, plan, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ConfirmOutcome.Confirmed(plan, replaced);
    }

    /// <summary>
    /// The officer keeps the plans in force and adds this one beside them (docs/adr/0009): a monthly plan reports with the
    /// commune's work programme of the year — one report per unit per period, the programme's open period getting the new
    /// plan's lines when the scheduler next passes — and a campaign gets its own weeks up to its last day. Returns a
    /// refusal, or null when the plan is set.
    /// </summary>
    private static async Task<string?> KeepBothAsync(RoViecDbContext db, Plan plan, ReplaceAnswer answer, DateOnly today, CancellationToken ct)
    {
        var rhythm = string.IsNullOrWhiteSpace(answer.Rhythm) ? PlanRhythms.Monthly : answer.Rhythm;
        if (!PlanRhythms.All.Contains(rhythm)) return "Nhịp báo cáo không hợp lệ; hãy chọn hằng tháng, hằng quý, khi có yêu cầu đột xuất hoặc hằng tuần.";
        var field = answer.Field?.Trim();
        if (field is { Length: > 100 }) return "Lĩnh vực của kế hoạch dài quá 100 ký tự.";
        plan.Field = string.IsNullOrEmpty(field) ? null : field;
        plan.Rhythm = rhythm;
        if (rhythm == PlanRhythms.Weekly)
        {
            if (answer.EndsOn is not { } ends) return "Chiến dịch báo cáo hằng tuần cần ngày kết thúc.";
            if (ends < today) return "Ngày kết thúc của chiến dịch đã qua; hãy chọn một ngày từ hôm nay trở đi.";
            if (ends > today.AddYears(1)) return "Chiến dịch báo cáo hằng tuần dài nhất một năm; hãy chọn ngày kết thúc sớm hơn.";
            plan.StartsOn = today;
            plan.EndsOn = ends;
            return null;
        }
        if (await PlansTogether.HostAsync(db, plan.CommuneId, plan.Year, plan.Id, ct) is not { } host) return null;
        plan.ReportsWithPlanId = host.Root;
        // The programme's period open now is opened again by the scheduler, which adds the new plan's lines to the
        // reports still being written (a report already sent stays as it was sent); its figures are read again.
        var openIds = await PlansTogether.ReopenAsync(db, host.Id, ct);
        // A new version with the mark, as PeriodSnapshots.MarkStaleAsync does: a rebuild already under way keeps it stale.
        var version = Guid.NewGuid();
        await db.PeriodSnapshots.Where(s => openIds.Contains(s.PeriodId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stale, true).SetProperty(s => s.Version, version), ct);
        return null;
    }

    /// <summary>Removes a draft with its tasks, indicators, uploaded file and the unknown unit names only it used.</summary>
    public static async Task<bool> DiscardAsync(RoViecDbContext db, Guid communeId, Guid planId, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Tasks).Include(p => p.Indicators).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatuses.Draft, ct);
        if (plan is null) return false;
        var used = plan.Tasks.Select(t => t.LeadUnitId).Concat(plan.Indicators.Select(i => i.OwnerUnitId)).OfType<Guid>().ToHashSet();
        var usedElsewhere = await db.Tasks.Where(t => t.CommuneId == communeId && t.PlanId != planId && t.LeadUnitId != null).Select(t => t.LeadUnitId!.Value)
            .Concat(db.Indicators.Where(i => i.CommuneId == communeId && i.PlanId != planId && i.OwnerUnitId != null).Select(i => i.OwnerUnitId!.Value))
            .Distinct().ToListAsync(ct);
        var orphans = await db.Units.Where(u => u.CommuneId == communeId && u.Key.StartsWith(CommuneCatalog.UnrecognisedPrefix) && used.Contains(u.Id) && !usedElsewhere.Contains(u.Id)).ToListAsync(ct);
        db.Tasks.RemoveRange(plan.Tasks);
        db.Indicators.RemoveRange(plan.Indicators);
        db.Plans.Remove(plan);
        db.Units.RemoveRange(orphans);
        if (plan.UploadId is { } uploadId && await db.Uploads.FirstOrDefaultAsync(u => u.Id == uploadId, ct) is { } upload)
            db.Uploads.Remove(upload);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The plan's rows. A draft's lead or owner points at a unit only when the commune has it already: nothing is added
    /// to the organisation until it is confirmed. A plan confirmed without review (the demo's) gets a row for every unit
    /// it names, unknown names included, as imports always did before drafts were kept apart.
    /// </summary>
    private static Plan Build(CommuneUnits units, Guid communeId, PlanDraft draft, string fileName, DateTime nowUtc, bool asDraft)
    {
        var rows = asDraft ? new Dictionary<string, OrgUnit>(StringComparer.Ordinal) : draft.Units.ToDictionary(u => u.Id, units.RowFor, StringComparer.Ordinal);
        var d = draft.Document;
        var plan = new Plan
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            Status = PlanStatuses.Draft,
            Kind = d.KindCode,
            Title = Clip(d.Title ?? fileName, 1000),
            Year = d.Year ?? VietnamTime.FromUtc(nowUtc).Year,
            Number = Clip(d.Number, 100),
            Issuer = Clip(d.Issuer, 500),
            SourceFileName = Clip(fileName, 300),
            Source = new PlanSource { Text = draft.SourceText },
            ImportedAtUtc = nowUtc,
        };
        var order = 0;
        foreach (var t in draft.Tasks)
        {
            var name = t.Spans.GetValueOrDefault(TaskField.Name);
            var lead = t.Lead.Count == 0 ? null
                : asDraft ? units.Existing(t.Lead[0].AsWritten)
                : rows.GetValueOrDefault(t.Lead[0].Unit.Id) ?? units.RowFor(t.Lead[0].Unit);
            plan.Tasks.Add(new PlanTaskRow
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                PlanId = plan.Id,
                Order = ++order * OrderStep,
                Source = t.Source.ToString(),
                Section = Clip(t.Section, 1000),
                Code = Clip(t.Code, 40),
                Name = t.Name,
                LeadUnitId = lead?.Id,
                LeadAsWritten = string.Join("; ", t.Lead.Select(l => l.AsWritten)),
                SupportAsWritten = string.Join("; ", t.Support.Select(s => s.AsWritten)),
                Directing = t.Directing,
                Output = t.Output,
                DeadlineRaw = Clip(t.DeadlineRaw, 500),
                DeadlineKind = t.Deadline.Kind.ToString(),
                DeadlineDue = t.Deadline.FinalDue,
                UpstreamSource = t.UpstreamSource,
                DecisionAuthority = Clip(t.DecisionAuthority, 1000),
                Priority = KeyTasks.IsKey(t.Section, t.Name),
                Spans = TaskSpans.Write(t.Spans),
                NameSpanStart = name.Start,
                NameSpanLength = name.Length,
                Version = Guid.NewGuid(),
            });
        }
        order = 0;
        foreach (var i in draft.Indicators)
        {
            plan.Indicators.Add(new IndicatorRow
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                PlanId = plan.Id,
                Order = ++order * OrderStep,
                Section = Clip(i.Section, 1000),
                Name = i.Name,
                TargetRaw = Clip(i.TargetRaw, 200),
                TargetOp = i.Target.OpSymbol,
                TargetValue = i.Target.Value,
                TargetValueMax = i.Target.ValueMax,
                TargetUnit = IndicatorTargets.UnitCode(i.Target),
                BaselineYear = i.Target.BaselineYear,
                Owner = i.Owner,
                OwnerUnitId = (asDraft ? units.Existing(i.Owner) : units.Resolve(i.Owner))?.Id,
                SpanStart = i.Span.Start,
                SpanLength = i.Span.Length,
                Version = Guid.NewGuid(),
            });
        }
        return plan;
    }

    /// <summary>What the document says it replaces ("thay thế Kế hoạch số 14/KH-UBND"), read again from the kept upload.</summary>
    private static async Task<string?> ReplacesAsync(RoViecDbContext db, FileStore store, Plan plan, CancellationToken ct)
    {
        if (plan.UploadId is not { } uploadId) return null;
        var upload = await db.Uploads.AsNoTracking().Where(u => u.Id == uploadId).Select(u => new { u.Content, u.ContentSha256, u.FileName }).FirstOrDefaultAsync(ct);
        var bytes = upload?.ContentSha256 is { } sha256 && store.Find(sha256) is { } path ? await File.ReadAllBytesAsync(path, ct) : upload?.Content;
        return bytes is not null && PlanImporter.Import(bytes, upload!.FileName) is ImportOutcome.Imported imported ? imported.Draft.Document.Replaces : null;
    }

    /// <summary>Plans in force the new one may replace: those of the same year, and the one the document names by number.</summary>
    private static async Task<IReadOnlyList<Plan>> CandidatesAsync(RoViecDbContext db, Plan plan, string? documentSays, CancellationToken ct)
    {
        var active = await db.Plans.AsNoTracking().Where(p => p.CommuneId == plan.CommuneId && p.Status == PlanStatuses.Active && p.Id != plan.Id)
            .OrderByDescending(p => p.ConfirmedAtUtc).ToListAsync(ct);
        var says = VietnameseText.Fold(documentSays);
        return active.Where(p => p.Year == plan.Year || (says.Length > 0 && NamedBy(says, p.Number))).ToList();
    }

    // A number names a plan only when it has digits: "/QĐ-BCĐ" with the number left blank names nothing.
    private static bool NamedBy(string foldedSays, string? number)
    {
        var folded = VietnameseText.Fold(number);
        return folded.Any(char.IsDigit) && (" " + foldedSays + " ").Contains(" " + folded + " ", StringComparison.Ordinal);
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    internal static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

/// <summary>How an indicator's target is stored.</summary>
internal static class IndicatorTargets
{
    public static string UnitCode(Target target) => target.Unit switch
    {
        TargetUnit.Percent => "%",
        TargetUnit.Count => "count",
        _ => PlanDrafts.Clip(target.UnitText, 20) ?? "other",
    };
}
