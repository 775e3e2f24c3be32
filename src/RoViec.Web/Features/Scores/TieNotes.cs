using System.Text.RegularExpressions;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Scores;

/// <summary>
/// A ranking row's tie note as the ranking page writes it. The note is stored in Vietnamese with the month's score
/// (<see cref="ScoreBreakdown.TieNote"/>), as <see cref="Domain.Scoring.Ranking"/> writes it for the official report;
/// the page recognises its three sentences here and writes them in its reader's language. A note it does not
/// recognise (an older wording) is shown as it was stored.
/// </summary>
public static partial class TieNotes
{
    public static Sentence Of(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (ByNameRegex().Match(note) is { Success: true } byName)
            return new Sentence("Bằng điểm với {0} theo mọi tiêu chí phụ; xếp theo tên đơn vị.", byName.Groups[1].Value);
        if (DecidedRegex().Match(note) is { Success: true } decided)
            return new Sentence("Bằng điểm với {0}; xếp sau vì {1}.", decided.Groups[1].Value, Why(decided.Groups[2].Value));
        if (SharedRegex().Match(note) is { Success: true } shared)
            return new Sentence("Đồng hạng với {0}.", shared.Groups[1].Value);
        return new Sentence("{0}", note);
    }

    // The reasons Ranking gives, each with its English entry; another reason is shown as it is.
    private static Sentence Why(string why) => why switch
    {
        "điểm phần kết quả thực hiện nhiệm vụ thấp hơn" => new Sentence("điểm phần kết quả thực hiện nhiệm vụ thấp hơn"),
        "gửi báo cáo muộn hơn" => new Sentence("gửi báo cáo muộn hơn"),
        "bị trừ nhiều điểm hơn" => new Sentence("bị trừ nhiều điểm hơn"),
        _ => new Sentence("{0}", why),
    };

    [GeneratedRegex(@"^Bằng điểm với (.+) theo mọi tiêu chí phụ; xếp theo tên đơn vị\.$", RegexOptions.Singleline)]
    private static partial Regex ByNameRegex();

    [GeneratedRegex(@"^Bằng điểm với (.+); xếp sau vì (.+)\.$", RegexOptions.Singleline)]
    private static partial Regex DecidedRegex();

    [GeneratedRegex(@"^Đồng hạng với (.+)\.$", RegexOptions.Singleline)]
    private static partial Regex SharedRegex();
}
