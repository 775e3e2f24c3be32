namespace RoViec.Data.Entities;

/// <summary>One recorded change: who, when, what, before and after (JSON of the changed properties).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid? CommuneId { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    /// <summary>"create", "update" or "delete".</summary>
    public required string Action { get; set; }
    public string? Actor { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
