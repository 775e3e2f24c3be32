using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>
/// How many SQL commands one report submission sends, from the caller's scope to the end of its follow-up (issue 17:
/// the database's work per submission is counted in round trips). A count, not a time: it holds on any machine.
/// </summary>
public sealed partial class SubmissionStatementsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The commands of a submission whose values were saved before (the form posts only its version), in the demo commune
    /// where the standing office is told: the caller's scope, the report with its lines, its surroundings, the indicators,
    /// the writes (one batch on PostgreSQL, three commands on SQLite), the approval withdrawn, the plan's line, the
    /// snapshots marked stale, the notices (the report, its people, then the notice itself: six) and the follow-up's mark
    /// removed. Before the reads were merged it was 26 on PostgreSQL and 28 on SQLite.
    /// </summary>
    [Theory]
    [InlineData(AppOn.Sqlite, 18)]
    [InlineData(AppOn.Postgres, 16)]
    public async Task A_submission_sends_at_most_this_many_commands(string provider, int most)
    {
        await using var on = AppOn.Create(provider);
        var app = on.App;
        var period = await app.OpenPeriodAsync();
        var reportId = await app.ReportIdAsync(period);
        using var reporter = await app.ClientAsync("congan");
        ReportsArrange.IsRedirectBack(await reporter.PostReportAsync(reportId, "Draft", await app.CompleteFieldsAsync(reportId)), reportId);
        var html = await reporter.GetStringAsync(new Uri($"/bao-cao/{reportId}", UriKind.Relative), Ct);
        var version = VersionRegex().Match(html).Groups[1].Value;
        string database;
        using (var scope = app.Services.CreateScope())
        {
            var connection = scope.ServiceProvider.GetRequiredService<RoViecDbContext>().Database.GetDbConnection();
            database = Key(connection);
        }

        var commands = new ConcurrentQueue<string>();
        using (Watch(database, commands))
        {
            var submitted = await reporter.PostTokenFormAsync(html, $"/bao-cao/{reportId}?handler=Submit", ("version", version));
            ReportsArrange.IsRedirectBack(submitted, reportId);
        }

        Assert.Equal(ReportStates.Submitted, (await app.ReportAsync(reportId)).State);
        Assert.True(commands.Count <= most, $"{commands.Count} commands:{Environment.NewLine}{string.Join(Environment.NewLine, commands.Select(c => c.Split('\n')[0]))}");
        // Every step still happens: the report is written, the follow-up marks its snapshots and clears its pending row.
        Assert.Contains(commands, c => c.Contains("UPDATE \"Reports\"", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("\"PeriodSnapshots\"", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("DELETE FROM \"PendingChanges\"", StringComparison.Ordinal));
    }

    private static string Key(DbConnection connection) => $"{connection.DataSource}|{connection.Database}";

    /// <summary>Collects the text of every command EF Core executes on this database until disposed.</summary>
    private static Unsubscribe Watch(string database, ConcurrentQueue<string> commands)
    {
        var subscriptions = new List<IDisposable>();
        var all = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            lock (subscriptions)
            {
                subscriptions.Add(listener.Subscribe(new Observer<KeyValuePair<string, object?>>(pair =>
                {
                    if (pair.Key == RelationalEventId.CommandExecuted.Name && pair.Value is CommandExecutedEventData executed
                        && executed.Command.Connection is { } connection && Key(connection) == database)
                        commands.Enqueue(executed.Command.CommandText.Trim());
                })));
            }
        }));
        return new Unsubscribe(() =>
        {
            all.Dispose();
            lock (subscriptions) subscriptions.ForEach(s => s.Dispose());
        });
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionRegex();
}
