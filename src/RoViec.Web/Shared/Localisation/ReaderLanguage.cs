using System.Globalization;

namespace RoViec.Web.Shared.Localisation;

/// <summary>
/// The language the current request is read in, as the toggle chose it (the request's UI culture): for texts that come
/// in both languages from elsewhere rather than from the resources, such as the importer's refusals.
/// </summary>
public static class ReaderLanguage
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
