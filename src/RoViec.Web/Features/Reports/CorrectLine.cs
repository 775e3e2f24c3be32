using RoViec.Data;
using RoViec.Data.Entities;

using RoViec.Web.Features.Evaluation;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// Changes one field of one line of a verified report — the standing office only, with a reason — and
/// records who, when, why, the value before and after (<see cref="ReportCorrection"/>). The new value
/// follows the same rules as a submission; a ratio's value follows its numerator and denominator.
/// </summary>
public static class CorrectLine
{
    public const int MaxReason = 2000;

    public static async Task<ReportOutcome> RunAsync(ReportDesk desk, Guid reportId, Guid? version, Guid itemId, string? field, string? value, string? reason, CancellationToken ct)
    {
        var (handle, refusal) = await desk.OpenAsync(reportId, track: true, ct);
        if (handle is null) return refusal!;
        if (!handle.RunsReporting) return new ReportOutcome.Forbidden("Chỉ cơ quan thường trực mới đính chính được báo cáo đã xác minh.");
        var report = handle.Report;
        if (report.State != ReportStates.Verified)
            return new ReportOutcome.Conflict(new Sentence("Chỉ đính chính được báo cáo đã xác minh; báo cáo này đang ở trạng thái \"{0}\".", (Sentence)ReportLabels.State(report.State)));
        if (desk.HoldVersion(report, version) is { } stale) return stale;
        if (await desk.ClosedYearAsync(report, ct) is { } closed) return new ReportOutcome.Conflict(closed);
        if (await AcceptedPeriods.LockedAsync(desk.Db, report.PeriodId, ct) is { } locked) return new ReportOutcome.Conflict(locked);
        var item = report.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return new ReportOutcome.BadRequest("Dòng cần đính chính không thuộc báo cáo này; hãy tải lại trang.");
        var ratio = handle.IsRatio(item);
        if (field is null || !LineFields.Of(item.Kind, ratio).Contains(field))
            return new ReportOutcome.Invalid([new FieldError(item.Id, "field", "Hãy chọn trường cần đính chính trong danh sách.")]);
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
            return new ReportOutcome.Invalid([new FieldError(item.Id, "reason-for", "Hãy ghi lý do đính chính.")]);
        if (why.Length > MaxReason)
            return new ReportOutcome.Invalid([new FieldError(item.Id, "reason-for", new Sentence("Lý do đính chính dài quá {0:#,0.##} ký tự.", MaxReason))]);

        var before = LineRules.Shown(item, field);
        var valueBefore = LineRules.Shown(item, LineFields.Value);
        var errors = LineRules.Apply(item, ratio, new Dictionary<string, string>(StringComparer.Ordinal) { [field] = value ?? "" });
        if (errors.Count == 0) errors = LineRules.CheckComplete(item, ratio, desk.Today);
        if (errors.Count == 0 && LineRules.Shown(item, field) == before)
            errors = [new FieldError(item.Id, field, "Giá trị mới giống giá trị đang có; không có gì để đính chính.")];
        if (errors.Count > 0)
        {
            desk.Db.ChangeTracker.Clear();
            return new ReportOutcome.Invalid(errors);
        }

        var now = desk.NowUtc;
        void Record(string name, string? from) => desk.Db.ReportCorrections.Add(new ReportCorrection
        {
            Id = Guid.NewGuid(),
            CommuneId = report.CommuneId,
            ItemId = item.Id,
            Field = name,
            Before = from,
            After = LineRules.Shown(item, name),
            Reason = why,
            CorrectedBy = handle.Scope.UserName,
            CorrectedAtUtc = now,
        });
        Record(field, before);
        // A corrected numerator or denominator changes the ratio's value: recorded too, with the same reason.
        if (ratio && field != LineFields.Source && LineRules.Shown(item, LineFields.Value) != valueBefore) Record(LineFields.Value, valueBefore);
        item.Version = Guid.NewGuid();
        report.Version = Guid.NewGuid();
        // The follow-up (scores, snapshot, notices) is marked pending in the same transaction, done just after.
        var change = desk.Record(handle, PeriodChangeKind.Corrected, $"Đính chính \"{LineFields.Label(field)}\" trong báo cáo của {handle.Unit.Name}: {why}");
        if (await desk.SaveAsync(ct) is { } conflict) return conflict;
        await desk.ChangedAsync(change, ct);
        return new ReportOutcome.Done(new Sentence("Đã đính chính \"{0}\".", (Sentence)LineFields.Label(field)));
    }
}
