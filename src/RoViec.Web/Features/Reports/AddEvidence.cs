using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Files;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Reports;

/// <summary>
/// What the reporter attaches to a line: a file (its bytes read from <paramref name="OpenFile"/>, streamed into the file
/// store), an issued document (number and date), or a link.
/// </summary>
public sealed record EvidenceInput(string Kind, string? FileName, Func<Stream>? OpenFile, long Length, string? Number, string? Date, string? Url, string? Title);

/// <summary>
/// Attaches evidence to a line of a report the unit is still filling in: a file checked by
/// <see cref="EvidenceFiles"/> and kept in the <see cref="FileStore"/> (the row names it by its hash), a reference to an
/// issued document, or an http(s) link. Or removes one; its file stays until the scheduler's sweep finds no row of any
/// commune naming it (<see cref="FileSweep"/>): the same bytes may be evidence in several communes.
/// </summary>
public static class AddEvidence
{
    public static async Task<ReportOutcome> RunAsync(ReportDesk desk, FileStore store, Guid reportId, Guid itemId, EvidenceInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(input);
        var (handle, item, refusal) = await OpenLineAsync(desk, reportId, itemId, ct);
        if (refusal is not null) return refusal;
        var evidence = new Evidence
        {
            Id = Guid.NewGuid(),
            CommuneId = handle!.Report.CommuneId,
            ItemId = item!.Id,
            Kind = input.Kind,
            Title = "",
            AddedAtUtc = desk.NowUtc,
            AddedBy = handle.Scope.UserName,
        };
        string Field(string name) => $"evidence-{name}";
        switch (input.Kind)
        {
            case EvidenceKinds.File:
                var fileName = Path.GetFileName(input.FileName ?? "").Trim();
                if (input.Length == 0 || fileName.Length == 0)
                    return new ReportOutcome.BadRequest("Chưa chọn tệp minh chứng, hoặc tệp rỗng.");
                if (fileName.Length > 200) fileName = fileName[..(200 - Path.GetExtension(fileName).Length)] + Path.GetExtension(fileName);
                var (contentType, wrongType) = EvidenceFiles.CheckName(fileName);
                if (wrongType is not null) return wrongType;
                if (EvidenceFiles.CheckSize(fileName, input.Length) is { } tooLarge) return tooLarge;
                // The unit's files for the period: a quota per report, so one reporter cannot fill the server.
                var used = await UsedAsync(desk, reportId, ct);
                if (EvidenceFiles.CheckQuota(fileName, used, input.Length) is { } overQuota) return overQuota;
                if (input.OpenFile is null) return new ReportOutcome.BadRequest("Chưa chọn tệp minh chứng, hoặc tệp rỗng.");
                // The first bytes say what the file is; the rest is streamed into the store, never whole in memory.
                await using (var file = input.OpenFile())
                {
                    var head = new byte[EvidenceFiles.HeadBytes];
                    var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                    if (EvidenceFiles.CheckContent(fileName, head.AsSpan(0, read)) is { } notWhatItSays) return notWhatItSays;
                    // The declared length is the client's word: the bytes are counted again on the way in.
                    if (await store.SaveAsync(head.AsMemory(0, read), file, EvidenceFiles.MaxBytes, ct) is not { } saved)
                        return EvidenceFiles.CheckSize(fileName, EvidenceFiles.MaxBytes + 1)!;
                    evidence.ContentSha256 = saved.Sha256;
                    evidence.Size = saved.Size;
                }
                evidence.Title = fileName;
                evidence.ContentType = contentType;
                break;
            case EvidenceKinds.Document:
                var errors = new List<FieldError>();
                var number = input.Number?.Trim();
                if (string.IsNullOrEmpty(number)) errors.Add(new FieldError(item.Id, Field("number"), "Hãy ghi số, ký hiệu văn bản (ví dụ 12/UBND-VP)."));
                else if (number.Length > 200) errors.Add(new FieldError(item.Id, Field("number"), "Số, ký hiệu văn bản dài quá 200 ký tự."));
                if (!ReportValues.TryParseDate(input.Date, out var date))
                    errors.Add(new FieldError(item.Id, Field("date"), string.IsNullOrWhiteSpace(input.Date)
                        ? "Hãy ghi ngày ban hành văn bản (dd/mm/yyyy)."
                        : new Sentence("Ngày ban hành \"{0}\" không hợp lệ; hãy nhập theo dạng dd/mm/yyyy (ví dụ 05/03/2026).", input.Date)));
                if (errors.Count > 0) return new ReportOutcome.Invalid(errors);
                evidence.Title = number!;
                evidence.DocumentDate = date;
                break;
            case EvidenceKinds.Link:
                var url = input.Url?.Trim();
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url!.Length > 2000)
                    return new ReportOutcome.Invalid([new FieldError(item.Id, Field("url"), "Đường dẫn phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (tối đa 2.000 ký tự).")]);
                var title = string.IsNullOrWhiteSpace(input.Title) ? uri.Host : input.Title.Trim();
                if (title.Length > 500) title = title[..500];
                evidence.Url = uri.AbsoluteUri;
                evidence.Title = title;
                break;
            default:
                return new ReportOutcome.BadRequest("Loại minh chứng không hợp lệ.");
        }
        desk.Db.Evidence.Add(evidence);
        await desk.Db.SaveChangesAsync(ct);
        // Uploads to one report at the same moment all pass the check above before any is saved: counted again once
        // saved, a file that takes the report past its quota goes again (its bytes are swept later).
        if (evidence.Kind == EvidenceKinds.File && await UsedAsync(desk, reportId, ct) is var total && total > EvidenceFiles.QuotaPerReport)
        {
            desk.Db.Evidence.Remove(evidence);
            await desk.Db.SaveChangesAsync(ct);
            return EvidenceFiles.CheckQuota(evidence.Title, total - evidence.Size, evidence.Size)!;
        }
        return new ReportOutcome.Done(new Sentence("Đã thêm minh chứng \"{0}\".", evidence.Title));
    }

    /// <summary>The bytes of the files on the report's lines.</summary>
    private static async Task<long> UsedAsync(ReportDesk desk, Guid reportId, CancellationToken ct) =>
        await desk.Db.Evidence.Where(e => desk.Db.ReportItems.Where(i => i.ReportId == reportId).Select(i => i.Id).Contains(e.ItemId)).SumAsync(e => (long?)e.Size, ct) ?? 0;

    public static async Task<ReportOutcome> RemoveAsync(ReportDesk desk, Guid reportId, Guid evidenceId, CancellationToken ct)
    {
        var evidence = await desk.Db.Evidence.FindAsync([evidenceId], ct);
        var (_, _, refusal) = await OpenLineAsync(desk, reportId, evidence?.ItemId ?? Guid.Empty, ct);
        if (refusal is not null) return refusal;
        desk.Db.Evidence.Remove(evidence!);
        await desk.Db.SaveChangesAsync(ct);
        return new ReportOutcome.Done(new Sentence("Đã gỡ minh chứng \"{0}\".", evidence!.Title));
    }

    private static async Task<(ReportHandle? Handle, ReportItem? Item, ReportOutcome? Refusal)> OpenLineAsync(ReportDesk desk, Guid reportId, Guid itemId, CancellationToken ct)
    {
        var (handle, refusal) = await desk.OpenAsync(reportId, track: false, ct);
        if (handle is null) return (null, null, refusal);
        if (!handle.IsReporter) return (null, null, new ReportOutcome.Forbidden("Chỉ cán bộ báo cáo của đơn vị mới thêm, gỡ được minh chứng."));
        if (!handle.Editable)
            return (null, null, new ReportOutcome.Conflict(new Sentence("Báo cáo đã ở trạng thái \"{0}\"; không thêm, gỡ minh chứng được nữa.", (Sentence)ReportLabels.State(handle.Report.State))));
        if (handle.ClosedMessage(desk.Today) is { } closed) return (null, null, new ReportOutcome.Conflict(closed));
        var item = handle.Report.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return (null, null, new ReportOutcome.BadRequest("Minh chứng hoặc dòng báo cáo không thuộc báo cáo này; hãy tải lại trang."));
        return (handle, item, null);
    }
}
