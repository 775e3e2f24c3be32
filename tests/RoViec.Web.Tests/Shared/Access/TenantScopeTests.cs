using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>A commune never sees another commune's plan or tasks.</summary>
public sealed partial class TenantScopeTests
{
    [Fact]
    public async Task User_of_another_commune_sees_neither_the_plan_nor_its_tasks()
    {
        await using var app = new RoViecApp();
        using var admin = await app.SignedInClientAsync();
        var list = await admin.GetStringAsync(new Uri("/?q=wi-fi", UriKind.Relative), TestContext.Current.CancellationToken);
        var taskUrl = new Uri(TaskLinkRegex().Match(list).Groups[1].Value, UriKind.Relative);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoViecDbContext>();
            var other = new Commune { Id = Guid.NewGuid(), Name = "Xuân Giang" };
            db.Communes.Add(other);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { Id = Guid.NewGuid(), UserName = "xuangiang", CommuneId = other.Id };
            Assert.True((await users.CreateAsync(user, "Ban-chi-dao-2026-an-toan")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.StandingOffice)).Succeeded);
        }
        using var outsider = app.CreateClient();
        (await RoViecApp.SignInAsync(outsider, "xuangiang", "Ban-chi-dao-2026-an-toan")).EnsureSuccessStatusCode();

        var home = await outsider.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var task = await outsider.GetAsync(taskUrl, TestContext.Current.CancellationToken);
        var edit = await outsider.GetAsync(new Uri(taskUrl + "/sua", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Chưa có kế hoạch nào", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Diễn Châu", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [GeneratedRegex(@"href=""(/nhiem-vu/[0-9a-f-]+)""")]
    private static partial Regex TaskLinkRegex();
}
