using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Periods;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// What the standing office fills in on the download form: the issuing body, the document's number and
/// symbol, the date, who signs and who receives it. Anything left blank takes its default from the commune's
/// name, the plan's issuer and the steering committee's head; nothing is invented — a number or a signer's
/// name that is not known stays blank for the office to write in.
/// </summary>
public sealed record MonthlyReportSettings
{
    /// <summary>The layout: one of <see cref="LayoutKinds"/> (State: Nghị định 30/2020; Party: Hướng dẫn 36-HD/VPTW).</summary>
    public string Kind { get; init; } = LayoutKinds.State;
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

    /// <summary>
    /// The defaults for a period of a commune, dated <paramref name="today"/>: the commune's saved layout profile
    /// when the standing office kept one, otherwise the layout of the plan's own header (<see cref="LayoutProfiles.Infer"/>).
    /// </summary>
    public static async Task<MonthlyReportSettings> DefaultsAsync(RoViecDbContext db, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var commune = await db.Communes.AsNoTracking().Where(c => c.Id == period.CommuneId).Select(c => c.Name).FirstAsync(ct);
        var head = await db.SteeringMembers.AsNoTracking()
            .Where(m => m.CommuneId == period.CommuneId && m.Position == SteeringPositions.Head)
            .OrderBy(m => m.Order).Select(m => m.FullName).FirstOrDefaultAsync(ct);
        if (await LayoutProfiles.StoredAsync(db, period.CommuneId, ct) is { } profile) return FromProfile(profile, today, head);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == period.PlanId)
            .Select(p => new { p.Issuer, Header = p.Source!.Text.Substring(0, 1200) }).FirstOrDefaultAsync(ct);
        var guess = LayoutProfiles.Infer(plan?.Header, plan?.Issuer, commune);
        var committee = guess.Agency == "UBND";
        return new MonthlyReportSettings
        {
            Kind = guess.Kind,
            UpperBody = guess.UpperBody,
            Body = guess.Body,
            Symbol = LayoutProfiles.Symbol(guess.Kind, guess.Agency),
            Date = today,
            Authority = LayoutProfiles.Authority(guess.Kind, committee ? "ỦY BAN NHÂN DÂN" : "BAN CHỈ ĐẠO"),
            SignerTitle = committee ? "CHỦ TỊCH" : DefaultSignerTitle,
            SignerName = head,
            Recipients = DefaultRecipients,
        };
    }

    /// <summary>The settings a stored profile gives, dated <paramref name="today"/>; the signer is the committee's head when the profile names none.</summary>
    public static MonthlyReportSettings FromProfile(LayoutProfile profile, DateOnly today, string? head)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new MonthlyReportSettings
        {
            Kind = profile.Kind,
            UpperBody = profile.UpperBody ?? "",
            Body = profile.Body,
            Symbol = profile.Symbol,
            Date = today,
            Authority = profile.Authority,
            SignerTitle = profile.SignerTitle,
            SignerName = profile.SignerName ?? head,
            Recipients = CleanRecipients(profile.Recipients) ?? DefaultRecipients,
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

    /// <summary>The defaults with what the office typed over them; a date or layout that cannot be read is an error, which a page writes in its reader's language.</summary>
    public MonthlyReportSettings With(string? upperBody, string? body, string? number, string? symbol, string? date,
        string? authority, string? signerTitle, string? signerName, string? recipients, out Sentence? error, string? kind = null)
    {
        error = null;
        var layout = Kind;
        if (Clean(kind) is { } k)
        {
            if (LayoutProfiles.ParseKind(k) is { } parsed) layout = parsed;
            else error = new Sentence("Thể thức phải là “dang” (văn bản của Đảng) hoặc “nha-nuoc” (văn bản hành chính).");
        }
        var day = Date;
        if (Clean(date) is { } text && !DayText.TryParse(text, out day))
        {
            error = new Sentence("Ngày ban hành phải viết dạng dd/mm/yyyy, ví dụ 22/12/2026.");
            day = Date;
        }
        // The symbol and the authority line take the layout's form, typed or carried over: "BC/BCĐ" ↔ "BC-BCĐ",
        // "T/M" ↔ "TM." — a form that switches the layout still posts the old layout's values.
        return this with
        {
            Kind = layout,
            UpperBody = Clean(upperBody) is { } u ? Upper(u) : UpperBody,
            Body = Clean(body) is { } b ? Upper(b) : Body,
            Number = Clean(number) ?? Number,
            Symbol = LayoutProfiles.SymbolIn(layout, Clean(symbol) ?? Symbol),
            Date = day,
            Authority = LayoutProfiles.AuthorityIn(layout, Clean(authority) is { } a ? Upper(a) : Authority),
            SignerTitle = Clean(signerTitle) is { } t ? Upper(t) : SignerTitle,
            SignerName = Clean(signerName) ?? SignerName,
            Recipients = CleanRecipients(recipients) ?? Recipients,
        };
    }
}
