using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.Organisation;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Accounts;

/// <summary>A new account as the administrator fills it in; no commune means a province-level account.</summary>
public sealed record NewAccount(
    string UserName, string FullName, string? Title, string? Email,
    IReadOnlyList<string> Roles, Guid? CommuneId, Guid? UnitId);

/// <summary>The result of creating an account: the account (without a password yet: its person sets one through <see cref="SetPasswordLink"/>), or why not.</summary>
public abstract record CreateOutcome
{
    public sealed record Created(AppUser User) : CreateOutcome;

    public sealed record Refused(IReadOnlyList<AdminError> Errors) : CreateOutcome, IRefused
    {
        public Refusal Refusal => Refusal.BadRequest;
        public string Message => string.Join(" ", Errors.Select(e => e.Message));
    }
}

/// <summary>Creates an account with its roles in one transaction, without a password: nobody but its person ever knows one.</summary>
public static class CreateAccount
{
    public static async Task<CreateOutcome> RunAsync(RoViecDbContext db, UserManager<AppUser> users, UserScope admin, NewAccount input, TimeProvider clock, CancellationToken ct)
    {
        var errors = await AccountRules.CheckAsync(db, admin, input.CommuneId, input.Roles, input.UnitId, null, ct);
        if (errors.Count > 0) return new CreateOutcome.Refused(errors);
        var provinceId = input.CommuneId is { } communeId
            ? await db.Communes.Where(c => c.Id == communeId).Select(c => c.ProvinceId).FirstOrDefaultAsync(ct)
            : admin.ProvinceId;
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = input.UserName,
            FullName = input.FullName,
            Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            ProvinceId = provinceId,
            CommuneId = input.CommuneId,
            UnitId = input.UnitId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        // The account and its roles together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user);
        if (result.Succeeded) result = await users.AddToRolesAsync(user, input.Roles);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new CreateOutcome.Refused(IdentityRefusal.From(result));
        }
        await transaction.CommitAsync(ct);
        return new CreateOutcome.Created(user);
    }
}
