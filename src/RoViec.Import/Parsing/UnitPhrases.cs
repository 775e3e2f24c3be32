using System.Text.RegularExpressions;

namespace RoViec.Import.Parsing;

/// <summary>
/// Finds unit names in running text: "Phòng Văn hoá - Xã hội chủ trì, phối hợp với các phòng,
/// ban chuyên môn", "Chỉ đạo Công an xã phối hợp với Trung tâm Hành chính công xã thực hiện",
/// "Giao Đoàn Thanh niên và Tổ công nghệ số cộng đồng ...". A unit phrase starts with a head
/// word (Phòng, Ban, Công an, Trung tâm, Các cơ quan, Chánh, Trưởng ...) and runs until a verb.
/// </summary>
internal static partial class UnitPhrases
{
    public sealed record Assignment(IReadOnlyList<string> Lead, IReadOnlyList<string> Support);

    private static readonly string[] Heads =
    [
        "các", "những", "toàn thể", "phòng", "văn phòng", "vp", "ban", "ủy ban", "uỷ ban", "ub", "ubnd", "ubkt", "ubmttq", "hđnd",
        "hội đồng", "hội", "đoàn", "công an", "quân sự", "trung tâm", "tt", "tổ", "trạm", "trường", "chi bộ", "đảng ủy",
        "đảng uỷ", "cơ quan", "đơn vị", "bộ phận", "mặt trận", "mttq", "thôn", "xóm", "khối", "chánh", "trưởng", "phó",
        "thủ trưởng", "chủ tịch", "bí thư", "giám đốc", "cán bộ", "người đứng đầu", "thành viên", "thường trực",
        "btv", "bch", "sở", "hợp tác xã", "htx", "bưu điện", "ngân hàng", "chi nhánh", "doanh nghiệp", "ca", "bhxh",
        "bảo hiểm xã hội", "viettel", "vnpt", "mobifone", "điện lực", "kho bạc", "chi cục", "đội", "ban quản lý", "công chức",
        "tỉnh đoàn", "thành đoàn", "huyện đoàn", "công đoàn", "thuế cơ sở", "thanh tra tỉnh", "thanh tra thành phố", "thanh tra huyện", "thanh tra xã", "thanh tra sở", "hiệp hội",
    ];

    private static readonly string[] NotHeads =
    [
        "ban hành", "tổ chức", "hội nghị", "hội thảo", "trường hợp", "phó biến", "đơn vị tính", "khối lượng", "cán bộ,",
        "thường trực về", "lãnh đạo,", "lãnh đạo, chỉ đạo", "chi bộ,", "tổ chức thực hiện",
    ];

    /// <summary>Words that end a unit phrase when written in lower case.</summary>
    private static readonly string[] Stops =
    [
        "chủ trì", "phối hợp", "thực hiện", "triển khai", "đảm bảo", "bảo đảm", "xác định", "hoàn thành", "tham mưu",
        "theo dõi", "hướng dẫn", "tập trung", "cảnh báo", "chủ động", "thường xuyên", "xuống", "ra ", "là", "được", "để",
        "nhằm", "khi", "đã", "sẽ", "cần", "phải", "rà soát", "xây dựng", "ban hành", "báo cáo", "cập nhật", "kiểm tra",
        "giám sát", "đôn đốc", "tiếp nhận", "vận động", "tuyên truyền", "cài đặt", "nghiên cứu", "đề xuất", "trình",
        "duy trì", "quản lý", "tăng cường", "đẩy mạnh", "làm ", "giúp", "hỗ trợ", "bố trí", "thống nhất", "lựa chọn",
        "phát động", "sử dụng", "ứng dụng", "kịp thời", "chịu", "gửi", "nộp", "đăng ký", "căn cứ", "chỉ đạo", "lãnh đạo",
        "có trách nhiệm", "tổng hợp", "đánh giá", "trực tiếp", "nắm", "tiếp tục", "số hóa", "số hoá", "cung cấp", "mở",
        "nâng", "đưa", "tạo", "vận hành", "khai thác", "thường trực", "theo ", "về ", "với ", "cho ", "cử ", "lắp đặt",
        "thời gian", "thời hạn",
    ];

    /// <summary>Verbs after a leading unit that make it the actor of the sentence (not "là", not "được").</summary>
    private static readonly string[] ActorVerbs =
    [
        "chủ trì", "thực hiện", "hoàn thành", "có trách nhiệm", "chịu trách nhiệm", "đảm bảo", "bảo đảm", "chủ động",
        "tham mưu", "triển khai", "theo dõi", "tổ chức", "xây dựng", "phối hợp", "rà soát", "ban hành", "cập nhật",
        "thường xuyên", "tập trung", "tiếp tục", "kiểm tra", "hướng dẫn", "đăng ký", "vận hành", "quản lý", "báo cáo",
        "chỉ đạo", "cung cấp", "đôn đốc", "tổng hợp", "trực tiếp", "tăng cường", "đẩy mạnh", "nghiên cứu", "đề xuất",
    ];

    public static bool StartsWithHead(string text) => StartsWithHead(text.AsSpan());

    public static bool StartsWithHead(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        var lower = trimmed[..Math.Min(trimmed.Length, 40)].ToString().ToLowerInvariant();
        foreach (var not in NotHeads)
            if (lower.StartsWith(not, StringComparison.Ordinal)) return false;
        foreach (var head in Heads)
        {
            if (!lower.StartsWith(head, StringComparison.Ordinal)) continue;
            if (lower.Length == head.Length || !char.IsLetterOrDigit(lower[head.Length])) return true;
        }
        return false;
    }

    /// <summary>The unit phrase starting at <paramref name="start"/>, or null; <paramref name="end"/> is where it stops.</summary>
    public static string? Take(string text, int start, out int end)
    {
        end = start;
        while (start < text.Length && text[start] == ' ') start++;
        if (start >= text.Length || !StartsWithHead(text.AsSpan(start))) return null;
        var i = start;
        var words = 0;
        var previousWord = "";
        var skipTo = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(' && words > 0 && AbbreviationRegex().Match(text, i) is { Success: true } abbreviation && abbreviation.Index == i)
            {
                // "Văn phòng HĐND và UBND xã (VP HĐND-UBND) tham mưu": the short form after a name is not where the phrase
                // goes on, and what follows it still belongs to the sentence about that unit.
                skipTo = i + abbreviation.Length;
                break;
            }
            if (c is '.' or ';' or ':' or '(' or ')' or '"' or '“' or '”') break;
            if (c == ',')
            {
                // "Đoàn Thanh niên, Hội LHPN xã": a capitalised unit after a comma is the next unit.
                var next = text.AsSpan(i + 1).TrimStart();
                if (next.Length > 0 && char.IsUpper(next[0]) && StartsWithHead(next)) break;
                // "…, phối hợp với Văn phòng HĐND-UBND xã, các thôn": "các …" after a comma starts the next unit too.
                if (words > 1 && next.StartsWith("các ", StringComparison.Ordinal) && StartsWithHead(next)) break;
                i++;
                continue;
            }
            if (c == ' ')
            {
                i++;
                continue;
            }
            var rest = text.AsSpan(i);
            if (char.IsLower(c) && words > 0 && IsStop(rest, previousWord)) break;
            if (words > 0 && rest.StartsWith("và ", StringComparison.Ordinal))
            {
                if (StartsWithHead(text.AsSpan(i + 3)) && !IsKnownAround(text, i)) break;
            }
            var wordEnd = i;
            while (wordEnd < text.Length && text[wordEnd] is not (' ' or ',' or '.' or ';' or ':' or '(' or ')')) wordEnd++;
            previousWord = text[i..wordEnd].ToLowerInvariant();
            i = wordEnd;
            words++;
            if (words > 16) return null;
        }
        var phrase = text[start..i].Trim().TrimEnd(',', ' ', '-', '–');
        end = skipTo > 0 && phrase.Length > 0 ? skipTo : start + phrase.Length;
        return phrase.Length == 0 ? null : phrase;
    }

    private static bool IsStop(ReadOnlySpan<char> rest, string previousWord)
    {
        foreach (var stop in Stops)
        {
            if (!rest.StartsWith(stop, StringComparison.Ordinal)) continue;
            if (stop.EndsWith(' ') || rest.Length == stop.Length || !char.IsLetter(rest[stop.Length]))
            {
                if (stop == "tổ chức" && previousWord is "các" or "những") return false;
                // "Sở Giáo dục và Đào tạo": "tạo" ends a compound word here, it is not the verb "tạo (điều kiện)".
                if (stop == "tạo" && previousWord is "đào" or "sáng" or "chế" or "cải") return false;
                return true;
            }
        }
        if (rest.StartsWith("có ", StringComparison.Ordinal) && !rest.StartsWith("có liên quan", StringComparison.Ordinal)) return true;
        if (rest.StartsWith("tổ chức", StringComparison.Ordinal) && previousWord is not ("các" or "những")) return true;
        return false;
    }

    private static readonly RoViec.Domain.Units.UnitCatalog Known = RoViec.Domain.Units.UnitCatalog.CreateDefault();

    /// <summary>"Văn phòng HĐND và UBND xã" is one unit, however its "và" reads: a known name spans the "và" at <paramref name="and"/>.</summary>
    private static bool IsKnownAround(string text, int and)
    {
        var before = text[Math.Max(0, and - 80)..and].TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var after = text[Math.Min(text.Length, and + 3)..Math.Min(text.Length, and + 83)].TrimStart().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 1; k <= Math.Min(4, before.Length); k++)
            for (var m = 1; m <= Math.Min(4, after.Length); m++)
            {
                var candidate = string.Join(' ', before[^k..]) + " và " + string.Join(' ', after.Take(m)).TrimEnd(',', ';', '.', ':');
                if (Known.Find(candidate) is { Kind: not RoViec.Domain.Units.UnitKind.Group }) return true;
            }
        return false;
    }

    /// <summary>Several units in a row: "Đoàn Thanh niên và Tổ công nghệ số cộng đồng".</summary>
    public static List<string> TakeAll(string text, int start, out int end)
    {
        var units = new List<string>();
        end = start;
        var first = Take(text, start, out var e);
        if (first is null) return units;
        units.Add(first);
        end = e;
        while (true)
        {
            var j = end;
            while (j < text.Length && text[j] is ' ' or ',') j++;
            if (text.AsSpan(j).StartsWith("và ", StringComparison.Ordinal)) j += 3;
            else if (j == end || text[end] != ',') break;
            var next = Take(text, j, out var e2);
            if (next is null) break;
            units.Add(next);
            end = e2;
        }
        return units;
    }

    /// <summary>A cell or field naming units: "Công an xã, các phòng, ban chuyên môn, các cơ quan, đơn vị liên quan".</summary>
    public static List<string> Split(string? text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var part in SentenceSplitRegex().Split(text))
        {
            var piece = part.Trim().Trim('.', ',', ';', ':', ' ', '-', '–');
            if (piece.Length == 0) continue;
            var start = 0;
            var pieces = new List<string>();
            for (var i = 0; i < piece.Length; i++)
            {
                var isComma = piece[i] == ',';
                var isAnd = piece.AsSpan(i).StartsWith(" và ", StringComparison.Ordinal);
                if (!isComma && !isAnd) continue;
                var next = i + (isComma ? 1 : 4);
                var rest = piece.AsSpan(next).TrimStart();
                if (rest.Length == 0) continue;
                if (isAnd && IsKnownAround(piece, i + 1)) continue;
                var upper = char.IsUpper(rest[0]) && isComma;
                if (!(upper && StartsWithHead(rest)) && !rest.StartsWith("các ", StringComparison.Ordinal) && !(isAnd && StartsWithHead(rest)))
                    continue;
                pieces.Add(piece[start..i]);
                start = next;
            }
            pieces.Add(piece[start..]);
            result.AddRange(pieces.Select(p => p.Trim().Trim('.', ',', ';', ' ')).Where(p => p.Length > 0));
        }
        return result;
    }

    /// <summary>"X chủ trì, phối hợp (với) Y" or a plain list of units.</summary>
    public static Assignment ParseAssignment(string text)
    {
        var t = text.Trim().TrimEnd(':', '.', ' ');
        var lead = ChuTriRegex().Match(t);
        if (lead.Success)
        {
            var leads = Split(t[..lead.Index]);
            var rest = t[(lead.Index + lead.Length)..];
            var support = PhoiHopRegex().Match(rest);
            var supports = support.Success ? Split(TrailingVerbRegex().Replace(rest[(support.Index + support.Length)..], "")) : [];
            return new Assignment(leads, supports);
        }
        var cut = CutAtVerb(t);
        var plainSupport = PhoiHopRegex().Match(cut);
        if (plainSupport.Success)
            return new Assignment(Split(cut[..plainSupport.Index]), Split(cut[(plainSupport.Index + plainSupport.Length)..]));
        return new Assignment(Split(cut), []);
    }

    /// <summary>The part of a heading that names units: "Ủy ban nhân dân xã chỉ đạo các phòng ..." → "Ủy ban nhân dân xã".</summary>
    private static string CutAtVerb(string text)
    {
        var m = HeadingVerbRegex().Match(text);
        return m.Success ? text[..m.Index] : text;
    }

    /// <summary>True when the whole text reads as a unit name (a heading "1.1. Văn phòng Đảng ủy").</summary>
    public static bool IsUnitTitle(string title)
    {
        var t = title.Trim().TrimEnd(':', '.');
        if (!StartsWithHead(t)) return false;
        if (t.StartsWith("Các cơ quan, đơn vị có liên quan", StringComparison.Ordinal)) return true;
        return t.Split(' ').Length <= 24;
    }

    /// <summary>Sentence starts with a unit that then acts: "Văn phòng Đảng ủy chủ trì, phối hợp với ..."; "Đảng ủy chỉ đạo Công an xã ...".</summary>
    public static Assignment? LeadingActor(string sentence)
    {
        var s = sentence.TrimStart();
        var delegating = DelegateRegex().Match(s);
        if (delegating.Success)
        {
            var units = TakeAll(s, delegating.Length, out var end);
            if (units.Count > 0) return Directed(s, end) ?? WithSupport(units, s, end);
        }
        var actors = TakeAll(s, 0, out var actorEnd);
        if (actors.Count == 0) return null;
        var after = s[actorEnd..].TrimStart(' ', ',');
        if (Directed(s, actorEnd) is { } directed) return directed;
        foreach (var verb in ActorVerbs)
            if (after.StartsWith(verb, StringComparison.Ordinal)) return WithSupport(actors, s, actorEnd);
        return null;
    }

    /// <summary>
    /// A unit that directs another: "(Giao) A chỉ đạo B …", "A lãnh đạo, chỉ đạo B …" make B the lead, and so does
    /// "A chỉ đạo, B chủ trì, C phối hợp" — the one who acts, not the one who oversees. <paramref name="from"/> is where A ends.
    /// </summary>
    /// <param name="leading">Only when the directed unit is then said to lead ("A chỉ đạo B chủ trì …"): in a later sentence,
    /// "Đảng ủy chỉ đạo Đoàn Thanh niên ra quân …" describes the work, it does not reassign it.</param>
    private static Assignment? Directed(string s, int from, bool leading = false)
    {
        var after = s[from..].TrimStart(' ', ',');
        var offset = s.Length - after.Length;
        var directs = DirectsRegex().Match(after);
        if (directs.Success)
        {
            var directed = TakeAll(s, offset + directs.Length, out var end);
            if (directed.Count > 0 && (!leading || s[end..].TrimStart(' ', ',').StartsWith("chủ trì", StringComparison.Ordinal))) return WithSupport(directed, s, end);
        }
        var oversees = OverseesRegex().Match(after);
        if (oversees.Success)
        {
            // "A chỉ đạo, B chủ trì …", "A trực tiếp chỉ đạo, B tổ chức thực hiện": B leads.
            var leads = TakeAll(s, offset + oversees.Length, out var end);
            if (leads.Count > 0 && OverseenLeadsRegex().IsMatch(s[end..].TrimStart(' ', ','))) return WithSupport(leads, s, end);
        }
        return null;
    }

    /// <summary>Verbs that hand a task to whoever is named before them when they open a later sentence or clause.</summary>
    private static readonly string[] AssigningVerbs = ["chủ trì", "tham mưu", "chịu trách nhiệm", "có trách nhiệm", "thực hiện"];

    /// <summary>
    /// A later sentence or clause that says who does the item: "Phòng VH-XH chủ trì, phối hợp với …", "VP HĐND-UBND tham
    /// mưu, hoàn thành …", "Chủ tịch UBND xã chỉ đạo, VP HĐND-UBND chủ trì, Phòng VH-XH phối hợp", "Trách nhiệm thực hiện
    /// thuộc VP HĐND-UBND". Only verbs that assign work count here: a later "Công an xã cảnh báo …" is part of the task.
    /// </summary>
    public static Assignment? AssigningActor(string piece)
    {
        var s = piece.TrimStart();
        var duty = DutyRegex().Match(s);
        if (duty.Success)
        {
            var units = TakeAll(s, duty.Length, out _);
            return units.Count > 0 ? new Assignment(units, []) : null;
        }
        var actors = TakeAll(s, 0, out var actorEnd);
        if (actors.Count == 0) return null;
        if (Directed(s, actorEnd, leading: true) is { } directed) return directed;
        var after = s[actorEnd..].TrimStart(' ', ',');
        foreach (var verb in AssigningVerbs)
            if (after.StartsWith(verb, StringComparison.Ordinal)) return WithSupport(actors, s, actorEnd);
        // "Phòng VH-XH phối hợp với Đoàn Thanh niên triển khai thường xuyên": the first unit does the work with the second.
        if (WorksWithRegex().Match(after) is { Success: true } with)
        {
            var helpers = TakeAll(s, s.Length - after.Length + with.Length, out var helpersEnd);
            if (helpers.Count > 0 && DoesWorkRegex().IsMatch(s[helpersEnd..].TrimStart(' ', ','))) return new Assignment(actors, helpers);
        }
        return null;
    }

    [GeneratedRegex(@"^phối hợp\s+(?:với|cùng)\s+")]
    private static partial Regex WorksWithRegex();

    [GeneratedRegex(@"^(?:tổ chức\s+)?(?:thực hiện|triển khai)\b")]
    private static partial Regex DoesWorkRegex();

    private static Assignment WithSupport(List<string> lead, string text, int from)
    {
        var rest = text[from..];
        var m = PhoiHopNearRegex().Match(rest);
        if (!m.Success)
        {
            // "X chủ trì, Y (và Z) phối hợp": the units named before "phối hợp" support.
            var named = LeadThenOthersRegex().Match(rest);
            if (!named.Success) return new Assignment(lead, []);
            var others = TakeAll(rest, named.Length, out var end);
            if (others.Count == 0) return new Assignment(lead, []);
            if (rest[end..].TrimStart(' ', ',').StartsWith("phối hợp", StringComparison.Ordinal)) return new Assignment(lead, others);
            // "X chủ trì; các đơn vị có hồ sơ lưu trữ phối hợp": the clause names who supports and says which ones.
            return DescribedSupportRegex().Match(rest, named.Length) is { Success: true } described
                ? new Assignment(lead, [described.Groups["u"].Value]) : new Assignment(lead, []);
        }
        var support = TakeAll(rest, m.Index + m.Length, out _);
        return new Assignment(lead, support);
    }

    /// <summary>"Phòng Văn hoá - Xã hội hoàn thành trong Quý I/2026": a unit right before "hoàn thành trong/trước".</summary>
    public static string? UnitBeforeCompletion(string text)
    {
        foreach (Match m in CompletionRegex().Matches(text))
        {
            var before = text[..m.Index].TrimEnd();
            // "… cho các cơ quan, đơn vị; hoàn thành trước …": a unit closed off by punctuation is not who completes.
            if (before.Length == 0 || before[^1] is ';' or ',' or '.' or ':') continue;
            var cut = Math.Max(Math.Max(before.LastIndexOf(". ", StringComparison.Ordinal), before.LastIndexOf("; ", StringComparison.Ordinal)), before.LastIndexOf(", ", StringComparison.Ordinal));
            var fragment = (cut >= 0 ? before[(cut + 2)..] : before).Trim();
            if (fragment.Length == 0 || fragment.Split(' ').Length > 12) continue;
            var unit = Take(fragment, 0, out var end);
            if (unit is not null && end >= fragment.Length - 1) return unit;
        }
        return null;
    }

    [GeneratedRegex(@"[;]|\.\s+(?=\p{Lu})|\.$")]
    private static partial Regex SentenceSplitRegex();

    [GeneratedRegex(@"\s*,?\s*\bchủ trì\b\s*,?\s*")]
    private static partial Regex ChuTriRegex();

    [GeneratedRegex(@"\bphối hợp(?:\s+(?:với|cùng))?\s*")]
    private static partial Regex PhoiHopRegex();

    /// <summary>", phối hợp với Y", "chủ trì, phối hợp Y", "chủ trì; phối hợp: Y".</summary>
    [GeneratedRegex(@"^\s*(?:,\s*)?(?:chủ trì\s*[,;]?\s*)?phối hợp(?:\s*:|\s+(?:với|cùng))?\s+")]
    private static partial Regex PhoiHopNearRegex();

    [GeneratedRegex(@"\s+(?:thực hiện|triển khai|tổ chức thực hiện)\s*$")]
    private static partial Regex TrailingVerbRegex();

    [GeneratedRegex(@"\s+(?:chỉ đạo|thực hiện|triển khai|có trách nhiệm|chịu trách nhiệm|tổ chức thực hiện)\b")]
    private static partial Regex HeadingVerbRegex();

    [GeneratedRegex(@"^(?:Chỉ đạo|Giao(?: cho)?|Đề nghị|Yêu cầu)\s+")]
    private static partial Regex DelegateRegex();

    [GeneratedRegex(@"^(?:lãnh đạo\s*,\s*)?(?:chỉ đạo|giao(?: cho)?)\s+")]
    private static partial Regex DirectsRegex();

    [GeneratedRegex(@"^(?:trực tiếp\s+)?(?:lãnh đạo\s*,\s*)?chỉ đạo\s*,\s*")]
    private static partial Regex OverseesRegex();

    /// <summary>What the unit named after an overseer does when it is the one who leads: "chủ trì", "(tổ chức) thực hiện".</summary>
    [GeneratedRegex(@"^(?:chủ trì|(?:tổ chức\s+|triển khai\s+)?thực hiện)\b")]
    private static partial Regex OverseenLeadsRegex();

    /// <summary>"X chủ trì, Y phối hợp", "X chủ trì; Y, Z phối hợp": the units after it support when "phối hợp" follows them.</summary>
    [GeneratedRegex(@"^\s*(?:chủ trì)?\s*[,;]\s*")]
    private static partial Regex LeadThenOthersRegex();

    /// <summary>A whole clause ending in "phối hợp": "các đơn vị được giao theo dõi chỉ tiêu phối hợp".</summary>
    [GeneratedRegex(@"\G(?<u>[^;:()]{3,80}?)\s+phối hợp(?:\s+thực hiện)?\s*(?=[;)]|\.?\s*$)")]
    private static partial Regex DescribedSupportRegex();

    [GeneratedRegex(@"^(?:Trách nhiệm|Trách nhiệm thực hiện|Trách nhiệm chủ trì)\s+(?:thuộc(?:\s+về)?|giao cho)\s+")]
    private static partial Regex DutyRegex();

    /// <summary>"(VP HĐND-UBND)", "(CA xã)", "(Sở KH&amp;CN)": a short form in parentheses, with a word of two capitals or more.</summary>
    [GeneratedRegex(@"\G\(\s*(?=[^()]{0,24}\b\p{Lu}{2,})[\p{Lu}][^()]{0,24}?\s*\)")]
    private static partial Regex AbbreviationRegex();

    [GeneratedRegex(@"\bhoàn thành\s+(?:trong|trước|chậm nhất)\b")]
    private static partial Regex CompletionRegex();
}
