namespace RoViec.Import.Reading;

/// <summary>
/// Carries an ImportError out of the depths of a reader; PlanImporter turns it back into a value.
/// Readers are deep call chains over third-party parsers, where a value would have to be threaded
/// through every call.
/// </summary>
internal sealed class ImportRefusal(ImportError error) : Exception(error.English)
{
    public ImportError Error { get; } = error;
}
