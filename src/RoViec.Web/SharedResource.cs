namespace RoViec.Web;

/// <summary>
/// Marker for the shared UI strings. The Vietnamese text is the key (the product speaks Vietnamese
/// first); Resources/SharedResource.en.resx translates it. A string without a translation shows in
/// Vietnamese, so a page is never broken by a missing entry.
/// </summary>
public sealed class SharedResource;
