using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RoViec.Web.Shared.Localisation;

/// <summary>
/// A sentence built in code for a person to read (a to-do, a refusal): its Vietnamese format, which is also its key in
/// SharedResource.en.resx, and its arguments. <see cref="ToString"/> is the Vietnamese sentence (for logs, the API and
/// the command line, which speak Vietnamese); <see cref="In"/> writes it in the reader's language. An argument that is
/// itself a <see cref="Sentence"/> (a state's label, a number of days left) is translated too, a <see cref="PeriodName"/>
/// is named the reader's way; any other argument (a unit's name, a date already written dd/MM/yyyy) is data and shown
/// as it is. A plain string converts to a sentence without arguments, so a fixed message needs no ceremony.
/// </summary>
public sealed record Sentence(string Format, params IReadOnlyList<object?> Args)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static implicit operator Sentence(string text) => new(text);

    public static Sentence FromString(string text) => new(text);

    /// <summary>The sentence in the reader's language: the English entry of its format when the toggle is English.</summary>
    public string In(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (Args.Count == 0) return localizer[Format];
        return localizer[Format, [.. Args.Select(a => Shown(a, localizer) ?? "")]];
    }

    /// <summary>The Vietnamese sentence.</summary>
    public override string ToString() =>
        Args.Count == 0 ? Format : string.Format(Vietnamese, Format, [.. Args.Select(a => a switch { PeriodName p => p.Label, Sentence s => s.ToString(), _ => a })]);

    private static object? Shown(object? argument, IStringLocalizer localizer) => argument switch
    {
        Sentence s => s.In(localizer),
        PeriodName p => p.Shown(),
        _ => argument,
    };
}
