using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Text;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.ApiTokens;
using RoViec.Web.Features.Plans;

using RoViec.Web.Shared.Api;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Tasks;

/// <summary>
/// A task of a plan. <c>Lead</c>, <c>Support</c> and <c>Deadline</c> are as the plan writes them; <c>DeadlineDue</c> is the
/// date read from the deadline, or the one the standing office approved moving it to, and then <c>OriginalDeadlineDue</c> is
/// the plan's own (null when the deadline was never moved).
/// </summary>
public sealed record TaskDto(
    Guid Id,
    Guid PlanId,
    int Order,
    string? Code,
    string Name,
    string Section,
    Guid? LeadUnitId,
    string Lead,
    string Support,
    string? Directing,
    string? Output,
    string? Deadline,
    string DeadlineKind,
    DateOnly? DeadlineDue,
    DateOnly? OriginalDeadlineDue,
    string? UpstreamSource,
    string? DecisionAuthority,
    bool Priority,
    Guid Version)
{
    public static TaskDto From(PlanTaskRow t) => new(t.Id, t.PlanId, t.Order, t.Code, t.Name, t.Section, t.LeadUnitId, t.LeadAsWritten,
        t.SupportAsWritten, t.Directing, t.Output, t.DeadlineRaw, t.DeadlineKind, t.DeadlineDue, t.OriginalDeadlineDue, t.UpstreamSource, t.DecisionAuthority,
        t.Priority, t.Version);
}

/// <summary>The tasks of the commune's plan in force that the caller may see.</summary>
public sealed record TaskListDto(Guid PlanId, int Count, IReadOnlyList<TaskDto> Items);

/// <summary>
/// A correction of a task (PUT replaces these fields; a field left out or null is cleared, except
/// <c>Name</c>, which is required). <c>Version</c> is the one read with the task.
/// </summary>
public sealed record TaskCorrectionBody(
    string? Name, string? Lead, string? Support, string? Output, string? Deadline, Guid? Version,
    string? Directing = null, string? UpstreamSource = null, string? DecisionAuthority = null, bool? Priority = null);

/// <summary>GET /api/tasks, GET /api/tasks/{id}, PUT /api/tasks/{id}.</summary>
internal static class TasksApi
{
    private static readonly string DeadlineKinds = string.Join(", ",
        "None (chưa có thời hạn)", "Date (ngày cụ thể)", "Month (tháng)", "Quarter (quý)", "Year (năm)", "Recurring (thường xuyên)",
        "External (theo kế hoạch cấp trên)", "Done (đã thực hiện)", "Milestones (nhiều mốc)");

    public static void Map(RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("").WithTags("Nhiệm vụ").RequireAuthorization(Policies.ReadPlans);
        tasks.MapGet("/tasks", ListAsync)
            .WithName("ListTasks")
            .WithSummary("Nhiệm vụ của kế hoạch đang thực hiện")
            .WithDescription("Các nhiệm vụ bạn được xem: cả xã, hoặc chỉ của đơn vị mình nếu bạn là người báo cáo hay trưởng đơn vị. "
                + "`q` tìm không phân biệt dấu (\"chu ky so\" tìm thấy \"chữ ký số\") trong nội dung, sản phẩm và đơn vị chủ trì; "
                + "`unit` là mã đơn vị (từ /api/units) hoặc tên chủ trì như kế hoạch ghi; `deadline` là loại thời hạn: " + DeadlineKinds + ".")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("/tasks/{id:guid}", GetAsync)
            .WithName("GetTask")
            .WithSummary("Một nhiệm vụ")
            .WithDescription("404 nếu nhiệm vụ không có hoặc thuộc xã khác; 403 nếu là nhiệm vụ của đơn vị khác (không trả về nội dung nào của nó).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPut("/tasks/{id:guid}", PutAsync)
            .RequireAuthorization(ApiTokenAuthentication.WritePolicy, Policies.ManagePlans)
            .Accepts<TaskCorrectionBody>("application/json")
            .WithName("CorrectTask")
            .WithSummary("Sửa nhiệm vụ")
            .WithDescription("Thay các trường nội dung, chủ trì, phối hợp, sản phẩm, thời hạn (trường bỏ trống bị xóa, trừ nội dung là bắt buộc); thời hạn được đọc lại. "
                + "Gửi kèm `version` đã đọc: nếu người khác lưu trước, trả về 409 với `currentVersion` và bản đang lưu (`current`), không ghi đè gì. "
                + "Cần mã API và vai trò quản lý kế hoạch (cơ quan thường trực, quản trị).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<TaskListDto>, ValidationProblem, ProblemHttpResult>> ListAsync(
        HttpContext http, CurrentUser currentUser, RoViecDbContext db, CancellationToken ct,
        string? q = null, string? unit = null, string? deadline = null, [FromQuery(Name = "xa")] Guid? commune = null)
    {
        string? kind = null;
        if (!string.IsNullOrWhiteSpace(deadline))
        {
            kind = Enum.GetNames<DeadlineKind>().FirstOrDefault(n => string.Equals(n, deadline.Trim(), StringComparison.OrdinalIgnoreCase));
            if (kind is null) return ApiProblems.Invalid("deadline", $"Loại thời hạn \"{deadline}\" không hợp lệ. Các giá trị được nhận: {DeadlineKinds}.");
        }
        // "xa" is read by CurrentUser, which checks that a province user's commune is of their province.
        var plan = await Plans.PlanQueries.ActivePlanAsync(db, await currentUser.CommuneIdAsync(http, ct), ct);
        if (plan is null || !await currentUser.CanReadCommuneAsync(http.User, plan.CommuneId, ct))
            return ApiProblems.Refused(Refusal.NotFound, "Xã chưa có kế hoạch đang thực hiện.");
        var visible = await currentUser.VisibleTasksAsync(http, ct);
        var rows = visible.AsNoTracking().Where(t => t.PlanId == plan.Id);
        if (kind is not null) rows = rows.Where(t => t.DeadlineKind == kind);
        var unitId = Guid.TryParse(unit, out var parsed) ? parsed : (Guid?)null;
        if (unitId is not null) rows = rows.Where(t => t.LeadUnitId == unitId);
        var list = await rows.OrderBy(t => t.Order).ToListAsync(ct);
        var query = VietnameseText.Fold(q);
        var lead = unitId is null ? VietnameseText.Fold(unit) : "";
        var items = list
            .Where(t => query.Length == 0 || VietnameseText.Fold(t.Name + " " + t.Output + " " + t.LeadAsWritten).Contains(query, StringComparison.Ordinal))
            .Where(t => lead.Length == 0 || VietnameseText.Fold(t.LeadAsWritten) == lead)
            .Select(TaskDto.From)
            .ToList();
        return TypedResults.Ok(new TaskListDto(plan.Id, items.Count, items));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CurrentUser currentUser, RoViecDbContext db, CancellationToken ct)
    {
        var found = await db.Tasks.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { Task = t, Draft = db.Plans.Any(p => p.Id == t.PlanId && p.Status == PlanStatuses.Draft) })
            .FirstOrDefaultAsync(ct);
        var task = found?.Task;
        var access = task is null ? ResourceAccess.None : await currentUser.AccessAsync(http, task.CommuneId, task.LeadUnitId, ct);
        return access switch
        {
            ResourceAccess.None => NotFound(),
            // A draft under review is the plan managers' business until it is confirmed.
            not ResourceAccess.Write when found!.Draft => NotFound(),
            ResourceAccess.Forbidden => Forbidden(),
            _ => TypedResults.Ok(TaskDto.From(task!)),
        };
    }

    private static async Task<Results<Ok<TaskDto>, ValidationProblem, ProblemHttpResult>> PutAsync(
        Guid id, HttpContext http, RoViecDbContext db, CurrentUser currentUser, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            return ApiProblems.Refused(Refusal.UnsupportedType, "Hãy gửi nội dung JSON (Content-Type: application/json) với các trường name, lead, support, output, deadline, version.");
        // Read here rather than bound, so a wrong value gets a Vietnamese message on its own field.
        TaskCorrectionBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<TaskCorrectionBody>(ct);
        }
        catch (JsonException e)
        {
            // A value of the wrong type names its field; broken JSON does not.
            var wrongType = e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
            var field = wrongType && e.Path is ['$', '.', .. var name] && name.Length > 0 && !name.Contains('.', StringComparison.Ordinal) ? name : null;
            return field is null
                ? ApiProblems.Invalid("body", "Nội dung JSON không đọc được. Hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.")
                : ApiProblems.Invalid(field, field == "version"
                    ? "Phiên bản (version) phải là mã GUID đã đọc cùng nhiệm vụ, ví dụ \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"."
                    : $"Giá trị của \"{field}\" không đúng kiểu: phải là một chuỗi ký tự.");
        }
        if (body is null) return ApiProblems.Invalid("body", "Thiếu nội dung JSON của nhiệm vụ (name, lead, support, output, deadline, version).");
        // name, lead, support, output, deadline read as sent (empty clears); the later fields, when omitted, stay as they are.
        var result = await CorrectTask.RunAsync(db, await currentUser.ScopeAsync(http.User, ct), id, row => new TaskCorrection(body.Name, body.Lead, body.Support,
            body.Directing ?? row.Directing, body.Output, body.Deadline, body.UpstreamSource ?? row.UpstreamSource,
            body.DecisionAuthority ?? row.DecisionAuthority, body.Priority ?? row.Priority, body.Version ?? Guid.Empty), ct);
        return result switch
        {
            CorrectTaskResult.Saved saved => TypedResults.Ok(TaskDto.From(saved.Task)),
            CorrectTaskResult.Invalid invalid => ApiProblems.Invalid(invalid.Errors.ToDictionary()),
            CorrectTaskResult.Conflict conflict => ApiProblems.Refused(conflict,
                new Dictionary<string, object?> { ["currentVersion"] = conflict.Current.Version, ["current"] = TaskDto.From(conflict.Current) }),
            IRefused refused => ApiProblems.Refused(refused),
            _ => throw new InvalidOperationException("unknown outcome"),
        };
    }

    private static ProblemHttpResult NotFound() => ApiProblems.Refused(new CorrectTaskResult.NotFound());

    private static ProblemHttpResult Forbidden() => ApiProblems.Refused(new CorrectTaskResult.Forbidden());
}
