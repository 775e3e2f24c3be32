namespace RoViec.Web;

/// <summary>
/// Marker for the shared UI strings. The Vietnamese text is the key (the product speaks Vietnamese
/// first); SharedResource.en.resx beside it translates it. A string without a translation shows in
/// Vietnamese, so a page is never broken by a missing entry. The class stays in the root namespace: the resx is
/// embedded under this class's full name (the SDK's DependentUpon convention), which is the name the localizer asks for.
/// </summary>
public sealed class SharedResource;
