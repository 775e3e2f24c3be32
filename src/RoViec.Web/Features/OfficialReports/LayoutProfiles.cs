using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// How the issuing body lays out its documents, as data: the administrative layout of Nghị định 30/2020/NĐ-CP
/// (<see cref="LayoutKinds.State"/>: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/BC-BCĐ", "TM.") or the Party
/// layout of Hướng dẫn 36-HD/VPTW (<see cref="LayoutKinds.Party"/>: "ĐẢNG CỘNG SẢN VIỆT NAM", an asterisk under the
/// body, "Số 12-BC/BCĐ", "T/M"). A commune keeps one default profile per issuing body; without one, the profile is
/// read from the header of the plan the report is on — the body that issued the plan reports on it the same way.
/// </summary>
public static partial class LayoutProfiles
{
    /// <summary>The layout guessed from a plan's header and issuer.</summary>
    /// <param name="Agency">The issuing body's abbreviation in document symbols ("BCĐ", "UBND").</param>
    public sealed record Guess(string Kind, string UpperBody, string Body, string Agency);

    private static readonly string[] StateLines = ["CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI"];

    private static readonly string[] UpperPrefixes =
        ["ĐẢNG ỦY", "ĐẢNG UỶ", "ĐẢNG BỘ", "UBND", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HĐND", "HỘI ĐỒNG NHÂN DÂN", "HUYỆN ỦY", "THỊ ỦY", "TỈNH ỦY", "THÀNH ỦY"];

    /// <summary>
    /// The layout of a plan's issuer, from the first lines of its text: the Party's national line or a number
    /// written "Số 01-CTr/BCĐ" make it a Party document, "CỘNG HÒA …" or "Số: 01/KH-UBND" a State one; the line above
    /// the body, when it names a Party committee or a People's Committee, is the upper body.
    /// </summary>
    public static Guess Infer(string? sourceText, string? planIssuer, string commune)
    {
        var head = Header(sourceText);
        var issuer = (planIssuer ?? "").Trim();
        var upperText = MonthlyReportSettings.Upper(head);
        var number = NumberPattern().Match(head);
        // The national line that comes first is the header's; the other may be quoted further down (a basis
        // "của Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam").
        var party = upperText.IndexOf("ĐẢNG CỘNG SẢN VIỆT NAM", StringComparison.Ordinal);
        var state = StateLines.Select(t => upperText.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        string kind;
        if (party >= 0 && (state < 0 || party < state)) kind = LayoutKinds.Party;
        else if (state >= 0) kind = LayoutKinds.State;
        else if (number.Success) kind = number.Groups["party"].Success ? LayoutKinds.Party : LayoutKinds.State;
        else kind = LayoutKinds.State;

        var agency = number.Success ? number.Groups["agency"].Value : null;
        var isCommittee = issuer.StartsWith("Ủy ban", StringComparison.OrdinalIgnoreCase) || issuer.StartsWith("Uỷ ban", StringComparison.OrdinalIgnoreCase)
            || issuer.StartsWith("UBND", StringComparison.OrdinalIgnoreCase);
        if (isCommittee)
            return new Guess(kind, "", MonthlyReportSettings.Upper(issuer.Replace("UBND", "Ủy ban nhân dân", StringComparison.OrdinalIgnoreCase)), agency ?? "UBND");

        var upper = head.Split('\n').Select(l => l.Trim().Trim('*').Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        upper = MonthlyReportSettings.Upper(upper);
        if (!UpperPrefixes.Any(p => upper.StartsWith(p, StringComparison.Ordinal)))
            upper = kind == LayoutKinds.Party ? "ĐẢNG ỦY XÃ " + MonthlyReportSettings.Upper(commune) : "ỦY BAN NHÂN DÂN XÃ " + MonthlyReportSettings.Upper(commune);
        return new Guess(kind, upper, MonthlyReportSettings.BodyOf(issuer, commune), agency ?? "BCĐ");
    }

    /// <summary>The symbol of a report of the body: "BC/BCĐ" in the Party's layout, "BC-BCĐ" in the State's.</summary>
    public static string Symbol(string kind, string agency) => kind == LayoutKinds.Party ? "BC/" + agency : "BC-" + agency;

    /// <summary>The signing authority's line: "T/M BAN CHỈ ĐẠO" in the Party's layout, "TM. BAN CHỈ ĐẠO" in the State's.</summary>
    public static string Authority(string kind, string collective) => (kind == LayoutKinds.Party ? "T/M " : "TM. ") + collective;

    /// <summary>A symbol written for one layout, in the other's form: "BC/BCĐ" (Party) ↔ "BC-BCĐ" (State).</summary>
    public static string SymbolIn(string kind, string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var (from, to) = kind == LayoutKinds.Party ? ('-', '/') : ('/', '-');
        var at = symbol.IndexOf(from, StringComparison.Ordinal);
        return at < 0 ? symbol : symbol[..at] + to + symbol[(at + 1)..];
    }

    /// <summary>An authority line written for one layout, in the other's form: "T/M BAN CHỈ ĐẠO" ↔ "TM. BAN CHỈ ĐẠO" (also "Q." and "KT." stay).</summary>
    public static string AuthorityIn(string kind, string authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        if (kind == LayoutKinds.Party && authority.StartsWith("TM. ", StringComparison.Ordinal)) return "T/M " + authority[4..];
        if (kind == LayoutKinds.State && authority.StartsWith("T/M ", StringComparison.Ordinal)) return "TM. " + authority[4..];
        return authority;
    }

    /// <summary>The document number line: "Số 12-BC/BCĐ" (Party) or "Số: 12/BC-BCĐ" (State); blank numbers leave room to write in.</summary>
    public static string NumberLine(string kind, string? number, string symbol)
    {
        var n = string.IsNullOrWhiteSpace(number) ? "      " : number.Trim();
        return kind == LayoutKinds.Party ? $"Số {n}-{symbol}" : $"Số: {n}/{symbol}";
    }

    /// <summary>"Đảng" for the Party's layout, "Nhà nước" for the State's, as the form names them.</summary>
    public static string Label(string kind) => kind == LayoutKinds.Party
        ? "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)"
        : "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)";

    /// <summary>A layout kind from a form's value ("Party", "dang", "State", "nha-nuoc"); null when it is none of them.</summary>
    public static string? ParseKind(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "party" or "dang" or "đảng" => LayoutKinds.Party,
        "state" or "nha-nuoc" or "nhà nước" => LayoutKinds.State,
        _ => null,
    };

    /// <summary>The commune's stored default profile for its reports, if the standing office saved one.</summary>
    public static Task<LayoutProfile?> StoredAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LayoutProfiles.AsNoTracking().Where(p => p.CommuneId == communeId && p.IsDefault).OrderBy(p => p.Body).FirstOrDefaultAsync(ct);
    }

    /// <summary>The commune's stored profiles, one per issuing body, the default first.</summary>
    public static Task<List<LayoutProfile>> ListAsync(RoViecDbContext db, Guid communeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LayoutProfiles.AsNoTracking().Where(p => p.CommuneId == communeId)
            .OrderByDescending(p => p.IsDefault).ThenBy(p => p.Body).ToListAsync(ct);
    }

    /// <summary>
    /// Removes one of the commune's profiles and returns it; null when the commune has none with that id. Reports
    /// already composed keep what they were saved with; later ones start from the remaining default, or the plan's header.
    /// </summary>
    public static async Task<LayoutProfile?> DeleteAsync(RoViecDbContext db, Guid communeId, Guid profileId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var profile = await db.LayoutProfiles.FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null) return null;
        db.LayoutProfiles.Remove(profile);
        await db.SaveChangesAsync(ct);
        return profile;
    }

    /// <summary>
    /// Keeps <paramref name="settings"/> as the commune's default profile for the body it names: the profile of that
    /// body is updated (or added), becomes the default, and any other stops being it.
    /// </summary>
    public static async Task SaveDefaultAsync(RoViecDbContext db, Guid communeId, MonthlyReportSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        var profiles = await db.LayoutProfiles.Where(p => p.CommuneId == communeId).ToListAsync(ct);
        var profile = profiles.FirstOrDefault(p => p.Body == settings.Body);
        if (profile is null)
        {
            profile = new LayoutProfile
            {
                Id = Guid.NewGuid(),
                CommuneId = communeId,
                Body = settings.Body,
                Kind = settings.Kind,
                Symbol = settings.Symbol,
                Authority = settings.Authority,
                SignerTitle = settings.SignerTitle,
            };
            db.LayoutProfiles.Add(profile);
        }
        foreach (var other in profiles.Where(p => p != profile && p.IsDefault)) other.IsDefault = false;
        profile.UpperBody = settings.UpperBody;
        profile.Kind = settings.Kind;
        profile.Symbol = settings.Symbol;
        profile.Authority = settings.Authority;
        profile.SignerTitle = settings.SignerTitle;
        profile.SignerName = settings.SignerName;
        profile.Recipients = string.Join('\n', settings.Recipients);
        profile.IsDefault = true;
        profile.Version = Guid.NewGuid();
    }

    /// <summary>The lines of a plan before its title: where the issuing body, the national line and the number stand.</summary>
    private static string Header(string? sourceText)
    {
        var text = (sourceText ?? "").Replace("\r", "", StringComparison.Ordinal);
        var cut = Math.Min(text.Length, 1200);
        return text[..cut];
    }

    // "Số -CTr/BCĐ", "Số 01-KH/ĐU" (Party: the kind after a hyphen, the body after a slash);
    // "Số: /QĐ-BCĐ", "Số: 139/KH-UBND" (State: the kind after a slash, the body after a hyphen).
    [GeneratedRegex(@"Số\s*:?\s*[0-9.]*\s*(?:(?<party>-)\s*[A-ZĐa-zđ]+\s*/\s*(?<agency>[A-ZĐ][A-ZĐa-zđ0-9]*)|/\s*[A-ZĐa-zđ]+\s*-\s*(?<agency>[A-ZĐ][A-ZĐa-zđ0-9]*))")]
    private static partial Regex NumberPattern();
}
