using Microsoft.AspNetCore.Identity;

namespace RoViec.Data.Entities;

/// <summary>A person signing in; belongs to a unit of a commune (or to a province office).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? CommuneId { get; set; }
    public Guid? UnitId { get; set; }
    public string? FullName { get; set; }
}
