using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Access;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Proposals;

/// <summary>One line of the unit's form as sent: an existing item (its id) or a new one, or an existing one to remove.</summary>
public sealed record ItemInput(Guid? Id, string? Kind, string? Name, string? Output, string? Target, string? Deadline, string? Budget, string? Note, bool Remove = false);

/// <summary>
/// A unit's reporter writes its proposal for next year and sends it: every line of the form checked in one go, the
/// messages line by line; nothing is saved unless all are right. Lines not sent are left as they are; a new line left
/// blank is ignored. Once submitted the proposal is the standing office's until it is returned.
/// </summary>
public static partial class EditProposal
{
    public const int MaxName = 2000;
    public const int MaxOutput = 2000;
    public const int MaxTarget = 200;
    public const int MaxDeadline = 200;
    public const int MaxNote = 2000;
    public const decimal MaxBudget = 1_000_000_000_000_000m;

    public const string NotOwnUnit = "Chỉ cán bộ báo cáo của đơn vị mới soạn và gửi đề xuất năm sau của đơn vị mình.";

    /// <summary>Whether the caller writes this unit's proposal: its reporter.</summary>
    public static bool MayEdit(UserScope? caller, Guid unitId) => caller is { ReportsForUnit: true } && caller.UnitId == unitId;

    public static async Task<ProposalOutcome> RunAsync(RoViecDbContext db, UserScope? caller, Guid unitId, IReadOnlyList<ItemInput> rows, Guid version, bool submit, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || caller is null || (caller.CommuneId is { } own && own != unit.CommuneId)) return new ProposalOutcome.NotFound();
        if (!MayEdit(caller, unitId)) return new ProposalOutcome.Forbidden(NotOwnUnit);
        var today = DateOnly.FromDateTime(RoViec.Domain.Text.VietnamTime.FromUtc(nowUtc));
        var year = ProposalCalendar.NextYear(today);
        if (today < ProposalCalendar.OpensOn(year))
            return new ProposalOutcome.Conflict(new Sentence("Việc đề xuất cho năm {0} mở từ ngày {1}.", year, DayText.Show(ProposalCalendar.OpensOn(year))));
        var proposal = await db.YearProposals.Include(p => p.Items).FirstOrDefaultAsync(p => p.UnitId == unitId && p.Year == year, ct);
        if (proposal?.State == ProposalStates.Submitted)
            return new ProposalOutcome.Conflict(new Sentence("Đề xuất năm {0} của đơn vị đã gửi ngày {1}; chỉ sửa được khi cơ quan thường trực trả lại.", year, DayText.Show(proposal.SubmittedOn)));
        if (proposal is not null && proposal.Version != version)
            return new ProposalOutcome.Conflict("Đề xuất vừa được lưu ở nơi khác; hãy tải lại trang để xem bản mới nhất rồi sửa lại.");

        var errors = new List<Sentence>();
        var changes = new List<(ProposalItem? Item, ItemInput Row, decimal? Budget)>();
        var removed = new List<ProposalItem>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 1;
            ProposalItem? item = null;
            if (row.Id is { } id)
            {
                item = proposal?.Items.FirstOrDefault(x => x.Id == id);
                if (item is null)
                {
                    if (await db.ProposalItems.AnyAsync(x => x.Id == id, ct)) return new ProposalOutcome.Forbidden(NotOwnUnit);
                    errors.Add(new Sentence("Dòng {0} không còn trong đề xuất; hãy tải lại trang.", line));
                    continue;
                }
                if (row.Remove)
                {
                    removed.Add(item);
                    continue;
                }
            }
            else if (row.Remove || IsBlank(row))
            {
                continue;
            }
            var before = errors.Count;
            var kind = Text(row.Kind) ?? ProposalItemKinds.Task;
            if (!ProposalItemKinds.All.Contains(kind))
                errors.Add(new Sentence("Dòng {0}: loại “{1}” không có; hãy chọn “Nhiệm vụ” hoặc “Chỉ tiêu”.", line, Clip(kind)));
            var name = Text(row.Name);
            if (name is null) errors.Add(new Sentence("Dòng {0}: hãy ghi nội dung nhiệm vụ hoặc tên chỉ tiêu.", line));
            else if (name.Length > MaxName) errors.Add(new Sentence("Dòng {0}: nội dung dài quá {1:#,0} ký tự.", line, MaxName));
            if (Text(row.Output)?.Length > MaxOutput) errors.Add(new Sentence("Dòng {0}: sản phẩm dài quá {1:#,0} ký tự.", line, MaxOutput));
            var target = Text(row.Target);
            if (target?.Length > MaxTarget) errors.Add(new Sentence("Dòng {0}: mức cần đạt dài quá {1:#,0} ký tự.", line, MaxTarget));
            else if (target is null && kind == ProposalItemKinds.Indicator) errors.Add(new Sentence("Dòng {0}: chỉ tiêu cần có mức cần đạt (ví dụ: tối thiểu 90%).", line));
            if (Text(row.Deadline)?.Length > MaxDeadline) errors.Add(new Sentence("Dòng {0}: thời hạn dài quá {1:#,0} ký tự.", line, MaxDeadline));
            if (Text(row.Note)?.Length > MaxNote) errors.Add(new Sentence("Dòng {0}: ghi chú dài quá {1:#,0} ký tự.", line, MaxNote));
            decimal? budget = null;
            var budgetText = Text(row.Budget);
            if (budgetText is not null)
            {
                switch (ReadBudget(budgetText))
                {
                    case null:
                        errors.Add(new Sentence("Dòng {0}: kinh phí “{1}” không phải là một số tiền; hãy ghi số đồng, ví dụ 1.500.000.", line, Clip(budgetText)));
                        break;
                    case < 0:
                        errors.Add(new Sentence("Dòng {0}: kinh phí không được âm.", line));
                        break;
                    case > MaxBudget:
                        errors.Add(new Sentence("Dòng {0}: kinh phí lớn quá mức có thể ghi.", line));
                        break;
                    case var value:
                        budget = value;
                        break;
                }
            }
            if (errors.Count == before) changes.Add((item, row with { Kind = kind }, budget));
        }
        var remaining = (proposal?.Items.Count ?? 0) - removed.Count + changes.Count(c => c.Item is null);
        if (errors.Count == 0 && submit && remaining == 0)
            errors.Add("Đề xuất chưa có nhiệm vụ hoặc chỉ tiêu nào; hãy thêm ít nhất một dòng rồi gửi.");
        if (errors.Count > 0) return new ProposalOutcome.Invalid(errors);

        if (proposal is null)
        {
            proposal = new YearProposal { Id = Guid.NewGuid(), CommuneId = unit.CommuneId, UnitId = unit.Id, Year = year, State = ProposalStates.Draft };
            db.YearProposals.Add(proposal);
        }
        db.ProposalItems.RemoveRange(removed);
        var order = proposal.Items.Where(i => !removed.Contains(i)).Select(i => i.Order).DefaultIfEmpty(0).Max();
        foreach (var (existing, row, budget) in changes)
        {
            var item = existing;
            if (item is null)
            {
                order += 1;
                item = new ProposalItem { Id = Guid.NewGuid(), CommuneId = unit.CommuneId, ProposalId = proposal.Id, Order = order, Kind = row.Kind!, Name = "" };
                db.ProposalItems.Add(item);
            }
            var task = row.Kind == ProposalItemKinds.Task;
            item.Kind = row.Kind!;
            item.Name = Text(row.Name)!;
            item.Output = task ? Text(row.Output) : null;
            item.Deadline = task ? Text(row.Deadline) : null;
            item.Target = task ? null : Text(row.Target);
            item.Budget = budget;
            item.Note = Text(row.Note);
        }
        if (submit)
        {
            proposal.State = ProposalStates.Submitted;
            proposal.SubmittedOn = today;
            proposal.SubmittedAtUtc = nowUtc;
            proposal.SubmittedBy = caller.UserName;
        }
        proposal.UpdatedAtUtc = nowUtc;
        proposal.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Saved meanwhile (the version changed) or a first save of the same unit's proposal arrived at once (the unique index).
            db.ChangeTracker.Clear();
            return new ProposalOutcome.Conflict("Đề xuất vừa được lưu ở nơi khác; hãy tải lại trang để xem bản mới nhất rồi sửa lại.");
        }
        if (!submit) return new ProposalOutcome.Done(new Sentence("Đã lưu bản nháp đề xuất năm {0}.", year));
        await ProposalNotices.SubmittedAsync(db, proposal, unit.Name, nowUtc, ct);
        var commune = await db.Communes.AsNoTracking().FirstAsync(c => c.Id == unit.CommuneId, ct);
        var due = ProposalCalendar.DueOn(commune, year);
        return new ProposalOutcome.Done(ProposalCalendar.IsLate(today, due)
            ? new Sentence("Đã gửi đề xuất năm {0} sau hạn {1}: đề xuất được ghi là nộp muộn.", year, DayText.Show(due))
            : new Sentence("Đã gửi đề xuất năm {0} tới cơ quan thường trực.", year));
    }

    /// <summary>
    /// An amount of đồng as people write it: "1.500.000", "1 500 000", "1500000", with or without "đồng", "đ" or "VND".
    /// Null when it is not an amount (letters, a decimal part, a misplaced separator).
    /// </summary>
    public static decimal? ReadBudget(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = UnitSuffix().Replace(text.Trim(), "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (!Amount().IsMatch(t)) return null;
        var digits = t.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool IsBlank(ItemInput row) =>
        Text(row.Name) is null && Text(row.Output) is null && Text(row.Target) is null && Text(row.Deadline) is null && Text(row.Budget) is null && Text(row.Note) is null;

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Clip(string text) => text.Length > 60 ? text[..57] + "…" : text;

    [GeneratedRegex(@"\s*(đồng|đ|vnđ|vnd)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitSuffix();

    // Digits alone, or grouped by three with dots (or commas) throughout: "1500000", "1.500.000", "-200.000".
    [GeneratedRegex(@"^-?(\d{1,18}|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
