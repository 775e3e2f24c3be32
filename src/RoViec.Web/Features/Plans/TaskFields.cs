using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Domain.Tasks;

namespace RoViec.Web.Features.Plans;

/// <summary>
/// What an officer sends to correct a task: every field as it should read, and the version they
/// read before editing. Shared by the review screen, the task page and <c>PUT /api/tasks/{id}</c>.
/// </summary>
public sealed record TaskCorrection(
    string? Name,
    string? Lead,
    string? Support,
    string? Directing,
    string? Output,
    string? Deadline,
    string? UpstreamSource,
    string? DecisionAuthority,
    bool Priority,
    Guid Version);

/// <summary>
/// The one rule set for correcting a task's fields, whether the task is a draft under review or
/// in a confirmed plan: every field checked with a Vietnamese message; the deadline read again for
/// the plan's year (new wording that names no period is refused with examples); a lead named anew
/// resolved against the commune's units, so unit scope follows it; a changed field loses its span.
/// </summary>
public static class TaskFields
{
    /// <summary>
    /// Checks the correction and, when it is valid, applies it to the tracked row (nothing is saved
    /// here). Returns the errors by field name (PascalCase, as <see cref="TaskCorrection"/>), empty
    /// when applied, and whether anything changed.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, string> Errors, bool Changed)> ApplyAsync(
        RoViecDbContext db, PlanTaskRow task, int year, TaskCorrection input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Text(input.Name);
        if (name is null) errors[nameof(TaskCorrection.Name)] = "Nội dung nhiệm vụ không được để trống.";
        else if (name.Length > 4000) errors[nameof(TaskCorrection.Name)] = "Nội dung nhiệm vụ quá dài (tối đa 4.000 ký tự).";
        var lead = Units(input.Lead);
        if (lead.Length > 500) errors[nameof(TaskCorrection.Lead)] = "Tên đơn vị chủ trì quá dài (tối đa 500 ký tự).";
        var support = Units(input.Support);
        if (support.Length > 1000) errors[nameof(TaskCorrection.Support)] = "Danh sách đơn vị phối hợp quá dài (tối đa 1.000 ký tự).";
        var directing = Text(input.Directing);
        if (directing?.Length > 500) errors[nameof(TaskCorrection.Directing)] = "Người trực tiếp chỉ đạo quá dài (tối đa 500 ký tự).";
        var output = Text(input.Output);
        if (output?.Length > 2000) errors[nameof(TaskCorrection.Output)] = "Sản phẩm quá dài (tối đa 2.000 ký tự).";
        var deadlineRaw = Text(input.Deadline);
        var deadline = DeadlineParser.Parse(deadlineRaw, year);
        if (deadlineRaw?.Length > 500) errors[nameof(TaskCorrection.Deadline)] = "Thời hạn quá dài (tối đa 500 ký tự).";
        else if (deadlineRaw is not null && deadlineRaw != Text(task.DeadlineRaw) && deadline.Kind == DeadlineKind.None)
            errors[nameof(TaskCorrection.Deadline)] = $"Không đọc được thời hạn “{deadlineRaw}”. Hãy ghi như: 30/6/{year}, Tháng 12/{year}, Quý II/{year}, Thường xuyên.";
        var upstream = Text(input.UpstreamSource);
        if (upstream?.Length > 1000) errors[nameof(TaskCorrection.UpstreamSource)] = "Nguồn cấp trên quá dài (tối đa 1.000 ký tự).";
        var authority = Text(input.DecisionAuthority);
        if (authority?.Length > 1000) errors[nameof(TaskCorrection.DecisionAuthority)] = "Thẩm quyền quyết định quá dài (tối đa 1.000 ký tự).";
        if (errors.Count > 0) return (errors, false);

        var changed = new List<TaskField>();
        if (name != task.Name.Trim())
        {
            task.Name = name!;
            changed.Add(TaskField.Name);
        }
        if (lead != Units(task.LeadAsWritten))
        {
            var units = await CommuneUnits.LoadAsync(db, task.CommuneId, ct);
            task.LeadAsWritten = lead;
            var names = CommuneCatalog.Names(lead);
            // A draft never adds a unit (its unknown names wait for the mapping screen); a plan in force resolves as before.
            var draft = await db.Plans.Where(p => p.Id == task.PlanId && p.Status == PlanStatuses.Draft).Select(p => new { p.UnitChoices }).FirstOrDefaultAsync(ct);
            task.LeadUnitId = names.Count == 0 ? null
                : draft is not null ? DraftUnits.DraftUnit(names[0], units, DraftUnits.ByKey(DraftUnits.Read(draft.UnitChoices)))
                : units.Resolve(names[0])?.Id;
            changed.Add(TaskField.Lead);
        }
        if (support != Units(task.SupportAsWritten))
        {
            task.SupportAsWritten = support;
            changed.Add(TaskField.Support);
        }
        if (directing != Text(task.Directing))
        {
            task.Directing = directing;
            changed.Add(TaskField.Directing);
        }
        if (output != Text(task.Output))
        {
            task.Output = output;
            changed.Add(TaskField.Output);
        }
        if (deadlineRaw != Text(task.DeadlineRaw))
        {
            task.DeadlineRaw = deadlineRaw;
            task.DeadlineKind = deadline.Kind.ToString();
            task.DeadlineDue = deadline.FinalDue;
            // The standing office retyped the plan's deadline: that is the task's deadline now, and an earlier approved
            // change no longer stands (the change and the requests stay in the history).
            task.OriginalDeadlineDue = null;
            changed.Add(TaskField.Deadline);
        }
        if (upstream != Text(task.UpstreamSource))
        {
            task.UpstreamSource = upstream;
            changed.Add(TaskField.UpstreamSource);
        }
        var other = false;
        if (authority != Text(task.DecisionAuthority))
        {
            task.DecisionAuthority = authority;
            other = true;
        }
        if (input.Priority != task.Priority)
        {
            task.Priority = input.Priority;
            other = true;
        }
        if (changed.Count == 0 && !other) return (errors, false);
        task.Spans = TaskSpans.Without(task.Spans, [.. changed]);
        task.Version = Guid.NewGuid();
        return (errors, true);
    }

    /// <summary>Trimmed text, or null when nothing is left.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A list of unit names written with ";" between them, as the importer stores it.</summary>
    public static string Units(string? value) => string.Join("; ", CommuneCatalog.Names(value));
}
