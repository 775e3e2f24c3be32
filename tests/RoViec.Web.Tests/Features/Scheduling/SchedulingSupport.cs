using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Features.Scheduling;

namespace RoViec.Web.Tests;

/// <summary>
/// A clock a test sets to a Vietnam date and hour (a FakeTimeProvider); the application reads "today" from it. Each
/// reading moves it on by a millisecond, as a real clock would have moved, so that two steps of a test are never
/// recorded at the same instant; it stays on its day unless the test moves it.
/// </summary>
public sealed class TestClock : Microsoft.Extensions.Time.Testing.FakeTimeProvider
{
    public TestClock(DateOnly vietnamDate, int hour = 9) : base(At(vietnamDate, hour)) => AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);

    /// <summary>Sets the clock to <paramref name="hour"/> o'clock of a Vietnam day (UTC+7), forward or back.</summary>
    public void Set(DateOnly vietnamDate, int hour = 9) => AdjustTime(At(vietnamDate, hour));

    /// <summary><paramref name="hour"/> o'clock of a Vietnam day, as a UTC instant.</summary>
    public static DateTimeOffset At(DateOnly vietnamDate, int hour) =>
        new(vietnamDate.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc).AddHours(-7), TimeSpan.Zero);
}

/// <summary>The application with a set clock and an SMTP sink, on SQLite or on its own PostgreSQL database, for the scheduling tests.</summary>
public sealed class SchedulingApp : IAsyncDisposable
{
    private readonly string? _postgres;

    private SchedulingApp(RoViecApp app, TestClock clock, SmtpSink sink, string? postgres)
    {
        App = app;
        Clock = clock;
        Sink = sink;
        _postgres = postgres;
    }

    public RoViecApp App { get; }
    public TestClock Clock { get; }
    public SmtpSink Sink { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private bool _ownCommittee;

    /// <param name="smtp">Whether the application is given the sink as its SMTP server.</param>
    public static SchedulingApp Create(string provider, DateOnly today, bool smtp = true)
    {
        var clock = new TestClock(today);
        var sink = new SmtpSink();
        var connection = provider == AppOn.Postgres ? NewPostgresDatabase() : null;
        var app = new RoViecApp { ConnectionString = connection, Clock = clock, Settings = smtp ? sink.Settings : new Dictionary<string, string>() };
        _ = app.Services;
        return new SchedulingApp(app, clock, sink, connection);
    }

    /// <summary>A connection string to a new database on the test PostgreSQL server (ROVIEC_TEST_PG), created by the first application on it.</summary>
    public static string NewPostgresDatabase()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ROVIEC_TEST_PG");
        if (string.IsNullOrEmpty(baseConnection))
            Assert.Fail("ROVIEC_TEST_PG is not set: run the tests through ./roviec test, which starts a throw-away PostgreSQL.");
        return new Npgsql.NpgsqlConnectionStringBuilder(baseConnection) { Database = $"roviec_web_{Guid.NewGuid():N}" }.ConnectionString;
    }

    /// <summary>Drops a test database once every application on it has stopped.</summary>
    public static async Task DropPostgresDatabaseAsync(string connection)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var builder = new DbContextOptionsBuilder<RoViecDbContext>();
        builder.UsePostgresDatabase(connection);
        var options = builder.Options;
        await using var db = new RoViecDbContext(options);
        await db.Database.EnsureDeletedAsync(CancellationToken.None);
    }

    /// <summary>One tick of the scheduled work, as the background service runs it.</summary>
    public Task<ScheduledWork.Outcome> TickAsync() => App.Services.GetRequiredService<ScheduledWork>().RunOnceAsync(Ct);

    /// <summary>Sets the clock to a day and runs one tick.</summary>
    public Task<ScheduledWork.Outcome> TickOnAsync(DateOnly day)
    {
        Clock.Set(day);
        return TickAsync();
    }

    /// <summary>The notices of one user, oldest first.</summary>
    public Task<List<Notification>> NoticesOfAsync(string userName) => App.WithDbAsync(async db =>
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == id).OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.Key).ToListAsync(Ct);
    });

    /// <summary>The notices of one user about reports (task alerts left out), oldest first.</summary>
    public async Task<List<Notification>> RemindersOfAsync(string userName) =>
        [.. (await NoticesOfAsync(userName)).Where(n => n.Kind != NoticeKinds.TaskAlert)];

    /// <summary>The demo plan's period of a month of 2026.</summary>
    public Task<ReportingPeriod> MonthAsync(int month) => App.WithDbAsync(db =>
        db.Periods.AsNoTracking().SingleAsync(p => p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == month, Ct));

    /// <summary>The report of the unit with this catalogue key in a month of 2026.</summary>
    public Task<UnitReport> ReportAsync(int month, string unitKey) => App.WithDbAsync(async db =>
    {
        var unit = await db.Units.Where(u => u.Key == unitKey).Select(u => u.Id).SingleAsync(Ct);
        return await (from r in db.Reports.AsNoTracking()
                      join p in db.Periods on r.PeriodId equals p.Id
                      where r.UnitId == unit && p.Kind == PeriodKinds.Monthly && p.Year == 2026 && p.Number == month
                      select r).SingleAsync(Ct);
    });

    /// <summary>Puts a unit's report of a month in a state, as the reports feature would.</summary>
    public Task SetReportStateAsync(int month, string unitKey, string state) => App.WithDbAsync(async db =>
    {
        var id = (await ReportAsync(month, unitKey)).Id;
        var report = await db.Reports.SingleAsync(r => r.Id == id, Ct);
        var now = Clock.GetUtcNow().UtcDateTime;
        report.State = state;
        if (state is ReportStates.Submitted or ReportStates.AwaitingApproval or ReportStates.Verified)
        {
            report.FirstSubmittedAtUtc ??= now;
            report.SubmittedAtUtc = now;
            report.SubmittedBy = "congan";
        }
        if (state == ReportStates.Returned)
        {
            report.ReturnedAtUtc = now;
            report.ReturnedBy = "thuongtruc";
            report.ReturnComment = "Thiếu số liệu chữ ký số";
        }
        report.Version = Guid.NewGuid();
        return await db.SaveChangesAsync(Ct);
    });

    /// <summary>Makes a demo account a steering committee member over a unit, with a title.</summary>
    /// <remarks>The first call removes the demo commune's own committee, so each test says exactly who is on it.</remarks>
    public Task SteeringMemberAsync(string userName, string title, params string[] unitKeys) => App.WithDbAsync(async db =>
    {
        if (!_ownCommittee)
        {
            await Arrange.ClearSteeringCommitteeAsync(db);
            _ownCommittee = true;
        }
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        var member = new SteeringMember
        {
            Id = Guid.NewGuid(),
            CommuneId = user.CommuneId!.Value,
            UserId = user.Id,
            FullName = user.FullName ?? userName,
            Title = title,
            Position = SteeringPositions.Member,
            Version = Guid.NewGuid(),
        };
        db.SteeringMembers.Add(member);
        foreach (var key in unitKeys)
        {
            var unit = await db.Units.Where(u => u.Key == key).Select(u => u.Id).SingleAsync(Ct);
            db.SteeringMemberUnits.Add(new SteeringMemberUnit { Id = Guid.NewGuid(), CommuneId = member.CommuneId, MemberId = member.Id, UnitId = unit });
        }
        return await db.SaveChangesAsync(Ct);
    });

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_postgres is not null) await DropPostgresDatabaseAsync(_postgres);
        await Sink.DisposeAsync();
    }
}
