using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Periods;

/// <summary>
/// What the standing office does with periods: set the plan's reporting rules (scheduled periods are laid
/// out again; open and closed ones keep their dates), open a period ahead of its day, ask for an ad-hoc
/// report, and give one unit a later due day with a recorded reason.
/// </summary>
public static class PeriodAdmin
{
    /// <summary>The plan's reporting rules as saved, or the defaults when none are.</summary>
    public static async Task<ReportingRules> RulesAsync(RoViecDbContext db, Guid planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ReportingRules.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == planId, ct) ?? new ReportingRules { PlanId = planId };
    }

    /// <summary>Forgets what the unit of work holds, after a refused change, so the page reads the plan's periods as stored.</summary>
    public static void Forget(RoViecDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
    }

    public abstract record Result
    {
        public sealed record Done(Guid? Id = null) : Result;
        /// <summary>A field (empty for the whole form) and the Vietnamese message.</summary>
        public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : Result, IRefused
        {
            public Refusal Refusal => Refusal.Invalid;
            public string Message => string.Join(" ", Errors.Values);
        }

        public sealed record NotFound : Result, IRefused
        {
            public Refusal Refusal => Refusal.NotFound;
            public string Message => "Không tìm thấy kỳ báo cáo hoặc kế hoạch này, hoặc nó không thuộc phạm vi của bạn.";
        }

        /// <summary>Someone changed it in between, or its state no longer allows this.</summary>
        public sealed record Conflict(string Message) : Result, IRefused
        {
            public Refusal Refusal => Refusal.Conflict;
        }

        public static Invalid Error(string field, string message) => new(new Dictionary<string, string> { [field] = message });
    }

    public sealed record RulesInput(int UnitDueDay, int CompileDueDay, bool Monthly, bool Quarterly,
        string? AnnualUnitDue, string? AnnualCompileDue, bool RequireHeadApproval, int RemindDaysBefore, int EscalateDaysAfter, Guid Version);

    public static async Task<Result> SaveRulesAsync(RoViecDbContext db, Guid communeId, Guid planId, RulesInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatuses.Active, ct);
        if (plan is null) return new Result.NotFound();
        var rules = await PeriodCalendar.EnsureAsync(db, plan, ct);
        if (db.Entry(rules).State != EntityState.Added && rules.Version != input.Version)
            return new Result.Conflict("Quy định báo cáo vừa được người khác thay đổi; hãy tải lại trang để xem bản mới.");

        var errors = new Dictionary<string, string>();
        if (input.UnitDueDay is < 1 or > 31) errors["UnitDueDay"] = "Hạn báo cáo của đơn vị phải là một ngày từ 1 đến 31.";
        if (input.CompileDueDay is < 1 or > 31) errors["CompileDueDay"] = "Hạn tổng hợp phải là một ngày từ 1 đến 31.";
        else if (input.CompileDueDay < input.UnitDueDay) errors["CompileDueDay"] = "Hạn tổng hợp của xã không được trước hạn báo cáo của đơn vị.";
        if (!input.Monthly && !input.Quarterly) errors["Monthly"] = "Hãy chọn ít nhất một kỳ định kỳ: hằng tháng hoặc hằng quý.";
        var annualUnit = MonthDay(input.AnnualUnitDue, plan.Year);
        var annualCompile = MonthDay(input.AnnualCompileDue, plan.Year);
        if (annualUnit is null) errors["AnnualUnitDue"] = "Hạn báo cáo năm của đơn vị phải viết dạng ngày/tháng, ví dụ 15/11.";
        if (annualCompile is null) errors["AnnualCompileDue"] = "Hạn báo cáo năm của xã phải viết dạng ngày/tháng, ví dụ 20/11.";
        else if (annualUnit is not null && annualCompile < annualUnit) errors["AnnualCompileDue"] = "Hạn báo cáo năm của xã không được trước hạn của đơn vị.";
        if (input.RemindDaysBefore is < 0 or > 15) errors["RemindDaysBefore"] = "Số ngày nhắc trước hạn phải từ 0 đến 15.";
        if (input.EscalateDaysAfter is < 1 or > 30) errors["EscalateDaysAfter"] = "Số ngày quá hạn trước khi báo lên trưởng đơn vị phải từ 1 đến 30.";
        if (errors.Count > 0) return new Result.Invalid(errors);

        rules.UnitDueDay = input.UnitDueDay;
        rules.CompileDueDay = input.CompileDueDay;
        rules.Monthly = input.Monthly;
        rules.Quarterly = input.Quarterly;
        rules.AnnualUnitDueMonth = annualUnit!.Value.Month;
        rules.AnnualUnitDueDay = annualUnit.Value.Day;
        rules.AnnualCompileDueMonth = annualCompile!.Value.Month;
        rules.AnnualCompileDueDay = annualCompile.Value.Day;
        rules.RequireHeadApproval = input.RequireHeadApproval;
        rules.RemindDaysBefore = input.RemindDaysBefore;
        rules.EscalateDaysAfter = input.EscalateDaysAfter;
        rules.Version = Guid.NewGuid();

        // Lay out again the periods that have not opened yet; the others keep the dates units reported against.
        var periods = await db.Periods.Where(p => p.PlanId == plan.Id && p.Kind != PeriodKinds.AdHoc).ToListAsync(ct);
        var laidOut = PeriodCalendar.Build(rules, plan.Year);
        foreach (var scheduled in periods.Where(p => p.State == PeriodStates.Scheduled)) db.Periods.Remove(scheduled);
        var kept = periods.Where(p => p.State != PeriodStates.Scheduled).Select(p => (p.Kind, p.Number)).ToHashSet();
        db.Periods.AddRange(laidOut.Where(p => !kept.Contains((p.Kind, p.Number))));
        return await SaveAsync(db, ct);
    }

    /// <summary>Opens a scheduled period now, ahead of its opening day.</summary>
    public static async Task<Result> OpenNowAsync(RoViecDbContext db, Guid communeId, Guid periodId, Guid version, DateTime nowUtc, CancellationToken ct)
    {
        var period = await db.Periods.FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return new Result.NotFound();
        if (period.Version != version) return new Result.Conflict("Kỳ báo cáo vừa được thay đổi (có thể đã được mở); hãy tải lại trang.");
        if (period.State != PeriodStates.Scheduled) return new Result.Conflict("Kỳ báo cáo này đã mở hoặc đã đóng.");
        if (!await IsActivePlanAsync(db, period.PlanId, ct)) return new Result.Conflict("Kế hoạch của kỳ này không còn hiệu lực.");
        try
        {
            await OpenPeriod.OpenAsync(db, period, nowUtc, ct);
        }
        catch (DbUpdateException)
        {
            return new Result.Conflict("Kỳ báo cáo vừa được mở ở nơi khác; hãy tải lại trang.");
        }
        return new Result.Done(period.Id);
    }

    public sealed record AdHocInput(string? Title, string? Request, string? UnitDue, string? CompileDue, IReadOnlyList<Guid> UnitIds);

    /// <summary>Asks some units (or every unit with work) for an ad-hoc report, opened at once.</summary>
    public static async Task<Result> CreateAdHocAsync(RoViecDbContext db, Guid communeId, Guid planId, AdHocInput input, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatuses.Active, ct);
        if (plan is null) return new Result.NotFound();
        var today = RoViec.Domain.Text.VietnamTime.FromUtc(nowUtc);
        var errors = new Dictionary<string, string>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) errors["Title"] = "Hãy nhập tên yêu cầu báo cáo đột xuất.";
        else if (title.Length > 300) errors["Title"] = "Tên yêu cầu dài quá 300 ký tự.";
        if ((input.Request ?? "").Length > 4000) errors["Request"] = "Nội dung yêu cầu dài quá 4000 ký tự.";
        var todayDay = DateOnly.FromDateTime(today);
        if (!DayText.TryParse(input.UnitDue, out var unitDue)) errors["UnitDue"] = "Hạn của đơn vị phải là ngày dạng dd/mm/yyyy, ví dụ 05/12/2026.";
        else if (unitDue < todayDay) errors["UnitDue"] = "Hạn của đơn vị không được trước hôm nay.";
        var compileDue = unitDue;
        if (!string.IsNullOrWhiteSpace(input.CompileDue))
        {
            if (!DayText.TryParse(input.CompileDue, out compileDue)) errors["CompileDue"] = "Hạn tổng hợp phải là ngày dạng dd/mm/yyyy.";
            else if (compileDue < unitDue) errors["CompileDue"] = "Hạn tổng hợp không được trước hạn của đơn vị.";
        }
        var units = input.UnitIds.Distinct().ToList();
        if (units.Count > 0)
        {
            var known = await db.Units.Where(u => units.Contains(u.Id)).ToListAsync(ct);
            if (known.Count != units.Count || known.Any(u => !CommuneCatalog.IsAssignable(u)))
                errors["UnitIds"] = "Có đơn vị được chọn không thuộc xã hoặc đã ngừng hoạt động.";
        }
        if (errors.Count > 0) return new Result.Invalid(errors);

        var period = new ReportingPeriod
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            PlanId = planId,
            Kind = PeriodKinds.AdHoc,
            Year = plan.Year,
            Label = title,
            Request = string.IsNullOrWhiteSpace(input.Request) ? null : input.Request.Trim(),
            StartsOn = new DateOnly(plan.Year, 1, 1),
            EndsOn = todayDay,
            OpensOn = todayDay,
            UnitDueOn = unitDue,
            CompileDueOn = compileDue,
            UnitIds = string.Join('|', units),
            Version = Guid.NewGuid(),
        };
        db.Periods.Add(period);
        // One save: the request and its units' reports appear together or not at all.
        await OpenPeriod.OpenAsync(db, period, nowUtc, ct);
        return new Result.Done(period.Id);
    }

    /// <summary>Gives one unit a later due day in a period; the reason is required and kept.</summary>
    public static async Task<Result> ExtendAsync(RoViecDbContext db, Guid communeId, Guid periodId, Guid unitId, string? dueText, string? reason, string? grantedBy, DateTime nowUtc, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return new Result.NotFound();
        var errors = new Dictionary<string, string>();
        if (!await db.Reports.AnyAsync(r => r.PeriodId == periodId && r.UnitId == unitId, ct))
            errors["UnitId"] = "Đơn vị này không phải báo cáo trong kỳ.";
        if (!DayText.TryParse(dueText, out var due)) errors["DueOn"] = "Hạn mới phải là ngày dạng dd/mm/yyyy, ví dụ 25/12/2026.";
        else if (due <= period.UnitDueOn) errors["DueOn"] = $"Hạn mới phải sau hạn chung của kỳ ({DayText.Show(period.UnitDueOn)}).";
        var why = (reason ?? "").Trim();
        if (why.Length == 0) errors["Reason"] = "Hãy ghi lý do gia hạn; lý do được lưu lại cùng quyết định.";
        else if (why.Length > 2000) errors["Reason"] = "Lý do dài quá 2000 ký tự.";
        if (errors.Count > 0) return new Result.Invalid(errors);
        db.PeriodExtensions.Add(new PeriodExtension
        {
            Id = Guid.NewGuid(),
            CommuneId = communeId,
            PeriodId = periodId,
            UnitId = unitId,
            DueOn = due,
            Reason = why,
            GrantedBy = grantedBy,
            GrantedAtUtc = nowUtc,
        });
        await db.SaveChangesAsync(ct);
        return new Result.Done(periodId);
    }

    private static async Task<bool> IsActivePlanAsync(RoViecDbContext db, Guid planId, CancellationToken ct) =>
        await db.Plans.AnyAsync(p => p.Id == planId && p.Status == PlanStatuses.Active, ct);

    private static async Task<Result> SaveAsync(RoViecDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new Result.Done();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result.Conflict("Dữ liệu vừa được người khác thay đổi; hãy tải lại trang.");
        }
    }

    /// <summary>"15/11" as a day of the plan's year.</summary>
    private static DateOnly? MonthDay(string? text, int year)
    {
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var day) || !int.TryParse(parts[1], out var month)) return null;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }
}
