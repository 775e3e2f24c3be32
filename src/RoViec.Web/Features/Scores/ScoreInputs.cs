using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
using RoViec.Web.Features.Evaluation;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Scores;

/// <summary>
/// What the standing office enters for a unit's month beside the reports: manual scores with their written basis,
/// yes/no criteria with their evidence, written allowances that waive a deduction, recognised initiatives (the
/// bonus) and the budget allocated and disbursed. The fields come from the month's scheme (<see cref="ScoreService.SchemeOfAsync"/>),
/// and each is stored as the <see cref="ScoreInput"/> or <see cref="BudgetEntry"/> that <see cref="UnitMeasures"/> reads.
/// </summary>
public static class ScoreInputs
{
    /// <summary>What the standing office entered for a unit in a month: the criteria's inputs and the budget line (if any).</summary>
    public static async Task<(IReadOnlyList<ScoreInput> Inputs, BudgetEntry? Budget)> EnteredAsync(RoViecDbContext db, Guid periodId, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inputs = await db.ScoreInputs.AsNoTracking().Where(i => i.PeriodId == periodId && i.UnitId == unitId).ToListAsync(ct);
        var budget = await db.BudgetEntries.AsNoTracking().FirstOrDefaultAsync(b => b.PeriodId == periodId && b.UnitId == unitId, ct);
        return (inputs, budget);
    }

    /// <summary>The units expected to report in the period (those with a report), by name.</summary>
    public static async Task<IReadOnlyList<OrgUnit>> UnitsOfAsync(RoViecDbContext db, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expected = await db.Reports.AsNoTracking().Where(r => r.PeriodId == periodId).Select(r => r.UnitId).ToListAsync(ct);
        return await db.Units.AsNoTracking().Where(u => expected.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync(ct);
    }

    /// <summary>The input code of recognised initiatives, counted by the bonus.</summary>
    public const string Initiative = "initiative";
    public const int MaxBasis = 1000;

    /// <summary>
    /// Manual: a score 0..max. YesNo: ticked or not. Allowance: a waiver in writing. Initiatives: a count for the bonus.
    /// Number: a count or a rate a rule scores by its bands (non-negative). Level: one of a criterion's levels. Choice:
    /// yes, no or not entered (a criterion that may not apply, or which group a unit is in).
    /// </summary>
    public enum FieldKind { Manual, YesNo, Allowance, Initiatives, Number, Level, Choice }

    /// <param name="Code">The input's code (a criterion's, a deduction's allowance, or <see cref="Initiative"/>).</param>
    /// <param name="Max">For a manual score: its points; for the others null.</param>
    /// <param name="Name">The criterion's code and name as the scheme writes them, with the page's own words around them
    /// ("Điểm trừ: …", "… — tỷ lệ %") that the page writes in its reader's language.</param>
    /// <param name="Levels">For a level: the levels the office may give.</param>
    public sealed record Field(string Code, FieldKind Kind, Sentence Name, decimal? Max, bool EvidenceRequired, string? Guidance, IReadOnlyList<Level>? Levels = null);

    /// <summary>The values a choice field posts.</summary>
    public const string ChoiceYes = "co";
    public const string ChoiceNo = "khong";

    /// <summary>What the office typed for one field.</summary>
    public sealed record Entry(string? Value, bool Yes, string? Basis);

    /// <summary>The fields the month's scheme asks the office for, in the scheme's order.</summary>
    public static IReadOnlyList<Field> FieldsOf(SchemeDefinition scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var fields = new List<Field>();
        void Walk(IEnumerable<Criterion> criteria)
        {
            foreach (var c in criteria)
            {
                if (c.Children.Count > 0)
                {
                    Walk(c.Children);
                    continue;
                }
                if (c.Rule is { } rule) Add(c, rule, new Sentence("{0}. {1}", c.Code, c.Name));
            }
        }
        void Add(Criterion c, ScoringRule rule, Sentence name)
        {
            if (fields.Any(f => f.Code == (rule.Input ?? rule.Measure ?? c.Code) && rule.Kind is not (RuleKinds.Bands or RuleKinds.Proportional))) return;
            switch (rule.Kind)
            {
                case RuleKinds.Manual:
                    fields.Add(new Field(rule.Measure ?? c.Code, FieldKind.Manual, name, c.Max, false, c.Guidance));
                    break;
                case RuleKinds.YesNo:
                    fields.Add(new Field(rule.Measure ?? c.Code, rule.NotApplicableWhenMissing ? FieldKind.Choice : FieldKind.YesNo, name, null, rule.EvidenceRequired, c.Guidance));
                    break;
                case RuleKinds.Bands or RuleKinds.Proportional when rule.Input is { } input && fields.All(f => f.Code != input):
                    fields.Add(new Field(input, FieldKind.Number, rule.Unit == StepUnits.Count ? new Sentence("{0} — số lượng", name) : new Sentence("{0} — tỷ lệ %", name), null, false, c.Guidance));
                    break;
                case RuleKinds.Levels:
                    fields.Add(new Field(rule.Input ?? c.Code, FieldKind.Level, name, c.Max, false, c.Guidance, rule.Levels));
                    break;
                case RuleKinds.Variants when rule.ChooseBy is { } chooser:
                    fields.Add(new Field(chooser, FieldKind.Choice, new Sentence("{0} — {1}?", name, (object?)rule.IfYes?.Label ?? new Sentence("nhóm")), null, false, c.Guidance));
                    if (rule.IfNo is { } no) Add(c, no, new Sentence("{0} ({1})", name, (object?)no.Label ?? new Sentence("khi không")));
                    if (rule.IfYes is { } yes) Add(c, yes, new Sentence("{0} ({1})", name, (object?)yes.Label ?? new Sentence("khi có")));
                    break;
            }
        }
        Walk(scheme.Criteria);
        foreach (var d in scheme.Deductions ?? [])
        {
            if (d.Input is { } decided && fields.All(f => f.Code != decided))
                fields.Add(new Field(decided, FieldKind.YesNo, new Sentence("Điểm trừ: {0}", d.Name), null, true, null));
            if (d.WaivedBy is { } waiver && fields.All(f => f.Code != waiver))
                fields.Add(new Field(waiver, FieldKind.Allowance, new Sentence("Miễn trừ: {0}", d.Name), null, true, null));
        }
        if (scheme.Bonus is { Measure: Measures.Initiatives } bonus)
            fields.Add(new Field(Initiative, FieldKind.Initiatives, new Sentence("{0}", bonus.Name), null, false, null));
        return fields;
    }

    /// <summary>The budget the office typed for the unit (VND, year to date), both blank when none is recorded.</summary>
    public sealed record Budget(string? Allocated, string? Disbursed, string? Source);

    public abstract record SaveOutcome
    {
        private SaveOutcome() { }
        /// <param name="Change">The change to raise once saved (its follow-up marked pending), when something changed.</param>
        public sealed record Saved(int Changed, PeriodChange? Change) : SaveOutcome;
        /// <summary>Nothing saved: every problem, which the page writes in its reader's language.</summary>
        /// <summary>The province has accepted the month: its data is locked (<see cref="Evaluation.AcceptedPeriods"/>).</summary>
        public sealed record Locked(Sentence Why) : SaveOutcome, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
            public string Message => Why.ToString();
            public Sentence Text => Why;
        }

        public sealed record Invalid(IReadOnlyList<Sentence> Problems) : SaveOutcome, IRefused
        {
            public Refusal Refusal => Refusal.Invalid;
            public string Message => string.Join(" ", Problems);
        }
    }

    /// <summary>
    /// Checks every entry, then stores them in one save: a manual score within 0..max with a basis; a yes with its
    /// evidence when the criterion asks for it; an allowance with its written basis; a whole number of initiatives
    /// (with its basis when above 0); a budget of non-negative amounts. A blank or unticked field removes what was
    /// stored. A month already closed takes a reason, kept with the recomputed score. Nothing is saved when anything is wrong.
    /// </summary>
    public static async Task<SaveOutcome> SaveAsync(RoViecDbContext db, ReportingPeriod period, Guid unitId, IReadOnlyList<Field> fields,
        IReadOnlyDictionary<string, Entry> entries, Budget budget, string? reason, string? user, DateTime nowUtc, PeriodChanges changes, string changeReason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(budget);
        if (await Evaluation.AcceptedPeriods.LockedAsync(db, period.Id, ct) is { } locked) return new SaveOutcome.Locked(locked);
        var problems = new List<Sentence>();
        var wanted = new Dictionary<string, (decimal? Value, bool? Yes, string Basis)>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var entry = entries.GetValueOrDefault(field.Code) ?? new Entry(null, false, null);
            var basis = (entry.Basis ?? "").Trim();
            if (basis.Length > MaxBasis)
            {
                problems.Add(new Sentence("{0}: căn cứ dài quá {1} ký tự.", field.Name, MaxBasis));
                continue;
            }
            switch (field.Kind)
            {
                case FieldKind.Manual:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var points)) problems.Add(new Sentence("{0}: “{1}” không phải là số điểm.", field.Name, entry.Value));
                    else if (points < 0 || points > field.Max) problems.Add(new Sentence("{0}: điểm phải từ 0 đến {1:0.##}.", field.Name, field.Max ?? 0));
                    else if (basis.Length == 0) problems.Add(new Sentence("{0}: hãy ghi căn cứ chấm điểm.", field.Name));
                    else wanted[field.Code] = (points, null, basis);
                    break;
                case FieldKind.YesNo:
                    if (!entry.Yes) break;
                    if (field.EvidenceRequired && basis.Length == 0) problems.Add(new Sentence("{0}: tiêu chí yêu cầu minh chứng, hãy ghi minh chứng (số, ngày văn bản hoặc đường dẫn).", field.Name));
                    else wanted[field.Code] = (null, true, basis);
                    break;
                case FieldKind.Allowance:
                    if (!entry.Yes) break;
                    if (basis.Length == 0) problems.Add(new Sentence("{0}: việc miễn trừ phải có văn bản cho phép, hãy ghi số, ngày văn bản.", field.Name));
                    else wanted[field.Code] = (null, true, basis);
                    break;
                case FieldKind.Number:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var number) || number < 0) problems.Add(new Sentence("{0}: “{1}” phải là số không âm.", field.Name, entry.Value));
                    else if (basis.Length == 0) problems.Add(new Sentence("{0}: hãy ghi căn cứ (báo cáo, văn bản, số liệu xác nhận).", field.Name));
                    else wanted[field.Code] = (number, null, basis);
                    break;
                case FieldKind.Level:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var level) || (field.Levels ?? []).All(l => l.Points != level))
                        problems.Add(new Sentence("{0}: hãy chọn một mức của tiêu chí ({1}).", field.Name, LevelsOf(field)));
                    else if (basis.Length == 0) problems.Add(new Sentence("{0}: hãy ghi căn cứ chấm điểm.", field.Name));
                    else wanted[field.Code] = (level, null, basis);
                    break;
                case FieldKind.Choice:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (entry.Value is not (ChoiceYes or ChoiceNo)) problems.Add(new Sentence("{0}: hãy chọn có, không hoặc để trống.", field.Name));
                    else if (entry.Value == ChoiceYes && field.EvidenceRequired && basis.Length == 0) problems.Add(new Sentence("{0}: tiêu chí yêu cầu minh chứng, hãy ghi minh chứng (số, ngày văn bản hoặc đường dẫn).", field.Name));
                    else wanted[field.Code] = (null, entry.Value == ChoiceYes, basis);
                    break;
                case FieldKind.Initiatives:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var count) || count < 0 || count != Math.Floor(count) || count > 100)
                        problems.Add(new Sentence("{0}: số sáng kiến phải là số nguyên từ 0 đến 100.", field.Name));
                    else if (count > 0 && basis.Length == 0) problems.Add(new Sentence("{0}: hãy ghi quyết định công nhận sáng kiến.", field.Name));
                    else if (count > 0) wanted[field.Code] = (count, null, basis);
                    break;
            }
        }

        decimal? allocated = null, disbursed = null;
        var hasBudget = !string.IsNullOrWhiteSpace(budget.Allocated) || !string.IsNullOrWhiteSpace(budget.Disbursed);
        if (hasBudget)
        {
            if (!TryMoney(budget.Allocated, out var a) || a < 0) problems.Add(new Sentence("Kinh phí được giao phải là số tiền không âm (đồng), ví dụ 150.000.000."));
            else allocated = a;
            if (!TryMoney(budget.Disbursed, out var d) || d < 0) problems.Add(new Sentence("Kinh phí đã giải ngân phải là số tiền không âm (đồng), ví dụ 90.000.000."));
            else disbursed = d;
            if (allocated is 0 && disbursed > 0) problems.Add(new Sentence("Đơn vị chưa được giao kinh phí thì chưa thể có số giải ngân."));
        }
        var why = (reason ?? "").Trim();
        if (period.State == PeriodStates.Closed && why.Length == 0)
            problems.Add(new Sentence("{0} đã đóng: hãy ghi lý do điều chỉnh, lý do được lưu cùng điểm được tính lại.", PeriodName.Of(period)));
        if (why.Length > MaxBasis) problems.Add(new Sentence("Lý do dài quá {0} ký tự.", MaxBasis));
        if (problems.Count > 0) return new SaveOutcome.Invalid(problems);

        var codes = fields.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var stored = await db.ScoreInputs.Where(i => i.PeriodId == period.Id && i.UnitId == unitId).ToListAsync(ct);
        var changed = 0;
        foreach (var row in stored.Where(r => codes.Contains(r.Code) && !wanted.ContainsKey(r.Code)))
        {
            db.ScoreInputs.Remove(row);
            changed++;
        }
        foreach (var (code, (value, yes, basis)) in wanted)
        {
            var row = stored.FirstOrDefault(r => r.Code == code);
            if (row is not null && row.Value == value && row.Yes == yes && row.Basis == basis) continue;
            if (row is null)
            {
                row = new ScoreInput { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PeriodId = period.Id, UnitId = unitId, Code = code, Basis = basis };
                db.ScoreInputs.Add(row);
            }
            row.Value = value;
            row.Yes = yes;
            row.Basis = basis;
            row.EnteredBy = user;
            row.EnteredAtUtc = nowUtc;
            row.Version = Guid.NewGuid();
            changed++;
        }

        var entry0 = await db.BudgetEntries.FirstOrDefaultAsync(b => b.PeriodId == period.Id && b.UnitId == unitId, ct);
        if (!hasBudget && entry0 is not null)
        {
            db.BudgetEntries.Remove(entry0);
            changed++;
        }
        else if (hasBudget && (entry0 is null || entry0.Allocated != allocated || entry0.Disbursed != disbursed || entry0.Source != Clip(budget.Source)))
        {
            if (entry0 is null)
            {
                entry0 = new BudgetEntry { Id = Guid.NewGuid(), CommuneId = period.CommuneId, PlanId = period.PlanId, PeriodId = period.Id, UnitId = unitId };
                db.BudgetEntries.Add(entry0);
            }
            entry0.Allocated = allocated!.Value;
            entry0.Disbursed = disbursed!.Value;
            entry0.Source = Clip(budget.Source);
            entry0.EnteredBy = user;
            entry0.EnteredAtUtc = nowUtc;
            entry0.Version = Guid.NewGuid();
            changed++;
        }
        // The month's rescoring is marked pending in the same transaction as the inputs; the caller runs it once saved.
        var change = changed > 0 ? changes.Record(new PeriodChange(period.CommuneId, period.Id, unitId, PeriodChangeKind.ScoringInput, changeReason, user)) : null;
        await db.SaveChangesAsync(ct);
        return new SaveOutcome.Saved(changed, change);
    }

    /// <summary>A level field's levels, "Đạt: 5 điểm; Chưa đạt: 0 điểm", one sentence after another.</summary>
    private static object LevelsOf(Field field)
    {
        var levels = (field.Levels ?? []).Select(l => new Sentence("{0}: {1:0.##} điểm", l.Text, l.Points)).ToList();
        return levels.Count == 0 ? "" : levels.Aggregate((all, next) => new Sentence("{0}; {1}", all, next));
    }

    private static string? Clip(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length == 0 ? null : t.Length > 500 ? t[..500] : t;
    }

    /// <summary>"7,5" or "7.5".</summary>
    public static bool TryNumber(string? text, out decimal value) =>
        decimal.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>An amount in đồng as people write it: "150.000.000", "150 000 000", "150000000".</summary>
    public static bool TryMoney(string? text, out decimal value)
    {
        var digits = (text ?? "").Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace(",", "", StringComparison.Ordinal).Replace("đ", "", StringComparison.OrdinalIgnoreCase);
        if (digits.Length == 0)
        {
            value = 0;
            return true;
        }
        return decimal.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
