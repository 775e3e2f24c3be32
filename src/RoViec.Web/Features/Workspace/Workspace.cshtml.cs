using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.SixRo;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Outcomes;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Features.Workspace;

/// <summary>
/// The plan workspace: the plan in force with search that ignores diacritics ("chu ky so" finds
/// "chữ ký số"), filters (unit, section, deadline kind and window, "6 rõ" defect, key tasks) and,
/// for the standing office, bulk assignment of a lead unit.
/// </summary>
public sealed class WorkspaceModel(RoViecDbContext db, CurrentUser currentUser, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, TimeProvider clock) : PageModel
{
    public sealed record TaskLine(PlanTaskRow Task, string? Due, IReadOnlyList<SixRoDefect> Defects);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "nhom")] public string? Section { get; set; }
    [BindProperty(SupportsGet = true, Name = "thoi-han")] public string? DeadlineKind { get; set; }
    /// <summary>Deadline window as the officer types it, dd/MM/yyyy (yyyy-MM-dd accepted too).</summary>
    [BindProperty(SupportsGet = true, Name = "han-tu")] public string? DueFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "han-den")] public string? DueTo { get; set; }
    [BindProperty(SupportsGet = true, Name = "loi")] public string? Defect { get; set; }
    [BindProperty(SupportsGet = true, Name = "trong-tam")] public bool PriorityOnly { get; set; }

    public Plan? Plan { get; private set; }
    public string CommuneName { get; private set; } = "";
    public IReadOnlyList<TaskLine> Tasks { get; private set; } = [];
    public int TotalTasks { get; private set; }
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];
    public IReadOnlyList<string> Sections { get; private set; } = [];
    public int IndicatorCount { get; private set; }
    public bool CanAssign { get; private set; }

    /// <summary>What the reader has to do now (reports to send, approve or verify).</summary>
    public IReadOnlyList<ToDoItem> ToDoItems { get; private set; } = [];

    /// <summary>Whether the reader may import a plan (the import link is offered to them only).</summary>
    public bool ManagesPlans { get; private set; }
    /// <summary>For a province user: the province's communes to choose from, and the one shown.</summary>
    public IReadOnlyList<Commune> Communes { get; private set; } = [];
    public Guid? CommuneId { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public static readonly IReadOnlyList<(string Kind, string Label)> DeadlineKinds =
    [
        ("Date", "Ngày cụ thể"), ("Month", "Tháng"), ("Quarter", "Quý"), ("Year", "Năm"), ("Recurring", "Thường xuyên"),
        ("External", "Theo cấp trên"), ("Done", "Đã thực hiện"), ("Milestones", "Nhiều mốc"), ("None", "Chưa có thời hạn"),
    ];

    public static readonly IReadOnlyList<SixRoCriterion> Criteria = Enum.GetValues<SixRoCriterion>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // An account without a role yet has no plan to see: its landing page is its own account.
        if (await currentUser.ScopeAsync(User, ct) is not { HasAnyRole: true }) return Redirect("/tai-khoan");
        if (TempData["Assigned"] is string assigned) Message = assigned;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Bulk assignment: the chosen tasks ("id:version") get the chosen lead unit, all or none.</summary>
    public async Task<IActionResult> OnPostAssignAsync([FromForm(Name = "chon")] string[]? selected, [FromForm(Name = "giao-cho")] Guid? unitId, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(User, ct);
        if (scope is not { ManagesPlans: true, CommuneId: { } communeId }) return this.Refuse(Refusal.Forbidden);
        var tasks = new List<(Guid, Guid)>();
        foreach (var value in selected ?? [])
        {
            var parts = value.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || !Guid.TryParse(parts[1], out var version))
                return await FailAsync(Refusal.BadRequest, L["Danh sách nhiệm vụ gửi lên không hợp lệ."], ct);
            tasks.Add((id, version));
        }
        switch (await AssignLead.RunAsync(db, communeId, tasks, unitId, ct))
        {
            case AssignLead.Result.Assigned done:
                TempData["Assigned"] = L["Đã giao đơn vị chủ trì cho {0} nhiệm vụ.", done.Count].Value;
                // Back to the same filtered list (without the handler), so the officer sees the result in place.
                return Redirect(Request.Path + Microsoft.AspNetCore.Http.QueryString.Create(Request.Query.Where(q => q.Key != "handler")).ToUriComponent());
            case AssignLead.Result.Invalid invalid:
                return await FailAsync(invalid.Refusal, invalid.Message, ct);
            case AssignLead.Result.Conflict conflict:
                return await FailAsync(conflict.Refusal,
                    L["Chưa giao: nhiệm vụ sau vừa được người khác sửa, hãy xem lại rồi giao lại: {0}.", string.Join("; ", conflict.ChangedTasks)], ct);
            default:
                throw new InvalidOperationException("unknown result");
        }
    }

    /// <summary>A date of the filter; one that cannot be read is ignored and the officer told so.</summary>
    private DateOnly? ParseDate(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Features.Periods.DayText.TryParse(text, out var date)) return date;
        Error = L["{0}: \"{1}\" không phải ngày hợp lệ, hãy nhập theo dạng dd/mm/yyyy (ví dụ 30/06/2026).", label, text];
        return null;
    }

    private async Task<IActionResult> FailAsync(Refusal refusal, string error, CancellationToken ct)
    {
        Error = error;
        await LoadAsync(ct);
        return this.Refuse(refusal);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var communeId = await currentUser.CommuneIdAsync(HttpContext, ct);
        CommuneId = communeId;
        var scope = await currentUser.ScopeAsync(User, ct);
        ManagesPlans = scope is { ManagesPlans: true };
        if (scope is { IsProvinceLevel: true, ProvinceId: { } provinceId })
            Communes = await PlanQueries.CommunesOfAsync(db, provinceId, ct);
        Plan = await PlanQueries.ActivePlanAsync(db, communeId, ct);
        if (Plan is null) return;
        CanAssign = scope is { ManagesPlans: true } && scope.CommuneId == Plan.CommuneId;
        CommuneName = await PlanQueries.CommuneNameAsync(db, Plan.CommuneId, ct) ?? "";
        ToDoItems = await ToDo.ForAsync(db, scope, Plan.CommuneId, Plan.Id, Reports.ReportValues.Day(clock.GetUtcNow().UtcDateTime), ct);
        var units = await PlanQueries.UnitsAsync(db, Plan.CommuneId, ct);
        var visible = await currentUser.VisibleTasksAsync(HttpContext, ct);
        var rows = await visible.AsNoTracking().Where(t => t.PlanId == Plan.Id).OrderBy(t => t.Order).ToListAsync(ct);
        TotalTasks = rows.Count;
        var leads = rows.Where(r => r.LeadUnitId is not null).Select(r => r.LeadUnitId!.Value).ToHashSet();
        Units = [.. units.Values.Where(u => u.Active || leads.Contains(u.Id)).OrderBy(u => u.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false))];
        Sections = [.. rows.Select(r => r.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        var from = ParseDate(DueFrom, L["Hạn từ"]);
        var to = ParseDate(DueTo, L["Hạn đến"]);
        var filter = new TaskFilter
        {
            Query = Query,
            Unit = Unit,
            Section = Section,
            DeadlineKind = DeadlineKind,
            DueFrom = from,
            DueTo = to,
            Defect = Defect,
            PriorityOnly = PriorityOnly,
        };
        Tasks = [.. filter.Apply(rows, units).Select(x => new TaskLine(x.Task, x.Task.DeadlineDue?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), x.Defects))];
        IndicatorCount = await PlanQueries.IndicatorCountAsync(db, Plan.Id, ct);
    }
}
