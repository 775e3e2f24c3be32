using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using RoViec.Data.Entities;

namespace RoViec.Web.Features.Demo;

/// <summary>The commune of the signed-in user: every query of commune data is scoped by it.</summary>
public sealed class CurrentCommune(UserManager<AppUser> users)
{
    private Guid? _communeId;
    private bool _loaded;

    public async Task<Guid?> IdAsync(ClaimsPrincipal principal)
    {
        if (_loaded) return _communeId;
        _communeId = (await users.GetUserAsync(principal))?.CommuneId;
        _loaded = true;
        return _communeId;
    }
}
