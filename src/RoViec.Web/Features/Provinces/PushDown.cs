using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Indicators;
using RoViec.Domain.Text;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Provinces;

/// <summary>
/// Down: the province office publishes a task of its plan or a common indicator to all or some of its communes; each
/// commune accepts it into one of its plans in force — localising the lead unit, deadline and output of a task; a common
/// indicator keeps the province's name, target and definition so the values compare — or declines it with a reason.
/// </summary>
public static class PushDown
{
    public const int MaxText = 2000;

    /// <summary>The section a commune's plan files the tasks and indicators the province pushed down under.</summary>
    public const string TaskSection = "Nhiệm vụ tỉnh giao";
    public const string IndicatorSection = "Chỉ tiêu chung của tỉnh";

    public sealed record TaskInput(string? Basis, string? Code, string? Name, string? Output, string? Deadline, bool Priority, IReadOnlyList<Guid> Communes);

    public sealed record IndicatorInput(string? Name, string? Unit, string? Target, string? Rhythm, string? Numerator, string? Denominator, string? Aggregation, IReadOnlyList<Guid> Communes);

    /// <summary>The answer of a push-down step: done (with what to tell), or refused with errors by field.</summary>
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done(Sentence Note) : Outcome;

        public sealed record Invalid(IReadOnlyDictionary<string, Sentence> Errors) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.BadRequest;
            public string Message => string.Join(" ", Errors.Values.Select(e => e.ToString()));
        }

        public sealed record NotFound : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.NotFound;
            public string Message => "Không có nội dung tỉnh giao này, hoặc nó không thuộc phạm vi của bạn.";
        }

        public sealed record Forbidden : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Forbidden;
            public string Message => "Bạn không có quyền thực hiện việc này.";
        }

        public sealed record Conflict(Sentence Why) : Outcome, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
            public string Message => Why.ToString();
            public Sentence Text => Why;
        }
    }

    private static bool IsProvinceOffice(UserScope? scope) => scope is { IsProvinceLevel: true } && scope.IsIn(Roles.ProvinceOffice);

    /// <summary>The communes a publication goes to: the chosen ones of the province, or all of them when none is chosen. Null when one is not the province's.</summary>
    private static async Task<List<Guid>?> TargetsAsync(RoViecDbContext db, Guid provinceId, IReadOnlyList<Guid> chosen, CancellationToken ct)
    {
        var all = await db.Communes.AsNoTracking().Where(c => c.ProvinceId == provinceId).Select(c => c.Id).ToListAsync(ct);
        if (chosen.Count == 0) return all;
        return chosen.All(all.Contains) ? [.. chosen.Distinct()] : null;
    }

    public static async Task<Outcome> PublishTaskAsync(RoViecDbContext db, UserScope? scope, TaskInput input, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        if (!IsProvinceOffice(scope)) return new Outcome.Forbidden();
        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var basis = Required(input.Basis, "Basis", "Hãy ghi kế hoạch của tỉnh mà nhiệm vụ thuộc về (số, ngày, cơ quan ban hành).", 500, errors);
        var name = Required(input.Name, "Name", "Hãy ghi nội dung nhiệm vụ.", MaxText, errors);
        var deadlineText = input.Deadline?.Trim();
        var year = VietnamTime.FromUtc(nowUtc).Year;
        var deadline = DeadlineParser.Parse(deadlineText, year);
        if (!string.IsNullOrEmpty(deadlineText) && deadline.Kind == DeadlineKind.None)
            errors["Deadline"] = new Sentence("Thời hạn “{0}” không đọc được; hãy viết như 30/9/{1}, Quý III/{1}, Tháng 10/{1} hoặc Thường xuyên.", deadlineText, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var targets = await TargetsAsync(db, scope!.ProvinceId!.Value, input.Communes, ct);
        if (targets is null) errors["Communes"] = new Sentence("Có xã được chọn không thuộc tỉnh; hãy chọn lại trong danh sách.");
        else if (targets.Count == 0) errors["Communes"] = new Sentence("Tỉnh chưa có xã, phường nào để giao.");
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var task = new ProvinceTask
        {
            Id = Guid.NewGuid(),
            ProvinceId = scope.ProvinceId.Value,
            Basis = basis!,
            Code = Clip(input.Code, 40),
            Name = name!,
            Output = Clip(input.Output, MaxText),
            DeadlineRaw = string.IsNullOrEmpty(deadlineText) ? null : Clip(deadlineText, 200),
            DueOn = deadline.FinalDue,
            Priority = input.Priority,
            PublishedAtUtc = nowUtc,
            PublishedBy = scope.UserName,
            Version = Guid.NewGuid(),
        };
        db.ProvinceTasks.Add(task);
        foreach (var commune in targets!)
            db.PushedTasks.Add(new PushedTask { Id = Guid.NewGuid(), CommuneId = commune, ProvinceTaskId = task.Id, Version = Guid.NewGuid() });
        await db.SaveChangesAsync(ct);
        await TellCommunesAsync(db, targets!, $"tinh-giao:{task.Id}", "Tỉnh giao nhiệm vụ mới", $"Văn phòng Ban Chỉ đạo tỉnh giao nhiệm vụ: {Short(task.Name)}. Đề nghị xã tiếp nhận vào kế hoạch hoặc báo lý do không thực hiện.", nowUtc, ct);
        return new Outcome.Done(new Sentence("Đã giao nhiệm vụ cho {0} xã, phường.", targets!.Count));
    }

    public static async Task<Outcome> PublishIndicatorAsync(RoViecDbContext db, UserScope? scope, IndicatorInput input, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        if (!IsProvinceOffice(scope)) return new Outcome.Forbidden();
        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var name = Required(input.Name, "Name", "Hãy ghi tên chỉ tiêu.", 1000, errors);
        var unit = Required(input.Unit, "Unit", "Hãy ghi đơn vị tính (%, hộ, hồ sơ…).", 40, errors);
        var targetText = Required(input.Target, "Target", "Hãy ghi mục tiêu (ví dụ ≥ 80%).", 200, errors);
        var target = targetText is null ? null : TargetParser.Parse(targetText);
        if (targetText is not null && target is null) errors["Target"] = new Sentence("Mục tiêu “{0}” không đọc được; hãy viết như ≥ 80%, 100%, ≤ 5 ngày.", targetText);
        var rhythm = input.Rhythm is { } r && IndicatorRhythms.All.Contains(r) ? r : null;
        if (rhythm is null) errors["Rhythm"] = new Sentence("Hãy chọn kỳ báo cáo của chỉ tiêu (tháng, quý, năm).");
        var aggregation = input.Aggregation is { } a && Aggregations.All.Contains(a) ? a : null;
        if (aggregation is null) errors["Aggregation"] = new Sentence("Hãy chọn cách tổng hợp toàn tỉnh (cộng, bình quân, tỷ lệ theo tử số/mẫu số, số xã đạt).");
        if (aggregation == Aggregations.Ratio && (string.IsNullOrWhiteSpace(input.Numerator) || string.IsNullOrWhiteSpace(input.Denominator)))
            errors["Numerator"] = new Sentence("Chỉ tiêu tổng hợp theo tỷ lệ cần định nghĩa tử số và mẫu số để số liệu các xã so sánh được.");
        var targets = await TargetsAsync(db, scope!.ProvinceId!.Value, input.Communes, ct);
        if (targets is null) errors["Communes"] = new Sentence("Có xã được chọn không thuộc tỉnh; hãy chọn lại trong danh sách.");
        else if (targets.Count == 0) errors["Communes"] = new Sentence("Tỉnh chưa có xã, phường nào để giao.");
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var indicator = new ProvinceIndicator
        {
            Id = Guid.NewGuid(),
            ProvinceId = scope.ProvinceId.Value,
            Name = name!,
            Unit = unit!,
            TargetRaw = targetText!,
            TargetOp = target!.OpSymbol,
            TargetValue = target.Value,
            Rhythm = rhythm!,
            Numerator = Clip(input.Numerator, 500),
            Denominator = Clip(input.Denominator, 500),
            Aggregation = aggregation!,
            PublishedAtUtc = nowUtc,
            PublishedBy = scope.UserName,
            Version = Guid.NewGuid(),
        };
        db.ProvinceIndicators.Add(indicator);
        foreach (var commune in targets!)
            db.PushedIndicators.Add(new PushedIndicator { Id = Guid.NewGuid(), CommuneId = commune, ProvinceIndicatorId = indicator.Id, Version = Guid.NewGuid() });
        await db.SaveChangesAsync(ct);
        await TellCommunesAsync(db, targets!, $"tinh-chi-tieu:{indicator.Id}", "Tỉnh giao chỉ tiêu chung", $"Văn phòng Ban Chỉ đạo tỉnh giao chỉ tiêu chung: {Short(indicator.Name)} ({indicator.TargetRaw}). Đề nghị xã đưa vào kế hoạch để báo cáo theo định nghĩa của tỉnh.", nowUtc, ct);
        return new Outcome.Done(new Sentence("Đã giao chỉ tiêu chung cho {0} xã, phường.", targets!.Count));
    }

    /// <summary>The commune accepts a pushed task into one of its plans in force, localising its lead unit, deadline and output.</summary>
    public static async Task<Outcome> AcceptTaskAsync(RoViecDbContext db, UserScope? scope, Guid pushedId, Guid? planId, Guid? leadUnitId, string? deadline, string? output, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pushed = await db.PushedTasks.FirstOrDefaultAsync(p => p.Id == pushedId, ct);
        if (pushed is null || scope is null || scope.CommuneId != pushed.CommuneId) return new Outcome.NotFound();
        if (!scope.RunsReporting) return new Outcome.Forbidden();
        if (pushed.State != PushStates.Pending) return new Outcome.Conflict(new Sentence("Nhiệm vụ này xã đã xử lý rồi."));
        var source = await db.ProvinceTasks.AsNoTracking().SingleAsync(t => t.Id == pushed.ProvinceTaskId, ct);
        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var plan = await PlanInForceAsync(db, pushed.CommuneId, planId, "Hãy chọn kế hoạch đang thực hiện của xã để đưa nhiệm vụ vào.", errors, ct);
        var unit = leadUnitId is { } u ? await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == u && x.Active, ct) : null;
        if (unit is null) errors["LeadUnitId"] = new Sentence("Hãy chọn đơn vị chủ trì trong danh sách đơn vị của xã.");
        var deadlineText = string.IsNullOrWhiteSpace(deadline) ? source.DeadlineRaw : deadline.Trim();
        var year = plan?.Year ?? VietnamTime.FromUtc(nowUtc).Year;
        var parsed = DeadlineParser.Parse(deadlineText, year);
        if (string.IsNullOrEmpty(deadlineText)) errors["Deadline"] = new Sentence("Hãy ghi thời hạn (ví dụ 30/9/{0}, Quý III/{0}, Thường xuyên).", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (parsed.Kind == DeadlineKind.None) errors["Deadline"] = new Sentence("Thời hạn “{0}” không đọc được; hãy viết như 30/9/{1}, Quý III/{1}, Tháng 10/{1} hoặc Thường xuyên.", deadlineText, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var task = new PlanTaskRow
        {
            Id = Guid.NewGuid(),
            CommuneId = plan!.CommuneId,
            PlanId = plan.Id,
            Order = await PlanDrafts.NextOrderAsync(db, plan.Id, ct),
            Source = TaskSources.Pushed,
            Section = TaskSection,
            Code = source.Code,
            Name = source.Name,
            LeadUnitId = unit!.Id,
            LeadAsWritten = unit.Name,
            Output = string.IsNullOrWhiteSpace(output) ? source.Output : Clip(output, MaxText),
            DeadlineRaw = deadlineText,
            DeadlineKind = parsed.Kind.ToString(),
            DeadlineDue = parsed.FinalDue,
            UpstreamSource = source.Basis,
            ProvinceTaskId = source.Id,
            Priority = source.Priority,
            Version = Guid.NewGuid(),
        };
        db.Tasks.Add(task);
        pushed.State = PushStates.Accepted;
        pushed.LocalTaskId = task.Id;
        pushed.DecidedAtUtc = nowUtc;
        pushed.DecidedBy = scope.UserName;
        pushed.Version = Guid.NewGuid();
        await ReopenAsync(db, plan, ct);
        await db.SaveChangesAsync(ct);
        // Its first status, stored for the province's view until the next report or daily pass.
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
        var health = await Periods.PlanHealth.ComputeAsync(db, plan.Id, today, ct);
        if (health.TryGetValue(task.Id, out var first)) await Periods.PlanHealth.StoreAsync(db, new Dictionary<Guid, Domain.Reporting.TaskHealth> { [task.Id] = first }, today, ct);
        return new Outcome.Done(new Sentence("Đã đưa nhiệm vụ tỉnh giao vào kế hoạch, giao {0} chủ trì.", unit.Name));
    }

    /// <summary>The commune accepts a common indicator into one of its plans: its own indicator, with the province's name, target and definition.</summary>
    public static async Task<Outcome> AcceptIndicatorAsync(RoViecDbContext db, UserScope? scope, Guid pushedId, Guid? planId, Guid? ownerUnitId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pushed = await db.PushedIndicators.FirstOrDefaultAsync(p => p.Id == pushedId, ct);
        if (pushed is null || scope is null || scope.CommuneId != pushed.CommuneId) return new Outcome.NotFound();
        if (!scope.RunsReporting) return new Outcome.Forbidden();
        if (pushed.State != PushStates.Pending) return new Outcome.Conflict(new Sentence("Chỉ tiêu này xã đã xử lý rồi."));
        var source = await db.ProvinceIndicators.AsNoTracking().SingleAsync(i => i.Id == pushed.ProvinceIndicatorId, ct);
        var errors = new Dictionary<string, Sentence>(StringComparer.Ordinal);
        var plan = await PlanInForceAsync(db, pushed.CommuneId, planId, "Hãy chọn kế hoạch đang thực hiện của xã để đưa chỉ tiêu vào.", errors, ct);
        var owner = ownerUnitId is { } u ? await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == u && x.Active, ct) : null;
        if (owner is null) errors["OwnerUnitId"] = new Sentence("Hãy chọn đơn vị báo cáo chỉ tiêu trong danh sách đơn vị của xã.");
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var order = await db.Indicators.Where(i => i.PlanId == plan!.Id).Select(i => (int?)i.Order).MaxAsync(ct) ?? 0;
        var indicator = new IndicatorRow
        {
            Id = Guid.NewGuid(),
            CommuneId = plan!.CommuneId,
            PlanId = plan.Id,
            Order = order + 1,
            Section = IndicatorSection,
            Name = source.Name,
            TargetRaw = source.TargetRaw,
            TargetOp = source.TargetOp,
            TargetValue = source.TargetValue,
            TargetUnit = source.Unit == "%" ? "%" : "count",
            Owner = owner!.Name,
            OwnerUnitId = owner.Id,
            Rhythm = source.Rhythm,
            ProvinceIndicatorId = source.Id,
            Version = Guid.NewGuid(),
        };
        db.Indicators.Add(indicator);
        pushed.State = PushStates.Accepted;
        pushed.LocalIndicatorId = indicator.Id;
        pushed.DecidedAtUtc = nowUtc;
        pushed.DecidedBy = scope.UserName;
        pushed.Version = Guid.NewGuid();
        await ReopenAsync(db, plan, ct);
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(new Sentence("Đã đưa chỉ tiêu chung của tỉnh vào kế hoạch, giao {0} báo cáo.", owner.Name));
    }

    /// <summary>The commune declines a pushed task or indicator, with its reason (told to the province).</summary>
    public static async Task<Outcome> DeclineAsync(RoViecDbContext db, UserScope? scope, Guid pushedId, bool indicator, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var why = reason?.Trim();
        if (indicator)
        {
            var pushed = await db.PushedIndicators.FirstOrDefaultAsync(p => p.Id == pushedId, ct);
            if (pushed is null || scope is null || scope.CommuneId != pushed.CommuneId) return new Outcome.NotFound();
            if (!scope.RunsReporting) return new Outcome.Forbidden();
            if (pushed.State != PushStates.Pending) return new Outcome.Conflict(new Sentence("Chỉ tiêu này xã đã xử lý rồi."));
            if (Reason(why) is { } invalid) return invalid;
            (pushed.State, pushed.Reason, pushed.DecidedAtUtc, pushed.DecidedBy, pushed.Version) = (PushStates.Declined, why, nowUtc, scope.UserName, Guid.NewGuid());
        }
        else
        {
            var pushed = await db.PushedTasks.FirstOrDefaultAsync(p => p.Id == pushedId, ct);
            if (pushed is null || scope is null || scope.CommuneId != pushed.CommuneId) return new Outcome.NotFound();
            if (!scope.RunsReporting) return new Outcome.Forbidden();
            if (pushed.State != PushStates.Pending) return new Outcome.Conflict(new Sentence("Nhiệm vụ này xã đã xử lý rồi."));
            if (Reason(why) is { } invalid) return invalid;
            (pushed.State, pushed.Reason, pushed.DecidedAtUtc, pushed.DecidedBy, pushed.Version) = (PushStates.Declined, why, nowUtc, scope.UserName, Guid.NewGuid());
        }
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(new Sentence("Đã báo tỉnh lý do không thực hiện."));
    }

    /// <summary>The commune's plan in force a pushed item goes into; null (with the error) when none is chosen or its year has closed.</summary>
    private static async Task<Plan?> PlanInForceAsync(RoViecDbContext db, Guid communeId, Guid? planId, string missing, Dictionary<string, Sentence> errors, CancellationToken ct)
    {
        var plan = planId is { } id ? await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.CommuneId == communeId && p.Status == PlanStatuses.Active, ct) : null;
        if (plan is null) errors["PlanId"] = new Sentence(missing);
        else if (await PlanQueries.ClosedYearAsync(db, plan.Id, ct) is { } closed) errors["PlanId"] = closed;
        return errors.ContainsKey("PlanId") ? null : plan;
    }

    /// <summary>The period open now is opened again by the scheduler, which adds the new task's or indicator's lines to the reports still being written.</summary>
    private static async Task ReopenAsync(RoViecDbContext db, Plan plan, CancellationToken ct)
    {
        var host = plan.ReportsWithPlanId is null ? plan.Id : (await PlansTogether.HostAsync(db, plan.CommuneId, plan.Year, plan.Id, ct))?.Id;
        if (host is { } hostId) await PlansTogether.ReopenAsync(db, hostId, ct);
    }

    private static Outcome.Invalid? Reason(string? why) => string.IsNullOrEmpty(why)
        ? new Outcome.Invalid(new Dictionary<string, Sentence> { ["Reason"] = new Sentence("Hãy ghi lý do không thực hiện để tỉnh nắm được.") })
        : why.Length > MaxText ? new Outcome.Invalid(new Dictionary<string, Sentence> { ["Reason"] = new Sentence("Lý do dài quá {0:#,0.##} ký tự.", MaxText) }) : null;

    private static string? Required(string? value, string field, string message, int max, Dictionary<string, Sentence> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = new Sentence(message);
            return null;
        }
        if (text.Length > max)
        {
            errors[field] = new Sentence("Nội dung dài quá {0:#,0.##} ký tự.", max);
            return null;
        }
        return text;
    }

    private static string? Clip(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();

    private static string Short(string text) => text.Length > 160 ? text[..157] + "…" : text;

    /// <summary>Tells the communes' standing offices (a notice each, "ReportFlow": it awaits their action).</summary>
    private static async Task TellCommunesAsync(RoViecDbContext db, IReadOnlyCollection<Guid> communes, string key, string title, string body, DateTime nowUtc, CancellationToken ct)
    {
        var office = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where u.CommuneId != null && communes.Contains(u.CommuneId.Value) && r.Name == Roles.StandingOffice
                            select new { u.Id, u.CommuneId }).Distinct().ToListAsync(ct);
        await Notices.SendManyAsync(db, [.. office.Select(o => new NoticeDraft(o.Id, NoticeKinds.ReportFlow, key, title, body, "/viec-tinh-giao", o.CommuneId))], nowUtc, ct);
    }
}
