using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Reporting;

namespace RoViec.Web.Features.Publishing;

/// <summary>
/// What the standing office fills in on the download form: the issuing body, the document's number and
/// symbol, the date, who signs and who receives it. Anything left blank takes its default from the commune's
/// name, the plan's issuer and the steering committee's head; nothing is invented — a number or a signer's
/// name that is not known stays blank for the office to write in.
/// </summary>
public sealed record MonthlyReportSettings
{
    /// <summary>The upper-level body, in capitals ("ĐẢNG ỦY XÃ DIỄN CHÂU"); may be empty.</summary>
    public required string UpperBody { get; init; }
    /// <summary>The issuing body, in capitals, bold ("BAN CHỈ ĐẠO VỀ PHÁT TRIỂN …").</summary>
    public required string Body { get; init; }
    /// <summary>The document's number, written in when issued; blank leaves room for it ("Số:      /BC-BCĐ").</summary>
    public string? Number { get; init; }
    /// <summary>The symbol after the number: "BC-BCĐ".</summary>
    public required string Symbol { get; init; }
    public DateOnly Date { get; init; }
    /// <summary>The signing authority's line: "TM. BAN CHỈ ĐẠO".</summary>
    public required string Authority { get; init; }
    /// <summary>The signer's title: "TRƯỞNG BAN".</summary>
    public required string SignerTitle { get; init; }
    public string? SignerName { get; init; }
    public required IReadOnlyList<string> Recipients { get; init; }

    public const string DefaultSymbol = "BC-BCĐ";
    public const string DefaultAuthority = "TM. BAN CHỈ ĐẠO";
    public const string DefaultSignerTitle = "TRƯỞNG BAN";
    private const int MaxLength = 300;
    private const int MaxRecipients = 20;

    public static readonly IReadOnlyList<string> DefaultRecipients =
    [
        "Ban Chỉ đạo tỉnh (để báo cáo);",
        "Thường trực Đảng ủy xã (để báo cáo);",
        "Các thành viên Ban Chỉ đạo;",
        "Các cơ quan, đơn vị liên quan;",
        "Lưu: VT, BCĐ.",
    ];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The defaults for a period of a commune, dated <paramref name="today"/>.</summary>
    public static async Task<MonthlyReportSettings> DefaultsAsync(RoViecDbContext db, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var commune = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => c.Name).FirstAsync(ct);
        var issuer = await db.Plans.AsNoTracking().Where(p => p.Id == period.PlanId).Select(p => p.Issuer).FirstOrDefaultAsync(ct);
        var head = await db.SteeringMembers.AsNoTracking()
            .Where(m => m.CommuneId == period.CommuneId && m.Position == SteeringPositions.Head)
            .OrderBy(m => m.Order).Select(m => m.FullName).FirstOrDefaultAsync(ct);
        return new MonthlyReportSettings
        {
            UpperBody = "ĐẢNG ỦY XÃ " + Upper(commune),
            Body = BodyOf(issuer, commune),
            Symbol = DefaultSymbol,
            Date = today,
            Authority = DefaultAuthority,
            SignerTitle = DefaultSignerTitle,
            SignerName = head,
            Recipients = DefaultRecipients,
        };
    }

    /// <summary>
    /// The steering committee's name from the plan's issuer ("Ban Chỉ đạo về phát triển … xã Diễn Châu" →
    /// "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN …"): the commune is already named on the line above.
    /// </summary>
    public static string BodyOf(string? planIssuer, string commune)
    {
        var issuer = (planIssuer ?? "").Trim();
        if (!issuer.StartsWith("Ban Chỉ đạo", StringComparison.OrdinalIgnoreCase)) return "BAN CHỈ ĐẠO";
        foreach (var tail in new[] { " xã " + commune, " phường " + commune, " " + commune })
        {
            if (issuer.EndsWith(tail, StringComparison.OrdinalIgnoreCase))
            {
                issuer = issuer[..^tail.Length];
                break;
            }
        }
        return Upper(issuer.Trim());
    }

    public static string Upper(string text) => text.ToUpper(Vietnamese);

    /// <summary>A form's value: trimmed, without line breaks, at most 300 characters; null when blank.</summary>
    public static string? Clean(string? value)
    {
        var text = string.Join(' ', (value ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return text.Length == 0 ? null : text.Length > MaxLength ? text[..MaxLength] : text;
    }

    /// <summary>The recipients typed one a line (a leading "-" is optional), at most 20; null when blank.</summary>
    public static IReadOnlyList<string>? CleanRecipients(string? value)
    {
        var lines = (value ?? "").Split('\n')
            .Select(l => Clean(l.Trim().TrimStart('-', '–', '•').Trim()))
            .OfType<string>().Take(MaxRecipients).ToList();
        return lines.Count == 0 ? null : lines;
    }

    /// <summary>The defaults with what the office typed over them; a date that cannot be read is an error.</summary>
    public MonthlyReportSettings With(string? upperBody, string? body, string? number, string? symbol, string? date,
        string? authority, string? signerTitle, string? signerName, string? recipients, out string? error)
    {
        error = null;
        var day = Date;
        if (Clean(date) is { } text && !DayText.TryParse(text, out day))
        {
            error = "Ngày ban hành phải viết dạng dd/mm/yyyy, ví dụ 22/12/2026.";
            day = Date;
        }
        return this with
        {
            UpperBody = Clean(upperBody) is { } u ? Upper(u) : UpperBody,
            Body = Clean(body) is { } b ? Upper(b) : Body,
            Number = Clean(number) ?? Number,
            Symbol = Clean(symbol) ?? Symbol,
            Date = day,
            Authority = Clean(authority) is { } a ? Upper(a) : Authority,
            SignerTitle = Clean(signerTitle) is { } t ? Upper(t) : SignerTitle,
            SignerName = Clean(signerName) ?? SignerName,
            Recipients = CleanRecipients(recipients) ?? Recipients,
        };
    }
}
