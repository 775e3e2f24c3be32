namespace RoViec.Data.Entities;

/// <summary>An uploaded plan document waiting for review; becomes a Plan when the officer confirms it.</summary>
public sealed class PlanUpload : ICommuneOwned
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}
