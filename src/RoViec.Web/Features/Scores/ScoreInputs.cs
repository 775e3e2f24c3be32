using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Scoring;
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
    /// <param name="Levels">For a level: the levels the office may give.</param>
    public sealed record Field(string Code, FieldKind Kind, string Name, decimal? Max, bool EvidenceRequired, string? Guidance, IReadOnlyList<Level>? Levels = null);

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
                if (c.Rule is { } rule) Add(c, rule, $"{c.Code}. {c.Name}");
            }
        }
        void Add(Criterion c, ScoringRule rule, string name)
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
                    fields.Add(new Field(input, FieldKind.Number, name + (rule.Unit == StepUnits.Count ? " — số lượng" : " — tỷ lệ %"), null, false, c.Guidance));
                    break;
                case RuleKinds.Levels:
                    fields.Add(new Field(rule.Input ?? c.Code, FieldKind.Level, name, c.Max, false, c.Guidance, rule.Levels));
                    break;
                case RuleKinds.Variants when rule.ChooseBy is { } chooser:
                    fields.Add(new Field(chooser, FieldKind.Choice, $"{name} — {rule.IfYes?.Label ?? "nhóm"}?", null, false, c.Guidance));
                    if (rule.IfNo is { } no) Add(c, no, $"{name} ({no.Label ?? "khi không"})");
                    if (rule.IfYes is { } yes) Add(c, yes, $"{name} ({yes.Label ?? "khi có"})");
                    break;
            }
        }
        Walk(scheme.Criteria);
        foreach (var d in scheme.Deductions ?? [])
        {
            if (d.Input is { } decided && fields.All(f => f.Code != decided))
                fields.Add(new Field(decided, FieldKind.YesNo, "Điểm trừ: " + d.Name, null, true, null));
            if (d.WaivedBy is { } waiver && fields.All(f => f.Code != waiver))
                fields.Add(new Field(waiver, FieldKind.Allowance, "Miễn trừ: " + d.Name, null, true, null));
        }
        if (scheme.Bonus is { Measure: Measures.Initiatives } bonus)
            fields.Add(new Field(Initiative, FieldKind.Initiatives, bonus.Name, null, false, null));
        return fields;
    }

    /// <summary>The budget the office typed for the unit (VND, year to date), both blank when none is recorded.</summary>
    public sealed record Budget(string? Allocated, string? Disbursed, string? Source);

    public abstract record SaveOutcome
    {
        private SaveOutcome() { }
        public sealed record Saved(int Changed) : SaveOutcome;
        public sealed record Invalid(IReadOnlyList<string> Problems) : SaveOutcome, IRefused
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
        IReadOnlyDictionary<string, Entry> entries, Budget budget, string? reason, string? user, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(budget);
        var problems = new List<string>();
        var wanted = new Dictionary<string, (decimal? Value, bool? Yes, string Basis)>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var entry = entries.GetValueOrDefault(field.Code) ?? new Entry(null, false, null);
            var basis = (entry.Basis ?? "").Trim();
            if (basis.Length > MaxBasis)
            {
                problems.Add($"{field.Name}: căn cứ dài quá {MaxBasis} ký tự.");
                continue;
            }
            switch (field.Kind)
            {
                case FieldKind.Manual:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var points)) problems.Add($"{field.Name}: “{entry.Value}” không phải là số điểm.");
                    else if (points < 0 || points > field.Max) problems.Add($"{field.Name}: điểm phải từ 0 đến {ScoreService.Points(field.Max ?? 0)}.");
                    else if (basis.Length == 0) problems.Add($"{field.Name}: hãy ghi căn cứ chấm điểm.");
                    else wanted[field.Code] = (points, null, basis);
                    break;
                case FieldKind.YesNo:
                    if (!entry.Yes) break;
                    if (field.EvidenceRequired && basis.Length == 0) problems.Add($"{field.Name}: tiêu chí yêu cầu minh chứng, hãy ghi minh chứng (số, ngày văn bản hoặc đường dẫn).");
                    else wanted[field.Code] = (null, true, basis);
                    break;
                case FieldKind.Allowance:
                    if (!entry.Yes) break;
                    if (basis.Length == 0) problems.Add($"{field.Name}: việc miễn trừ phải có văn bản cho phép, hãy ghi số, ngày văn bản.");
                    else wanted[field.Code] = (null, true, basis);
                    break;
                case FieldKind.Number:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var number) || number < 0) problems.Add($"{field.Name}: “{entry.Value}” phải là số không âm.");
                    else if (basis.Length == 0) problems.Add($"{field.Name}: hãy ghi căn cứ (báo cáo, văn bản, số liệu xác nhận).");
                    else wanted[field.Code] = (number, null, basis);
                    break;
                case FieldKind.Level:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var level) || (field.Levels ?? []).All(l => l.Points != level))
                        problems.Add($"{field.Name}: hãy chọn một mức của tiêu chí ({string.Join("; ", (field.Levels ?? []).Select(l => $"{l.Text}: {ScoreService.Points(l.Points)} điểm"))}).");
                    else if (basis.Length == 0) problems.Add($"{field.Name}: hãy ghi căn cứ chấm điểm.");
                    else wanted[field.Code] = (level, null, basis);
                    break;
                case FieldKind.Choice:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (entry.Value is not (ChoiceYes or ChoiceNo)) problems.Add($"{field.Name}: hãy chọn có, không hoặc để trống.");
                    else if (entry.Value == ChoiceYes && field.EvidenceRequired && basis.Length == 0) problems.Add($"{field.Name}: tiêu chí yêu cầu minh chứng, hãy ghi minh chứng (số, ngày văn bản hoặc đường dẫn).");
                    else wanted[field.Code] = (null, entry.Value == ChoiceYes, basis);
                    break;
                case FieldKind.Initiatives:
                    if (string.IsNullOrWhiteSpace(entry.Value)) break;
                    if (!TryNumber(entry.Value, out var count) || count < 0 || count != Math.Floor(count) || count > 100)
                        problems.Add($"{field.Name}: số sáng kiến phải là số nguyên từ 0 đến 100.");
                    else if (count > 0 && basis.Length == 0) problems.Add($"{field.Name}: hãy ghi quyết định công nhận sáng kiến.");
                    else if (count > 0) wanted[field.Code] = (count, null, basis);
                    break;
            }
        }

        decimal? allocated = null, disbursed = null;
        var hasBudget = !string.IsNullOrWhiteSpace(budget.Allocated) || !string.IsNullOrWhiteSpace(budget.Disbursed);
        if (hasBudget)
        {
            if (!TryMoney(budget.Allocated, out var a) || a < 0) problems.Add("Kinh phí được giao phải là số tiền không âm (đồng), ví dụ 150.000.000.");
            else allocated = a;
            if (!TryMoney(budget.Disbursed, out var d) || d < 0) problems.Add("Kinh phí đã giải ngân phải là số tiền không âm (đồng), ví dụ 90.000.000.");
            else disbursed = d;
            if (allocated is 0 && disbursed > 0) problems.Add("Đơn vị chưa được giao kinh phí thì chưa thể có số giải ngân.");
        }
        var why = (reason ?? "").Trim();
        if (period.State == PeriodStates.Closed && why.Length == 0)
            problems.Add($"{period.Label} đã đóng: hãy ghi lý do điều chỉnh, lý do được lưu cùng điểm được tính lại.");
        if (why.Length > MaxBasis) problems.Add($"Lý do dài quá {MaxBasis} ký tự.");
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
        await db.SaveChangesAsync(ct);
        return new SaveOutcome.Saved(changed);
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
