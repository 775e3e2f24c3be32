using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RoViec.Data.Entities;
using RoViec.Web.Features.Notifications;
using RoViec.Web.Features.Scheduling;

namespace RoViec.Web.Tests;

/// <summary>
/// Two instances of the application on one PostgreSQL database, each with its scheduler on a one-second tick
/// and the same clock, as behind a load balancer: the period opens once, every reminder is given once and
/// every mail reaches the SMTP server once; when the instance doing the work stops, the other takes over.
/// </summary>
public sealed class SchedulingTwoInstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly March(int day) => new(2026, 3, day);

    [Fact]
    public async Task Two_instances_open_the_period_once_give_each_reminder_once_and_send_each_mail_once()
    {
        var connection = SchedulingApp.NewPostgresDatabase();
        var clock = new TestClock(March(16));
        await using var sink = new SmtpSink();
        var settings = new Dictionary<string, string>(sink.Settings) { ["RoViec:Scheduler:IntervalSeconds"] = "1" };
        RoViecApp? first = null, second = null;
        try
        {
            // The second starts once the first has migrated and seeded the database, as a rolling start does.
            first = new RoViecApp { ConnectionString = connection, Clock = clock, Scheduler = true, Settings = settings };
            _ = first.Services;
            second = new RoViecApp { ConnectionString = connection, Clock = clock, Scheduler = true, Settings = settings };
            _ = second.Services;
            var commune = await first.CommuneIdAsync("Diễn Châu");
            await first.UserAsync("ubndbaocao", Roles.UnitReporter, commune, unitId: await first.UnitIdAsync("ubnd"));
            await first.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.UserName == "ubndbaocao", Ct);
                user.Email = "ubndbaocao@roviec.local";
                return await db.SaveChangesAsync(Ct);
            });
            await first.WithDbAsync(Arrange.ClearSteeringCommitteeAsync);
            var member = new SteeringMember
            {
                Id = Guid.NewGuid(),
                CommuneId = commune,
                UserId = await first.UserIdAsync("thanhvien"),
                FullName = "Hồ Văn Chỉ Đạo",
                Title = "Phó Chủ tịch UBND xã",
                Position = SteeringPositions.Member,
                Version = Guid.NewGuid(),
            };
            var police = await first.UnitIdAsync("cong-an");
            await first.WithDbAsync(db =>
            {
                db.SteeringMembers.Add(member);
                db.SteeringMemberUnits.Add(new SteeringMemberUnit { Id = Guid.NewGuid(), CommuneId = commune, MemberId = member.Id, UnitId = police });
                return db.SaveChangesAsync(Ct);
            });

            await WaitUntilAsync(first, db => db.Periods.AnyAsync(p => p.Number == 3 && p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Open, Ct));
            clock.Set(March(17));
            await WaitForMailsAsync(first, sink, ("congan", NoticeKinds.DueSoon), ("ubndbaocao", NoticeKinds.DueSoon));
            clock.Set(March(20));
            await WaitForMailsAsync(first, sink, ("congan", NoticeKinds.DueToday), ("ubndbaocao", NoticeKinds.DueToday));
            clock.Set(March(22));
            await WaitForMailsAsync(first, sink, ("congan", NoticeKinds.Late), ("ubndbaocao", NoticeKinds.Late),
                ("truongcongan", NoticeKinds.Escalation), ("thanhvien", NoticeKinds.Escalation));
            // More ticks of both instances on the same day: nothing more may appear.
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);

            var holders = new[] { first, second }.Select(a => a.Services.GetRequiredService<ScheduledWork>().Holder).ToList();
            var (reports, units, notices, holder) = await first.WithDbAsync(async db =>
            {
                var march = await db.Periods.SingleAsync(p => p.Number == 3 && p.Kind == PeriodKinds.Monthly, Ct);
                var r = await db.Reports.Where(x => x.PeriodId == march.Id).Select(x => x.UnitId).ToListAsync(Ct);
                var n = await db.Notifications.AsNoTracking().Where(x => x.Kind != NoticeKinds.TaskAlert).ToListAsync(Ct);
                var h = await db.JobLeases.Where(l => l.Name == ScheduledWork.LeaseName).Select(l => l.Holder).SingleAsync(Ct);
                return (r, r.Distinct().Count(), n, h);
            });
            Assert.Equal(10, reports.Count);
            Assert.Equal(reports.Count, units);
            Assert.Contains(holder, holders);
            var expected = new (string User, string Kind)[]
            {
                ("congan", NoticeKinds.DueSoon), ("congan", NoticeKinds.DueToday), ("congan", NoticeKinds.Late),
                ("ubndbaocao", NoticeKinds.DueSoon), ("ubndbaocao", NoticeKinds.DueToday), ("ubndbaocao", NoticeKinds.Late),
                ("truongcongan", NoticeKinds.Escalation), ("thanhvien", NoticeKinds.Escalation),
            };
            var names = await first.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName!, Ct));
            Assert.Equal(expected.Order(), notices.Select(n => (names[n.UserId], n.Kind)).Order());
            Assert.All(notices, n => Assert.Equal(EmailStates.Sent, n.EmailState));
            Assert.All(notices, n => Assert.Equal(1, n.EmailAttempts));
            // Every mail once: one message per notice sent, none twice.
            var mails = sink.Messages.Select(m => (To: m.To.Single(), m.Message.Subject)).ToList();
            Assert.Equal(mails.Count, mails.Distinct().Count());
            var allSent = await first.WithDbAsync(db => db.Notifications.CountAsync(n => n.EmailState == EmailStates.Sent, Ct));
            Assert.Equal(allSent, mails.Count);
            foreach (var (user, kind) in expected)
                Assert.Single(mails, m => m.To == $"{user}@roviec.local" && m.Subject == notices.Single(n => names[n.UserId] == user && n.Kind == kind).Title);

            // The instance holding the lease stops (it gives the lease up); the other carries on.
            var (stopping, remaining) = holder == holders[0] ? (first, second) : (second, first);
            await stopping.DisposeAsync();
            clock.Set(March(23));
            await WaitUntilAsync(remaining, db => db.Periods.AnyAsync(p => p.Number == 3 && p.Kind == PeriodKinds.Monthly && p.State == PeriodStates.Closed, Ct));
            var newHolder = await remaining.WithDbAsync(db => db.JobLeases.Where(l => l.Name == ScheduledWork.LeaseName).Select(l => l.Holder).SingleAsync(Ct));
            Assert.Equal(remaining.Services.GetRequiredService<ScheduledWork>().Holder, newHolder);
        }
        finally
        {
            if (second is not null) await second.DisposeAsync();
            if (first is not null) await first.DisposeAsync();
            await SchedulingApp.DropPostgresDatabaseAsync(connection);
        }
    }

    private static async Task WaitUntilAsync(RoViecApp app, Func<Data.RoViecDbContext, Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await app.WithDbAsync(condition))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the scheduler did not do the expected work within 60 seconds");
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>Waits until each (user, kind) notice exists and its mail has gone out.</summary>
    private static Task WaitForMailsAsync(RoViecApp app, SmtpSink sink, params (string User, string Kind)[] notices) =>
        WaitUntilAsync(app, async db =>
        {
            foreach (var (user, kind) in notices)
            {
                var sent = await (from n in db.Notifications
                                  join u in db.Users on n.UserId equals u.Id
                                  where u.UserName == user && n.Kind == kind && n.EmailState == EmailStates.Sent
                                  select n.Title).ToListAsync(Ct);
                if (sent.Count == 0 || !sink.To($"{user}@roviec.local").Any(m => m.Message.Subject == sent[0])) return false;
            }
            return true;
        });
}
