using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Deadlines;
using RoViec.Web.Features.Access;

namespace RoViec.Web.Pages.Tasks;

/// <summary>
/// Correct a task's fields. The version read with the form travels back with it: if someone else
/// saved in between, nothing is overwritten — the officer sees both versions and decides (409).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.ManagePlans)]
public sealed class EditModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "Nội dung nhiệm vụ không được để trống."), StringLength(4000, ErrorMessage = "Nội dung quá dài (tối đa 4.000 ký tự).")]
        public string Name { get; set; } = "";

        [StringLength(500, ErrorMessage = "Tên đơn vị quá dài.")]
        public string? Lead { get; set; }

        [StringLength(1000, ErrorMessage = "Đơn vị phối hợp quá dài.")]
        public string? Support { get; set; }

        [StringLength(2000, ErrorMessage = "Sản phẩm quá dài.")]
        public string? Output { get; set; }

        [StringLength(500, ErrorMessage = "Thời hạn quá dài.")]
        public string? Deadline { get; set; }

        public Guid Version { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public PlanTaskRow? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return NotFound();
        if (await Refuse(task, ct) is { } refused) return refused;
        Input = new Form { Name = task.Name, Lead = task.LeadAsWritten, Support = task.SupportAsWritten, Output = task.Output, Deadline = task.DeadlineRaw, Version = task.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return NotFound();
        if (await Refuse(task, ct) is { } refused) return refused;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var year = await db.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Year).FirstAsync(ct);
        // The version the officer edited, not the one just read: a save in between is a conflict.
        db.Entry(task).Property(t => t.Version).OriginalValue = Input.Version;
        task.Name = Input.Name.Trim();
        task.LeadAsWritten = Input.Lead?.Trim() ?? "";
        task.SupportAsWritten = Input.Support?.Trim() ?? "";
        task.Output = string.IsNullOrWhiteSpace(Input.Output) ? null : Input.Output.Trim();
        task.DeadlineRaw = string.IsNullOrWhiteSpace(Input.Deadline) ? null : Input.Deadline.Trim();
        var deadline = DeadlineParser.Parse(task.DeadlineRaw, year);
        task.DeadlineKind = deadline.Kind.ToString();
        task.DeadlineDue = deadline.FinalDue;
        task.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Theirs = await db.Tasks.AsNoTracking().FirstAsync(t => t.Id == id, ct);
            Input.Version = Theirs.Version;
            ModelState.Clear();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Redirect($"/nhiem-vu/{id}");
    }

    /// <summary>Another commune's task does not exist for this user (404); one they may only read is refused (403).</summary>
    private async Task<IActionResult?> Refuse(PlanTaskRow task, CancellationToken ct) =>
        await currentUser.AccessAsync(HttpContext, task.CommuneId, task.LeadUnitId, ct) switch
        {
            ResourceAccess.None => NotFound(),
            ResourceAccess.Write => null,
            _ => StatusCode(StatusCodes.Status403Forbidden),
        };
}
