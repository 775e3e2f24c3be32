using Microsoft.AspNetCore.Identity;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Organisation;

namespace RoViec.Web.Features.Accounts;

/// <summary>What an administrator may change on an account: name, title, e-mail, roles and unit.</summary>
public sealed record AccountChanges(string FullName, string? Title, string? Email, IReadOnlyList<string> Roles, Guid? UnitId);

/// <summary>Changes an account's details and roles in one transaction, keeping every commune with an administrator.</summary>
public static class UpdateAccount
{
    public static async Task<IReadOnlyList<AdminError>> RunAsync(
        RoViecDbContext db, UserManager<AppUser> users, UserScope admin, AppUser user, AccountChanges input, TimeProvider clock, CancellationToken ct)
    {
        var errors = (await AccountRules.CheckAsync(db, admin, user.CommuneId, input.Roles, input.UnitId, user.UnitId, ct)).ToList();
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !input.Roles.Contains(Roles.Administrator)
            && await AccountRules.KeepsAnAdministratorAsync(db, admin, user, clock, ct) is { } last)
            errors.Add(last);
        if (errors.Count > 0) return errors;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.FullName = input.FullName;
        user.Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim();
        user.UnitId = input.UnitId;
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        // Setting the e-mail renews the security stamp (other sessions end): only when it really changes.
        var result = email == user.Email ? IdentityResult.Success : await users.SetEmailAsync(user, email);
        if (result.Succeeded) result = await users.UpdateAsync(user);
        var removed = current.Except(input.Roles, StringComparer.Ordinal).ToList();
        var added = input.Roles.Except(current, StringComparer.Ordinal).ToList();
        if (result.Succeeded && removed.Count > 0) result = await users.RemoveFromRolesAsync(user, removed);
        if (result.Succeeded && added.Count > 0) result = await users.AddToRolesAsync(user, added);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return IdentityRefusal.From(result);
        }
        await transaction.CommitAsync(ct);
        return [];
    }
}
