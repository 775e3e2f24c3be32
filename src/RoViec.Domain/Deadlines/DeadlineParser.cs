using System.Text.RegularExpressions;
using RoViec.Domain.Text;

namespace RoViec.Domain.Deadlines;

/// <summary>
/// Reads the deadline cell of a plan ("Quý II/2026", "Trước ngày 30/4/2026", "Thường xuyên",
/// "Theo kế hoạch của tỉnh", "Đã thực hiện", "- Phê duyệt: Tháng 01/2026 - Thực hiện 2026 ...").
/// Dates are the last day of the period named; a missing year is the plan's year. See README.md.
/// </summary>
public static partial class DeadlineParser
{
    public static Deadline Parse(string? raw, int planYear)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Deadline.None;
        var text = VietnameseFolding.StripMarks(VietnameseText.Squash(raw.Replace("*", "", StringComparison.Ordinal)));

        // A cell is read as steps only when it is written as steps: a bulleted list
        // ("- Phê duyệt: ... - Thực hiện ...") or at least two "label: period" parts.
        // "Tháng 11 - 12/2026" is one span of months, not two steps.
        var steps = SplitSteps(raw);
        if (steps.Count >= 2 && (BulletStartRegex().IsMatch(raw) || steps.Count(s => s.Labelled) >= 2))
        {
            var milestones = new List<Milestone>();
            foreach (var (label, body, _) in steps)
            {
                var one = ParseSingle(VietnameseFolding.StripMarks(body), planYear);
                if (one.Kind == DeadlineKind.Done) milestones.Add(new Milestone(label, null, Done: true));
                else if (one.Due is not null) milestones.Add(new Milestone(label, one.Due));
            }
            // "Kế hoạch: Tháng 2/2026; cử đi học: theo kế hoạch của tỉnh": labelled steps stay steps when only one of them is
            // dated; the undated one is left out.
            if (milestones.Any(m => m.Due is not null) && (milestones.Count >= 2 || steps.Count(s => s.Labelled) >= 2))
                return new Deadline(DeadlineKind.Milestones, null, milestones);
        }
        if (DatedSteps(VietnameseText.Squash(raw), planYear) is { } dated) return dated;
        if (ListedPeriods(VietnameseText.Squash(raw), planYear) is { } listed) return listed;
        // "Năm 2026 và các năm tiếp theo": a time that carries on into the years after it has no end. As one step of several
        // ("- Phê duyệt: Tháng 01/2026 - Thực hiện 2026 và các năm tiếp theo") it is still dated by its year, above.
        if (OpenEndRegex().IsMatch(text)) return Deadline.Of(DeadlineKind.Recurring);
        return ParseSingle(text, planYear);
    }

    /// <summary>
    /// "Tháng 6/2026 và tháng 12/2026", "Quý II, Quý IV/2026", "Quý I/2026 (hướng dẫn); Quý IV/2026 (đánh giá)", "Trước
    /// 20/6/2026 và trước 15/12/2026": a cell that is
    /// only a list of two or more periods, each written in full, names steps. A dash joins a span ("Quý IV/2025 - Quý II/2026"),
    /// not a list; a period left without its year takes the year of the last one.
    /// </summary>
    private static Deadline? ListedPeriods(string written, int planYear)
    {
        written = written.Normalize(System.Text.NormalizationForm.FormC);
        var folded = VietnameseFolding.StripMarks(written);
        // Labels are cut from the text as written when folding kept every position, else from the folded text.
        var squashed = folded.Length == written.Length ? written : folded;
        var body = LeadingLabelRegex().Replace(folded, "");
        var offset = squashed.Length - body.Length;
        var list = PeriodListRegex().Match(body.TrimEnd('.', ' '));
        if (!list.Success) return null;
        var periods = list.Groups["p"].Captures;
        var years = YearRegex().Matches(periods[^1].Value);
        var lastYear = years.Count > 0 ? years[^1].Groups["y"].Value : null;
        var milestones = new List<Milestone>();
        var kinds = new List<DeadlineKind>();
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i].Value;
            if (lastYear is not null && YearRegex().Count(period) == 0) period += "/" + lastYear;
            var one = FindLatest(period, planYear);
            if (one?.Due is not { } due) return null;
            kinds.Add(one.Kind);
            var label = list.Groups["l"].Captures.FirstOrDefault(c => c.Index > periods[i].Index && (i + 1 == periods.Count || c.Index < periods[i + 1].Index));
            milestones.Add(new Milestone(label is null ? squashed.Substring(offset + periods[i].Index, periods[i].Length) : squashed.Substring(offset + label.Index, label.Length).Trim(), due));
        }
        // "Quý I, Quý II/2026", "Quý III và Quý IV/2026", "Tháng 5, tháng 6/2026": periods that follow one another without a
        // step's label are one span, due at its end, like "Quý I, II/2026"; "Quý II, Quý IV/2026" stays two steps.
        if (list.Groups["l"].Captures.Count == 0 && kinds.TrueForAll(k => k == kinds[0]) && kinds[0] is DeadlineKind.Quarter or DeadlineKind.Month
            && Touching(milestones, kinds[0] == DeadlineKind.Quarter ? 3 : 1))
            return Deadline.Of(kinds[0], milestones[^1].Due);
        return new Deadline(DeadlineKind.Milestones, null, milestones);
    }

    /// <summary>
    /// "rà soát xong trước ngày 30/4/2026; hoàn thành cập nhật, đồng bộ dữ liệu trong Quý III/2026", "công khai dự toán trong
    /// Quý I/2026, công khai quyết toán năm 2025 trong Quý II/2026": two or more pieces of work, each done "trước / trong /
    /// vào / chậm nhất" a period, are steps. The label is the work ("rà soát", "công khai quyết toán năm 2025" — a year
    /// inside the work is not a step), without "hoàn thành" before it or "xong" after it.
    /// </summary>
    private static Deadline? DatedSteps(string written, int planYear)
    {
        written = written.Normalize(System.Text.NormalizationForm.FormC);
        var folded = VietnameseFolding.StripMarks(written);
        if (folded.Length != written.Length) return null;
        var body = LeadingLabelRegex().Replace(folded, "");
        var offset = folded.Length - body.Length;
        var steps = DatedStepsRegex().Match(body.TrimEnd('.', ' ', ';'));
        if (!steps.Success) return null;
        var labels = steps.Groups["l"].Captures;
        var periods = steps.Groups["p"].Captures;
        var milestones = new List<Milestone>();
        for (var i = 0; i < periods.Count; i++)
        {
            var due = FindLatest(periods[i].Value, planYear)?.Due;
            if (due is null) return null;
            var label = written.Substring(offset + labels[i].Index, labels[i].Length).Trim(' ', ',', ';');
            var bare = StepWorkRegex().Replace(label, "");
            milestones.Add(new Milestone(bare.Length > 0 ? bare : label, due));
        }
        return new Deadline(DeadlineKind.Milestones, null, milestones);
    }

    /// <summary>Each period ends <paramref name="months"/> months after the one before it.</summary>
    private static bool Touching(List<Milestone> periods, int months)
    {
        for (var i = 1; i < periods.Count; i++)
        {
            var (a, b) = (periods[i - 1].Due!.Value, periods[i].Due!.Value);
            if ((b.Year * 12 + b.Month) - (a.Year * 12 + a.Month) != months) return false;
        }
        return true;
    }

    internal static Deadline ParseSingle(string text, int planYear)
    {
        // "Thời gian: Từ năm 2026", "Thời gian hoàn thành: Đã hoàn thành": the label does not change what the period says.
        text = LeadingLabelRegex().Replace(text, "");
        // "Từ năm 2026", "Từ Quý II/2026 trở đi": a start without an end is ongoing work, not due at its first period.
        if (OpenStartRegex().IsMatch(text)) return Deadline.Of(DeadlineKind.Recurring);
        var latest = FindLatest(text, planYear);
        if (latest is not null) return latest;
        if (DoneRegex().IsMatch(text)) return Deadline.Of(DeadlineKind.Done);
        if (RecurringRegex().IsMatch(text)) return Deadline.Of(DeadlineKind.Recurring);
        if (ExternalRegex().IsMatch(text)) return Deadline.Of(DeadlineKind.External);
        return Deadline.None;
    }

    /// <summary>The latest concrete period named in the text, or null when none is named.</summary>
    private static Deadline? FindLatest(string text, int planYear)
    {
        // Recurring wins over dates inside it: "trước ngày 15 hàng tháng" is a rhythm, not a date.
        if (RecurringRegex().IsMatch(text) && !FullDateRegex().IsMatch(text) && !QuarterRegex().IsMatch(text))
            return null;
        Deadline? best = null;
        void Consider(DeadlineKind kind, DateOnly? due)
        {
            if (due is null) return;
            if (best is null || due > best.Due) best = Deadline.Of(kind, due);
        }

        var consumed = new bool[text.Length];
        foreach (Match m in FullDateRegex().Matches(text))
        {
            Consider(DeadlineKind.Date, SafeDate(Int(m.Groups["y"].Value), Int(m.Groups["m"].Value), Int(m.Groups["d"].Value)));
            Mark(consumed, m);
        }
        foreach (Match m in WordDateRegex().Matches(text))
        {
            if (IsConsumed(consumed, m)) continue;
            var year = m.Groups["y"].Success ? Int(m.Groups["y"].Value) : planYear;
            Consider(DeadlineKind.Date, SafeDate(year, Int(m.Groups["m"].Value), Int(m.Groups["d"].Value)));
            Mark(consumed, m);
        }
        // "Quý I-II/2026": the span ends with its last quarter.
        foreach (Match m in QuarterRangeRegex().Matches(text))
        {
            var q = Roman(m.Groups["q"].Value);
            if (q is >= 1 and <= 4) Consider(DeadlineKind.Quarter, EndOfMonth(Int(m.Groups["y"].Value), q * 3));
            Mark(consumed, m);
        }
        foreach (Match m in QuarterRegex().Matches(text))
        {
            if (IsConsumed(consumed, m)) continue;
            var q = Roman(m.Groups["q"].Value);
            var year = m.Groups["y"].Success ? Int(m.Groups["y"].Value) : planYear;
            if (q is >= 1 and <= 4) Consider(DeadlineKind.Quarter, EndOfMonth(year, q * 3));
            Mark(consumed, m);
        }
        foreach (Match m in HalfYearRegex().Matches(text))
        {
            if (IsConsumed(consumed, m)) continue;
            var year = m.Groups["y"].Success ? Int(m.Groups["y"].Value) : planYear;
            var month = m.Groups["part"].Value == "dau" ? Int(m.Groups["n"].Value) : 12;
            // "6 tháng đầu năm 2026" is the same period as "Quý I-II/2026": it ends with a quarter.
            Consider(month % 3 == 0 ? DeadlineKind.Quarter : DeadlineKind.Month, EndOfMonth(year, month));
            Mark(consumed, m);
        }
        foreach (Match m in MonthRegex().Matches(text))
        {
            if (IsConsumed(consumed, m)) continue;
            var year = m.Groups["y"].Success ? Int(m.Groups["y"].Value) : planYear;
            var month = Int(m.Groups["m2"].Success ? m.Groups["m2"].Value : m.Groups["m"].Value);
            Consider(DeadlineKind.Month, EndOfMonth(year, month));
            Mark(consumed, m);
        }
        foreach (Match m in ShortDateRegex().Matches(text))
        {
            if (IsConsumed(consumed, m)) continue;
            Consider(DeadlineKind.Date, SafeDate(planYear, Int(m.Groups["m"].Value), Int(m.Groups["d"].Value)));
            Mark(consumed, m);
        }
        foreach (Match m in YearRegex().Matches(text))
        {
            if (IsConsumed(consumed, m)) continue;
            Consider(DeadlineKind.Year, SafeDate(Int(m.Groups["y"].Value), 12, 31));
        }
        return best;
    }

    /// <summary>Splits "- Phê duyệt: Tháng 01/2026 - Thực hiện 2026" or "X: A. Y: B." into labelled steps.</summary>
    private static List<(string Label, string Body, bool Labelled)> SplitSteps(string raw)
    {
        var parts = StepSplitRegex().Split(raw.Trim().TrimStart('-', '–', ' '))
            .Select(p => p.Trim().Trim('.', ';', ' '))
            .Where(p => p.Length > 0)
            .ToList();
        var steps = new List<(string, string, bool)>();
        foreach (var part in parts)
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var label = StepLabelPrefixRegex().Replace(part[..colon].Trim(), "").Trim();
                steps.Add((label, part[(colon + 1)..].Trim(), true));
            }
            else
            {
                var firstDigit = part.AsSpan().IndexOfAnyInRange('0', '9');
                var label = firstDigit > 0 ? part[..firstDigit].Trim() : part;
                steps.Add((label, part, false));
            }
        }
        return steps;
    }

    private static void Mark(bool[] consumed, Match m)
    {
        for (var i = m.Index; i < m.Index + m.Length && i < consumed.Length; i++) consumed[i] = true;
    }

    private static bool IsConsumed(bool[] consumed, Match m) => consumed[m.Index] || consumed[m.Index + m.Length - 1];

    private static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static int Roman(string s) => s switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => 0,
    };

    private static DateOnly? SafeDate(int year, int month, int day)
    {
        if (year < 1900 || year > 2200 || month is < 1 or > 12 || day < 1) return null;
        return day > DateTime.DaysInMonth(year, month) ? null : new DateOnly(year, month, day);
    }

    private static DateOnly? EndOfMonth(int year, int month) =>
        month is < 1 or > 12 || year < 1900 || year > 2200 ? null : new DateOnly(year, month, DateTime.DaysInMonth(year, month));

    // Both separators must be the same: "Tháng 11 - 12/2026" is a span of months, not 11 December.
    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*(?<sep>[/.\-])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<y>\d{4})(?!\d)")]
    private static partial Regex FullDateRegex();

    [GeneratedRegex(@"ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})(?:\s+nam\s+(?<y>\d{4}))?")]
    private static partial Regex WordDateRegex();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})/(?<m>\d{1,2})(?![\d/])")]
    private static partial Regex ShortDateRegex();

    // Any roman numeral or digit is taken, so that "Quý V/2026" is consumed as an impossible
    // quarter rather than left for the year rule to read as "2026".
    [GeneratedRegex(@"(?<![a-z])qu[yi]\s*(?<q>[ivx]+|\d)\b(?:\s*(?:[/,\-]|\s)\s*(?:nam\s*)?(?<y>\d{4}))?")]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"(?<n>\d{1,2})\s+thang\s+(?<part>dau|cuoi)\s+nam(?:\s*(?<y>\d{4}))?")]
    private static partial Regex HalfYearRegex();

    [GeneratedRegex(@"thang\s*(?<m>\d{1,2})(?:\s*[-–]\s*(?<m2>\d{1,2}))?(?:\s*(?:[/,\-]|\s)\s*(?:nam\s*)?(?<y>\d{4}))?")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"(?<!\d)(?<y>20\d{2})(?!\d)")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"thuong xuyen|hang (?:thang|qu[yi]|nam|tuan|ngay)|moi (?:thang|qu[yi])|dinh ky|lien tuc")]
    private static partial Regex RecurringRegex();

    [GeneratedRegex(@"^\W*tu\s+(?:nam|qu[yi]|thang)\b(?!.*(?:\bden\b|[-–]\s*(?:qu[yi]\s*|thang\s*|nam\s*)?[ivx\d]))")]
    private static partial Regex OpenStartRegex();

    [GeneratedRegex(@"\b(?:va|den|cho)\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|sau|ke tiep)\b")]
    private static partial Regex OpenEndRegex();

    [GeneratedRegex(@"^\W*(?:thoi gian|thoi han|tien do)(?:\s+(?:hoan thanh|thuc hien))?\s*:\s*")]
    private static partial Regex LeadingLabelRegex();

    [GeneratedRegex(@"^\W*(?:da (?:thuc hien|hoan thanh|trien khai|ban hanh))")]
    private static partial Regex DoneRegex();

    [GeneratedRegex(@"theo (?:ke hoach|tien do|yeu cau|lo trinh|chi dao|huong dan|quy dinh|thong bao|van ban)|sau khi\b|khi (?:co|duoc)\b|tuy (?:theo|thuoc)\b")]
    private static partial Regex ExternalRegex();

    [GeneratedRegex(@"(?<![a-z])qu[yi]\s*(?:[ivx]+|\d)\s*[-–,]\s*(?:qu[yi]\s*)?(?<q>[ivx]+|\d)\s*(?:[/,]|\s)\s*(?:nam\s*)?(?<y>\d{4})")]
    private static partial Regex QuarterRangeRegex();

    [GeneratedRegex(@"(?:^|\s)[-–+]\s+|(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])|;\s*")]
    private static partial Regex StepSplitRegex();

    // One period written in full ("quy ii/2026", "thang 6/2026", "30/6/2026", "quy ii"), perhaps after "trước (ngày)" ("Trước
    // 20/6/2026 và trước 15/12/2026"), an optional "(label)", then a list separator that is not a dash.
    [GeneratedRegex(@"^(?:(?:(?:truoc|cham nhat|vao|trong)\s+)?(?:ngay\s+)?(?<p>(?:qu[yi]\s*[ivx]+|thang\s*\d{1,2}|\d{1,2}/\d{1,2})(?:\s*/\s*(?:nam\s*)?\d{4})?)(?:\s*\((?<l>[^()]{1,60})\))?\s*(?:,|;|\bva\b|$)\s*){2,}$")]
    private static partial Regex PeriodListRegex();

    // Two or more "<work> trước/trong/vào/chậm nhất <period>" pieces joined by ",", ";" or "và", on the folded text. The work
    // starts with a letter and is at most ten words; a period ends each piece.
    [GeneratedRegex(@"^(?:(?<l>[a-z](?:[^\s;]*)(?:\s+[^\s;]+){0,9}?)\s+(?:truoc ngay|truoc|trong|vao|cham nhat)\s+(?<p>qu[yi]\s*[ivx]+(?:\s*/\s*(?:nam\s*)?\d{4}|\s+nam\s+\d{4})|(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|thang\s*\d{1,2}(?:\s*/\s*\d{4}|\s+nam\s+\d{4})|nam\s+\d{4})\s*(?:[,;]\s*|\s+va\s+|$)){2,}$")]
    private static partial Regex DatedStepsRegex();

    [GeneratedRegex(@"^(?:hoàn thành|thực hiện)\s+|\s+xong$", RegexOptions.IgnoreCase)]
    private static partial Regex StepWorkRegex();

    [GeneratedRegex(@"^\s*[-–+•]")]
    private static partial Regex BulletStartRegex();

    [GeneratedRegex(@"^(?:Thời gian|Thời hạn)\s+(?:hoàn thành\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex StepLabelPrefixRegex();
}
