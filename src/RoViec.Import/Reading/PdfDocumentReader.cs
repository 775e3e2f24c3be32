namespace RoViec.Import.Reading;

// Placeholder until the PDF reader lands.
internal sealed class PdfDocumentReader
{
    private readonly bool _placeholder = true;

    public static IReadOnlyList<RawBlock> ReadBlocks(byte[] bytes) => new PdfDocumentReader().Read(bytes);

    public IReadOnlyList<RawBlock> Read(byte[] bytes)
    {
        _ = bytes;
        if (_placeholder) throw new ImportRefusal(new ScannedPdf());
        return [];
    }
}
