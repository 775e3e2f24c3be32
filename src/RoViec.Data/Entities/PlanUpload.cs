namespace RoViec.Data.Entities;

/// <summary>An uploaded plan document waiting for review; becomes a Plan when the officer confirms it.</summary>
public sealed class PlanUpload : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public required string FileName { get; set; }
    /// <summary>The SHA-256 (hex) of the document's bytes, kept in the file store (<c>RoViec:Files:Path</c>) under that name.</summary>
    public string? ContentSha256 { get; set; }
    /// <summary>The bytes of a document uploaded before files left the database; <c>roviec migrate</c> moves them to the file store.</summary>
    public byte[]? Content { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}
