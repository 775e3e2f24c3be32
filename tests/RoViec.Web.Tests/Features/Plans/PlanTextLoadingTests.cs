using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Plans;

namespace RoViec.Web.Tests;

/// <summary>
/// Issue 17: a plan's document text (tens of KB) is read only by those who ask for it. The home page and the scheduler
/// read the plan in force all the time; the SQL they send must not name the text's column.
/// </summary>
public sealed class PlanTextLoadingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_plan_in_force_is_read_without_its_document_text_which_is_read_only_when_asked_for()
    {
        await using var app = new RoViecApp();
        var communeId = await app.WithDbAsync(db => db.Plans.Where(p => p.Status == PlanStatuses.Active).Select(p => p.CommuneId).FirstAsync(Ct));
        var sql = new SqlLog();
        using var scope = app.Services.CreateScope();
        var options = new DbContextOptionsBuilder<RoViecDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<RoViecDbContext>>()).AddInterceptors(sql).Options;
        await using var db = new RoViecDbContext(options);

        var plan = await PlanQueries.ActivePlanAsync(db, communeId, Ct);

        Assert.NotNull(plan);
        Assert.Null(plan.Source);
        var read = Assert.Single(sql.Commands);
        Assert.Contains("\"Plans\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("SourceText", read, StringComparison.Ordinal);

        sql.Commands.Clear();
        var text = await PlanQueries.SourceTextAsync(db, plan.Id, Ct);
        Assert.True(text.Length > 1000);
        Assert.Contains("SourceText", Assert.Single(sql.Commands), StringComparison.Ordinal);
    }

    private sealed class SqlLog : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
