using Microsoft.AspNetCore.Identity;

namespace RoViec.Data.Entities;

/// <summary>
/// A person signing in. Their scope: a province office user has only ProvinceId; a commune user has
/// CommuneId (and ProvinceId of that commune) and usually the unit they work in.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? ProvinceId { get; set; }
    public Guid? CommuneId { get; set; }
    public Guid? UnitId { get; set; }
    public string? FullName { get; set; }
    /// <summary>"Chức vụ" as written ("Phó Chủ tịch UBND xã").</summary>
    public string? Title { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
