using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Text;
using RoViec.Web.Features.Periods;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Amendments;

/// <summary>
/// Amends a plan in force ("điều chỉnh kế hoạch") without replacing it: adds a task, or stops one, each with the reason
/// and the document that decided it (<see cref="PlanAmendment"/>). A stopped task keeps its reports and history; from its
/// day it is "đã dừng" — ended, not failed, never overdue — and no new period asks for it. An added task enters the
/// reports still being written of the period open now. Only the standing office amends; a closed year is not amended.
/// </summary>
public static class AmendPlan
{
    public const int MaxReason = 2000;
    public const int MaxDocument = 300;
    public const int MaxName = 2000;
    /// <summary>The section an added task goes under when the officer names none.</summary>
    public const string AddedSection = "Nhiệm vụ bổ sung khi điều chỉnh kế hoạch";

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done(PlanAmendment Amendment) : Outcome;

        /// <summary>The task now linked to the same work in another plan.</summary>
        public sealed record Linked(PlanTaskRow Task) : Outcome;

        /// <summary>The form as sent is refused, with a message per field; nothing saved.</summary>
        public sealed record Invalid(IReadOnlyDictionary<string, Sentence> Errors) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.BadRequest;
            public string Message => string.Join(" ", Errors.Values.Select(e => e.ToString()));
        }

        public sealed record NotFound : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.NotFound;
            public string Message => "Không có kế hoạch hoặc nhiệm vụ này, hoặc nó không thuộc phạm vi của bạn.";
        }

        public sealed record Forbidden : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Forbidden;
            public string Message => "Chỉ cơ quan thường trực điều chỉnh được kế hoạch.";
        }

        /// <summary>Not now: the plan is not in force, its year is closed, or the task already ended.</summary>
        public sealed record Conflict(Sentence Text) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
            public string Message => Text.ToString();
        }
    }

    /// <summary>What the officer writes to stop a task: why, by which document, from which day (dd/mm/yyyy; empty: today).</summary>
    public sealed record Closing(string? Reason, string? Document, string? EffectiveOn);

    /// <summary>What the officer writes to add a task.</summary>
    public sealed record Addition(string? Name, Guid? LeadUnitId, string? Output, string? Deadline, string? Section, string? Reason, string? Document);

    public static async Task<Outcome> CloseTaskAsync(RoViecDbContext db, UserScope? caller, Guid taskId, Closing input, string? by, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || caller is null || caller.CommuneId != task.CommuneId) return new Outcome.NotFound();
        if (!caller.RunsReporting) return new Outcome.Forbidden();
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == task.PlanId, ct);
        if (await RefusalAsync(db, plan, ct) is { } refused) return refused;
        if (task.ClosedOn is { } closedOn)
            return new Outcome.Conflict(new Sentence("Nhiệm vụ này đã dừng thực hiện từ ngày {0}.", DayText.Show(closedOn)));
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
        var health = (await PlanHealth.ComputeAsync(db, task.PlanId, today, ct)).GetValueOrDefault(task.Id);
        if (health is Domain.Reporting.TaskHealth.DoneOnTime or Domain.Reporting.TaskHealth.DoneLate or Domain.Reporting.TaskHealth.AlreadyDone)
            return new Outcome.Conflict(new Sentence("Nhiệm vụ này đã hoàn thành, không cần dừng thực hiện."));

        var errors = Common(input.Reason, input.Document);
        var on = today;
        if (!string.IsNullOrWhiteSpace(input.EffectiveOn))
        {
            if (!DayText.TryParse(input.EffectiveOn, out on))
                errors["EffectiveOn"] = new Sentence("Ngày dừng “{0}” không đọc được; hãy viết theo dạng ngày/tháng/năm, ví dụ 15/06/{1}.", input.EffectiveOn.Trim(), plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else if (on > today)
                errors["EffectiveOn"] = new Sentence("Ngày dừng không được sau hôm nay ({0}).", DayText.Show(today));
            else if (on.Year != plan.Year)
                errors["EffectiveOn"] = new Sentence("Ngày dừng phải thuộc năm {0} của kế hoạch.", plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (errors.Count > 0) return new Outcome.Invalid(errors);

        task.ClosedOn = on;
        task.Version = Guid.NewGuid();
        var amendment = Record(task, AmendmentKinds.Closed, input.Reason!, input.Document!, on, by, nowUtc);
        db.PlanAmendments.Add(amendment);
        // The reports still being written of the periods open now stop asking about it (what was already typed goes with it).
        await DropWritingLinesAsync(db, task.Id, ct);
        await db.SaveChangesAsync(ct);
        await MarkStaleAsync(db, plan, ct);
        return new Outcome.Done(amendment);
    }

    public static async Task<Outcome> AddTaskAsync(RoViecDbContext db, UserScope? caller, Guid planId, Addition input, string? by, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || caller is null || caller.CommuneId != plan.CommuneId) return new Outcome.NotFound();
        if (!caller.RunsReporting) return new Outcome.Forbidden();
        if (await RefusalAsync(db, plan, ct) is { } refused) return refused;

        var errors = Common(input.Reason, input.Document);
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = new Sentence("Hãy ghi nội dung nhiệm vụ.");
        else if (name.Length > MaxName) errors["Name"] = new Sentence("Nội dung nhiệm vụ dài quá {0} ký tự.", MaxName);
        var unit = input.LeadUnitId is { } unitId ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.Active, ct) : null;
        if (unit is null) errors["LeadUnitId"] = new Sentence("Hãy chọn đơn vị chủ trì trong danh sách đơn vị của xã.");
        var deadlineText = input.Deadline?.Trim();
        var deadline = DeadlineParser.Parse(deadlineText, plan.Year);
        if (string.IsNullOrEmpty(deadlineText)) errors["Deadline"] = new Sentence("Hãy ghi thời hạn (ví dụ 30/9/{0}, Quý III/{0}, Thường xuyên).", plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (deadline.Kind == DeadlineKind.None) errors["Deadline"] = new Sentence("Thời hạn “{0}” không đọc được; hãy viết như 30/9/{1}, Quý III/{1}, Tháng 10/{1} hoặc Thường xuyên.", deadlineText, plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var section = string.IsNullOrWhiteSpace(input.Section) ? AddedSection : input.Section.Trim();
        if (section.Length > 500) errors["Section"] = new Sentence("Tên mục dài quá {0} ký tự.", 500);
        if (errors.Count > 0) return new Outcome.Invalid(errors);

        var order = await PlanDrafts.NextOrderAsync(db, plan.Id, ct);
        var task = new PlanTaskRow
        {
            Id = Guid.NewGuid(),
            CommuneId = plan.CommuneId,
            PlanId = plan.Id,
            Order = order,
            Source = TaskSources.Amended,
            Section = section,
            Name = name,
            LeadUnitId = unit!.Id,
            LeadAsWritten = unit.Name,
            Output = string.IsNullOrWhiteSpace(input.Output) ? null : input.Output.Trim(),
            DeadlineRaw = deadlineText,
            DeadlineKind = deadline.Kind.ToString(),
            DeadlineDue = deadline.FinalDue,
            UpstreamSource = input.Document!.Trim(),
            Version = Guid.NewGuid(),
        };
        db.Tasks.Add(task);
        var amendment = Record(task, AmendmentKinds.Added, input.Reason!, input.Document!, DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc)), by, nowUtc);
        db.PlanAmendments.Add(amendment);
        // The period open now is opened again by the scheduler, which adds the task's lines to the reports still being written.
        var host = plan.ReportsWithPlanId is null ? plan.Id : (await PlansTogether.HostAsync(db, plan.CommuneId, plan.Year, plan.Id, ct))?.Id;
        if (host is { } hostId) await PlansTogether.ReopenAsync(db, hostId, ct);
        await db.SaveChangesAsync(ct);
        await MarkStaleAsync(db, plan, ct);
        return new Outcome.Done(amendment);
    }

    /// <summary>What the amendment page offers: the plan, the commune's units, the plan's sections, its running tasks, and why it cannot be amended (if so).</summary>
    public sealed record Form(Plan Plan, IReadOnlyList<(Guid Id, string Name)> Units, IReadOnlyList<string> Sections,
        IReadOnlyList<(Guid Id, string? Code, string Name)> Running, Sentence? NotNow);

    public static async Task<Form?> FormAsync(RoViecDbContext db, Guid planId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.Status != PlanStatuses.Draft, ct);
        if (plan is null) return null;
        var units = (await db.Units.AsNoTracking().Where(u => u.CommuneId == plan.CommuneId && u.Active).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).Select(u => (u.Id, u.Name)).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.Code, t.Name, t.Section, t.ClosedOn }).ToListAsync(ct);
        var health = await PlanHealth.ComputeAsync(db, planId, DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc)), ct);
        var running = tasks.Where(t => t.ClosedOn is null && Domain.Reporting.TaskStatusRules.IsOpen(health.GetValueOrDefault(t.Id)))
            .Select(t => (t.Id, t.Code, t.Name)).ToList();
        var notNow = (await RefusalAsync(db, plan, ct)) is Outcome.Conflict c ? c.Text : null;
        return new Form(plan, units, [.. tasks.Select(t => t.Section).Distinct(StringComparer.Ordinal)], running, notNow);
    }

    /// <summary>
    /// Links a task to the same work named in another plan in force of the same year: the other task's report line then
    /// answers for both (units report it once), and this task's status follows it. Neither may already be linked (no
    /// chains). The task's lines leave the reports still being written; a report already sent keeps what it said.
    /// </summary>
    public static async Task<Outcome> LinkAsync(RoViecDbContext db, UserScope? caller, Guid taskId, Guid? sameAsId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || caller is null || caller.CommuneId != task.CommuneId) return new Outcome.NotFound();
        if (!caller.RunsReporting) return new Outcome.Forbidden();
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == task.PlanId, ct);
        if (await RefusalAsync(db, plan, ct) is { } refused) return refused;
        var other = sameAsId is { } id ? await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        var otherPlan = other is null ? null : await db.Plans.AsNoTracking().FirstAsync(p => p.Id == other.PlanId, ct);
        if (other is null || otherPlan is null || otherPlan.Status != PlanStatuses.Active || otherPlan.Year != plan.Year || other.PlanId == task.PlanId)
            return new Outcome.Invalid(new Dictionary<string, Sentence>(StringComparer.Ordinal)
            {
                ["SameAs"] = new("Hãy chọn nhiệm vụ cùng nội dung trong một kế hoạch khác đang thực hiện của năm {0}.", plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            });
        if (task.SameAsTaskId is not null || other.SameAsTaskId is not null || await db.Tasks.AnyAsync(t => t.SameAsTaskId == task.Id, ct))
            return new Outcome.Conflict(new Sentence("Một trong hai nhiệm vụ đã được liên kết với nhiệm vụ khác; mỗi nhiệm vụ chỉ liên kết một lần."));
        task.SameAsTaskId = other.Id;
        task.Version = Guid.NewGuid();
        await DropWritingLinesAsync(db, task.Id, ct);
        await db.SaveChangesAsync(ct);
        await MarkStaleAsync(db, plan, ct);
        return new Outcome.Linked(task);
    }

    /// <summary>The task whose report line answers for this one (<see cref="PlanTaskRow.SameAsTaskId"/>), with its plan's title; null when not linked.</summary>
    public static async Task<(Guid Id, string Name, string Plan)?> SameAsAsync(RoViecDbContext db, PlanTaskRow task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        if (task.SameAsTaskId is not { } id) return null;
        var row = await (from t in db.Tasks.AsNoTracking()
                         join p in db.Plans.AsNoTracking() on t.PlanId equals p.Id
                         where t.Id == id
                         select new { t.Id, t.Name, p.Title }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.Name, row.Title);
    }

    /// <summary>The tasks of the commune's other plans in force of the plan's year, to link a task to (plan title, code, name).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Plan, string? Code, string Name)>> LinkableAsync(RoViecDbContext db, Plan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var rows = await (from t in db.Tasks.AsNoTracking()
                          join p in db.Plans.AsNoTracking() on t.PlanId equals p.Id
                          where p.CommuneId == plan.CommuneId && p.Status == PlanStatuses.Active && p.Year == plan.Year && p.Id != plan.Id
                              && t.SameAsTaskId == null && t.ClosedOn == null
                          orderby p.Title, t.Order
                          select new { t.Id, p.Title, t.Code, t.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Title, r.Code, r.Name))];
    }

    /// <summary>The plan's amendments, newest first, with the task each touched.</summary>
    public sealed record Line(PlanAmendment Amendment, string? TaskCode, string TaskName);

    public static async Task<IReadOnlyList<Line>> OfPlanAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (from a in db.PlanAmendments.AsNoTracking()
                      join t in db.Tasks.AsNoTracking() on a.TaskId equals t.Id
                      where a.PlanId == planId
                      orderby a.AtUtc descending
                      select new Line(a, t.Code, t.Name)).ToListAsync(ct);
    }

    /// <summary>The amendments of one task (its page shows them), oldest first.</summary>
    public static async Task<IReadOnlyList<PlanAmendment>> OfTaskAsync(RoViecDbContext db, Guid taskId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PlanAmendments.AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.AtUtc).ToListAsync(ct);
    }

    private static async Task<Outcome?> RefusalAsync(RoViecDbContext db, Plan plan, CancellationToken ct)
    {
        if (plan.Status != PlanStatuses.Active)
            return new Outcome.Conflict(new Sentence("Chỉ điều chỉnh được kế hoạch đang thực hiện; kế hoạch này đang ở trạng thái khác (bản nháp hoặc đã được thay thế)."));
        if (await PlanQueries.ClosedYearAsync(db, plan.Id, ct) is { } closed) return new Outcome.Conflict(closed);
        return null;
    }

    private static Dictionary<string, Sentence> Common(string? reason, string? document)
    {
        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) errors["Reason"] = new Sentence("Hãy ghi lý do điều chỉnh.");
        else if (why.Length > MaxReason) errors["Reason"] = new Sentence("Lý do dài quá {0} ký tự.", MaxReason);
        var doc = document?.Trim() ?? "";
        if (doc.Length == 0) errors["Document"] = new Sentence("Hãy ghi văn bản quyết định việc điều chỉnh (số, ký hiệu, ngày), ví dụ “Quyết định số 12/QĐ-UBND ngày 05/6/2026”.");
        else if (doc.Length > MaxDocument) errors["Document"] = new Sentence("Văn bản điều chỉnh dài quá {0} ký tự.", MaxDocument);
        return errors;
    }

    private static PlanAmendment Record(PlanTaskRow task, string kind, string reason, string document, DateOnly on, string? by, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        CommuneId = task.CommuneId,
        PlanId = task.PlanId,
        TaskId = task.Id,
        Kind = kind,
        Reason = reason.Trim(),
        Document = document.Trim(),
        EffectiveOn = on,
        By = by,
        AtUtc = nowUtc,
    };

    /// <summary>
    /// The task's lines leave the reports still being written (draft or returned) of the periods open now, with what was
    /// typed on them; a report already sent keeps what it said. Saved with the caller's changes.
    /// </summary>
    private static async Task DropWritingLinesAsync(RoViecDbContext db, Guid taskId, CancellationToken ct)
    {
        var writing = await (
            from item in db.ReportItems
            join report in db.Reports on item.ReportId equals report.Id
            join period in db.Periods on report.PeriodId equals period.Id
            where item.TaskId == taskId && period.State == PeriodStates.Open
                && (report.State == ReportStates.Draft || report.State == ReportStates.Returned)
            select item).ToListAsync(ct);
        db.ReportItems.RemoveRange(writing);
    }

    /// <summary>The figures of the periods that cover the plan are read again.</summary>
    private static async Task MarkStaleAsync(RoViecDbContext db, Plan plan, CancellationToken ct)
    {
        // A plan reporting with the work programme has its lines in the programme's periods (its version in force now).
        var host = plan.ReportsWithPlanId is null ? plan.Id : (await PlansTogether.HostAsync(db, plan.CommuneId, plan.Year, plan.Id, ct))?.Id ?? plan.Id;
        var line = await ReplacePlan.PlanLineAsync(db, plan.Id, ct);
        var periods = await db.Periods.AsNoTracking().Where(p => (line.Contains(p.PlanId) || p.PlanId == host) && p.State != PeriodStates.Closed)
            .Select(p => p.Id).ToListAsync(ct);
        // A new version with the mark, as PeriodSnapshots.MarkStaleAsync does: a rebuild already under way keeps it stale.
        var version = Guid.NewGuid();
        await db.PeriodSnapshots.Where(s => periods.Contains(s.PeriodId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stale, true).SetProperty(s => s.Version, version), ct);
    }
}
