using DocumentFormat.OpenXml.Wordprocessing;
using RoViec.Data.Entities;
using RoViec.Documents.Word;

using Fmt = RoViec.Documents.Word.ParagraphFormat;

namespace RoViec.Web.Features.OfficialReports;

/// <summary>
/// The two blocks every report of ours opens and closes with, in the layout <see cref="MonthlyReportSettings.Kind"/> says
/// (Nghị định 30/2020/NĐ-CP or Hướng dẫn 36-HD/VPTW): the header table (the bodies and the number on the left; the national
/// title, the motto and the place and date on the right) and the closing table ("Nơi nhận" beside the signature block).
/// The commune's report and the province's both use them.
/// </summary>
public static class LayoutBlocks
{
    private static readonly int TextWidth = PageSetup.A4Vietnamese.TextWidth;

    /// <summary>The header as a borderless two-column table, dated at <paramref name="place"/>.</summary>
    public static Table Header(MonthlyReportSettings s, string place)
    {
        ArgumentNullException.ThrowIfNull(s);
        var party = s.Kind == LayoutKinds.Party;
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(s.UpperBody)) left.Add(P(s.UpperBody, new Fmt { Size = party ? 28 : 26, Align = JustificationValues.Center }));
        left.Add(P(s.Body, new Fmt { Size = party ? 28 : 26, Bold = true, Align = JustificationValues.Center }));
        // The Party's layout marks the end of the body's name with an asterisk; the State's with a short rule.
        left.Add(party ? P("*", new Fmt { Align = JustificationValues.Center }) : WordParts.ShortLine(3685, 1300));
        left.Add(P(LayoutProfiles.NumberLine(s.Kind, s.Number, s.Symbol), new Fmt { Size = party ? 28 : 26, Align = JustificationValues.Center, Before = party ? 0 : 120 }));

        var right = party
            ? new List<Paragraph>
            {
                P("ĐẢNG CỘNG SẢN VIỆT NAM", new Fmt { Size = 30, Bold = true, Underline = true, Align = JustificationValues.Center }),
                P(Figures.MonthlyReportQuery.DateLine(place, s.Date), new Fmt { Italic = true, Align = JustificationValues.Center, Before = 480 }),
            }
            : new List<Paragraph>
            {
                P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new Fmt { Size = 24, Bold = true, Align = JustificationValues.Center }),
                P("Độc lập - Tự do - Hạnh phúc", new Fmt { Size = 26, Bold = true, Underline = true, Align = JustificationValues.Center }),
                P(Figures.MonthlyReportQuery.DateLine(place, s.Date), new Fmt { Italic = true, Align = JustificationValues.Center, Before = 360 }),
            };
        return WordParts.Borderless([party ? 4300 : 3685, TextWidth - (party ? 4300 : 3685)], [left, right]);
    }

    /// <summary>
    /// "Nơi nhận" beside the signature block: "Nơi nhận:" 12 pt bold italic with the list in 11 pt (Nghị định 30); 14 pt
    /// underlined with the list in 12 pt (Hướng dẫn 36); the authority, the title, room to sign, the signer's name.
    /// </summary>
    public static Table Closing(MonthlyReportSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var party = s.Kind == LayoutKinds.Party;
        var left = new List<Paragraph>
        {
            party
                ? P("Nơi nhận:", new Fmt { Underline = true, Before = 240 })
                : P("Nơi nhận:", new Fmt { Size = 24, Bold = true, Italic = true, Before = 240 }),
        };
        left.AddRange(s.Recipients.Select(r => P("- " + r, new Fmt { Size = party ? 24 : 22 })));
        var right = new List<Paragraph>
        {
            P(s.Authority, new Fmt { Bold = true, Align = JustificationValues.Center, Before = 240 }),
            P(s.SignerTitle, new Fmt { Bold = true, Align = JustificationValues.Center }),
        };
        for (var i = 0; i < 4; i++) right.Add(P("", new Fmt { Align = JustificationValues.Center }));
        right.Add(P(s.SignerName ?? "", new Fmt { Bold = true, Align = JustificationValues.Center, Before = 240 }));
        return WordParts.Borderless([4300, TextWidth - 4300], [left, right], cantSplit: true);
    }

    private static Paragraph P(string text, Fmt f) => WordParts.Paragraph(text, f);
}
