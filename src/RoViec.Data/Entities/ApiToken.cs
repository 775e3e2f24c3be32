namespace RoViec.Data.Entities;

/// <summary>
/// A personal API token for integrations; it acts as its owner with the owner's roles and scope.
/// Only a SHA-256 hash is stored; the token itself is shown once when it is created.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, shown in lists so the owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
