using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;
using RoViec.Web.Features.Plans;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.History;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Organisation;

/// <summary>Adds a steering member or changes one (position, fields, units, account), removes them; with the member's history.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class SteeringMemberModel(RoViecDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "Hãy nhập họ và tên."), StringLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
        public string FullName { get; set; } = "";

        [StringLength(300, ErrorMessage = "Chức vụ tối đa 300 ký tự.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Hãy chọn vị trí trong Ban Chỉ đạo.")]
        public string Position { get; set; } = SteeringPositions.Member;

        [StringLength(2000, ErrorMessage = "Các lĩnh vực tối đa 2.000 ký tự.")]
        public string? Fields { get; set; }

        public List<Guid> UnitIds { get; set; } = [];

        public Guid? UserId { get; set; }

        [Range(0, 999, ErrorMessage = "Thứ tự là một số từ 0 đến 999.")]
        public int Order { get; set; }

        public Guid Version { get; set; }

        public SteeringMemberInput ToInput() => new(
            VietnameseText.Squash(FullName), Title, Position, SteeringCommittee.ParseFields(Fields), [.. UnitIds.Distinct()], UserId, Order);
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public Guid? MemberId { get; private set; }
    public Guid CommuneId { get; private set; }
    public string CommuneName { get; private set; } = "";
    public string CommuneQuery { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name, bool Active)> Units { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> Accounts { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public SteeringMember? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var member = await LoadAsync(id, ct);
        if (member is null && id is not null) return NotFound();
        if (CommuneId == Guid.Empty) return NotFound();
        if (member is not null) Fill(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var member = await LoadAsync(id, ct);
        if ((member is null && id is not null) || CommuneId == Guid.Empty) return NotFound();
        if (!ModelState.IsValid) return this.Refuse(Refusal.BadRequest);
        MemberOutcome outcome;
        if (member is null)
        {
            outcome = await SaveSteeringMember.AddAsync(db, CommuneId, Input.ToInput(), ct);
        }
        else
        {
            var tracked = await SteeringCommittee.TrackedAsync(db, member.Id, ct);
            outcome = await SaveSteeringMember.UpdateAsync(db, tracked, Input.ToInput(), Input.Version, ct);
        }
        return await AnswerAsync(outcome, id, "/to-chuc/ban-chi-dao" + (CommuneQuery.Length > 0 ? "?" + CommuneQuery : ""), ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid version, CancellationToken ct)
    {
        var member = await LoadAsync(id, ct);
        if (member is null) return NotFound();
        ModelState.Clear();
        Fill(member);
        var tracked = await SteeringCommittee.TrackedAsync(db, id, ct);
        var back = "/to-chuc/ban-chi-dao" + (CommuneQuery.Length > 0 ? "?" + CommuneQuery : "");
        return await AnswerAsync(await SaveSteeringMember.RemoveAsync(db, tracked, version, ct), id, back, ct);
    }

    private async Task<IActionResult> AnswerAsync(MemberOutcome outcome, Guid? id, string back, CancellationToken ct)
    {
        switch (outcome)
        {
            case MemberOutcome.Saved:
                return Redirect(back);
            case MemberOutcome.Conflict conflict:
                Theirs = conflict.Theirs;
                await LoadAsync(id, ct);
                Input.Version = conflict.Theirs.Version;
                ModelState.Clear();
                return this.Refuse(conflict.Refusal);
            case MemberOutcome.Refused { Error.Refusal: Refusal.NotFound } gone:
                return this.Refuse(gone.Error.Refusal);
            case MemberOutcome.Refused refused:
                ModelState.AddModelError(refused.Error.Field.Length == 0 ? "" : nameof(Input) + "." + refused.Error.Field, refused.Error.Message);
                await LoadAsync(id, ct);
                return this.Refuse(refused.Error.Refusal);
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }

    private void Fill(SteeringMember m)
    {
        Input = new Form
        {
            FullName = m.FullName,
            Title = m.Title,
            Position = m.Position,
            Fields = string.Join('\n', SteeringCommittee.SplitStored(m.Fields)),
            UnitIds = [.. m.Units.Select(u => u.UnitId)],
            UserId = m.UserId,
            Order = m.Order,
            Version = m.Version,
        };
    }

    /// <summary>The member (null for a new one) and the page's lists; CommuneId stays empty when the commune is not this administrator's.</summary>
    private async Task<SteeringMember?> LoadAsync(Guid? id, CancellationToken ct)
    {
        UnitQueries.Forget(db);
        SteeringMember? member = null;
        if (id is { } memberId)
        {
            member = await SteeringCommittee.FindAsync(db, memberId, ct);
            if (member is null || !await AdminScope.ManagesCommuneAsync(db, await currentUser.ScopeAsync(User, ct), member.CommuneId, ct)) return null;
            CommuneId = member.CommuneId;
            MemberId = member.Id;
        }
        else if (await AdminScope.SelectedAsync(db, await currentUser.ScopeAsync(User, ct), Request.Query[AdminScope.CommuneQuery], ct) is { } selected)
        {
            CommuneId = selected.Id;
        }
        if (CommuneId == Guid.Empty) return null;
        CommuneName = await PlanQueries.CommuneNameAsync(db, CommuneId, ct) ?? "";
        CommuneQuery = (await AdminScope.CommunesAsync(db, await currentUser.ScopeAsync(User, ct), ct)).Count > 1 ? "xa=" + CommuneId : "";
        var linked = member?.Units.Select(u => u.UnitId).ToHashSet() ?? [];
        Units = [.. OrganisationTree.Flatten(await OrganisationTree.LoadAsync(db, CommuneId, ct))
            .Where(n => (n.Node.Unit.Active && n.Node.Unit.Kind != nameof(RoViec.Domain.Units.UnitKind.Group)) || linked.Contains(n.Node.Unit.Id))
            .Select(n => (n.Node.Unit.Id, n.Node.Unit.Name, n.Node.Unit.Active))];
        Accounts = await SteeringCommittee.AccountsAsync(db, CommuneId, ct);
        if (member is not null)
        {
            History = await SteeringHistory.OfMemberAsync(db, CommuneId, member.Id, ct);
        }
        return member;
    }
}
