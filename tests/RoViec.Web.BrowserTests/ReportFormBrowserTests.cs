using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Domain.Text;

namespace RoViec.Web.BrowserTests;

/// <summary>
/// The police reporter fills the monthly report in Chromium: the autosave keeps what is typed on the server
/// (a reload shows it), a percent of 140 is marked beside its field and not saved, the ratio is computed as
/// typed, and the report is submitted. The form fits a 390px phone. Screenshots of the form at phone and
/// desktop width are kept in the test output's "screenshots" folder.
/// </summary>
public sealed class ReportFormBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact(Timeout = 300_000)]
    public async Task Reporter_fills_the_form_the_draft_survives_a_reload_and_the_report_is_submitted()
    {
        await using var app = await ServedApp.StartAsync();
        var database = app.DatabaseFile;
        var baseAddress = app.BaseAddress;
        try
        {
            var reportId = await OpenPeriodAsync(database);
            var form = new Uri(baseAddress, $"/bao-cao/{reportId}").ToString();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await DebianChromium.LaunchAsync(playwright);
            Directory.CreateDirectory(Screenshots);

            // On a phone: the form is readable and fits the screen.
            await using (var phone = await browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 } }))
            {
                var page = await phone.NewPageAsync();
                await new PlanPages(page, baseAddress).SignInAsync("congan", ServedApp.AdminPassword);
                await page.GotoAsync(new Uri(baseAddress, "/bao-cao").ToString());
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "phone-report-list.png"), FullPage = true });
                await page.GetByRole(AriaRole.Link, new() { Name = "Tháng kiểm thử" }).ClickAsync();
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo Tháng kiểm thử");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "phone-report-form.png"), FullPage = true });
                // What the phone shows at once: the top of the form, and an indicator line with the save bar.
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "phone-report-form-top.png") });
                await page.Locator("section.line:has(.pill.kind-Indicator)").Last.ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "phone-report-form-indicator.png") });
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 1, $"the report form scrolls sideways by {overflow}px on a phone");
            }

            await using var desktop = await browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1280, Height = 900 } });
            var tab = await desktop.NewPageAsync();
            await new PlanPages(tab, baseAddress).SignInAsync("congan", ServedApp.AdminPassword);
            await tab.GotoAsync(form);
            await tab.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "desktop-report-form.png"), FullPage = true });
            var first = tab.Locator("section.line:has(.pill.kind-Task)").First;
            var saved = tab.Locator("#luu");

            // Typed values are saved a second later, without a button.
            await first.Locator("select[name$='.status']").SelectOptionAsync(new SelectOptionValue { Label = "Đang thực hiện" });
            await first.Locator("input[name$='.percent']").FillAsync("40");
            await first.Locator("textarea[name$='.work']").FillAsync("Đã rà soát 12 tổ dân phố.");
            await Assertions.Expect(saved).ToContainTextAsync("Đã lưu nháp lúc", new() { Timeout = 15_000 });

            // Closing the page loses nothing: the draft is on the server.
            await tab.ReloadAsync();
            await Assertions.Expect(first.Locator("select[name$='.status']")).ToHaveValueAsync(ReportedTaskStatuses.InProgress);
            await Assertions.Expect(first.Locator("input[name$='.percent']")).ToHaveValueAsync("40");
            await Assertions.Expect(first.Locator("textarea[name$='.work']")).ToHaveValueAsync("Đã rà soát 12 tổ dân phố.");

            // A percent of 140 is refused beside its field and not saved; corrected, it is.
            await first.Locator("input[name$='.percent']").FillAsync("140");
            await Assertions.Expect(first.Locator("span.error")).ToHaveTextAsync("Tỷ lệ hoàn thành phải từ 0 đến 100 (%), không thể là 140.", new() { Timeout = 15_000 });
            await Assertions.Expect(saved).ToContainTextAsync("Chưa lưu");
            await first.Locator("input[name$='.percent']").FillAsync("45");
            await Assertions.Expect(saved).ToContainTextAsync("Đã lưu nháp lúc", new() { Timeout = 15_000 });
            await Assertions.Expect(first.Locator("span.error")).ToHaveCountAsync(0);

            // The rest of the report: every task line, the ratio (computed as typed) and the count.
            foreach (var status in await tab.Locator("section.line:has(.pill.kind-Task) select[name$='.status']").AllAsync())
                await status.SelectOptionAsync(new SelectOptionValue { Label = "Đang thực hiện" });
            await tab.Locator("input[name$='.numerator']").FillAsync("45");
            await tab.Locator("input[name$='.denominator']").FillAsync("50");
            await Assertions.Expect(tab.Locator("output[data-ratio]")).ToHaveTextAsync("90 %");
            await tab.Locator("input[name$='.value']").FillAsync("3");
            await tab.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "desktop-report-filled.png"), FullPage = true });
            await tab.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

            await Assertions.Expect(tab.Locator(".success")).ToHaveTextAsync("Đã gửi báo cáo tới cơ quan thường trực.");
            await Assertions.Expect(tab.Locator("#trang-thai")).ToHaveTextAsync("Chờ xác minh");
            await using var db = Db(database);
            var report = await db.Reports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == reportId, TestContext.Current.CancellationToken);
            Assert.Equal(ReportStates.Submitted, report.State);
            var line = report.Items.Where(i => i.Kind == ReportItemKinds.Task).OrderBy(i => i.Order).First();
            Assert.Equal((45, "Đã rà soát 12 tổ dân phố."), (line.Percent, line.WorkDone));

            // The standing office returns it with a comment written beside the ratio line; the unit sees it there.
            await using var officeContext = await browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1280, Height = 900 } });
            var office = await officeContext.NewPageAsync();
            await new PlanPages(office, baseAddress).SignInAsync("thuongtruc", ServedApp.AdminPassword);
            await office.GotoAsync(form);
            var ratioLine = office.Locator("section.line:has(output[data-ratio]), section.line:has(dt:text('Tử số'))").First;
            await ratioLine.GetByLabel("Ý kiến cho dòng này (ghi khi trả lại)").FillAsync("Mẫu số phải là tổng số cán bộ của xã.");
            await office.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "desktop-report-verify.png"), FullPage = true });
            await office.GetByRole(AriaRole.Button, new() { Name = "Trả lại cho đơn vị" }).ClickAsync();
            await Assertions.Expect(office.Locator(".success")).ToHaveTextAsync("Đã trả lại báo cáo cho đơn vị kèm ý kiến.");
            await tab.ReloadAsync();
            await Assertions.Expect(tab.Locator("#trang-thai")).ToHaveTextAsync("Bị trả lại");
            await Assertions.Expect(tab.Locator("section.line:has(output[data-ratio]) .returned")).ToContainTextAsync("Mẫu số phải là tổng số cán bộ của xã.");
            await tab.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "desktop-report-returned.png"), FullPage = true });
            await office.GotoAsync(new Uri(baseAddress, "/bao-cao").ToString());
            await Assertions.Expect(office.Locator("section.period h2").First).ToHaveTextAsync("Tháng kiểm thử");
            await office.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "desktop-report-list-office.png"), FullPage = true });
        }
        finally
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }
    }

    private static RoViecDbContext Db(string database)
    {
        var options = new DbContextOptionsBuilder<RoViecDbContext>();
        options.UseRoViecDatabase($"Data Source={database}");
        return new RoViecDbContext(options.Options);
    }

    /// <summary>A period of the demo plan due in five days, opened: returns the police's report.</summary>
    private static async Task<Guid> OpenPeriodAsync(string database)
    {
        await using var db = Db(database);
        var plan = await db.Plans.SingleAsync(p => p.Status == PlanStatuses.Active && p.Rhythm == PlanRhythms.Monthly);
        var police = await db.Units.Where(u => u.Key == "cong-an").Select(u => u.Id).SingleAsync();
        // A counted indicator for the police too, so the form has a value line beside its ratio.
        var counted = await db.Indicators.Where(i => i.PlanId == plan.Id && i.TargetUnit == "count").OrderBy(i => i.Order).FirstAsync();
        counted.OwnerUnitId = police;
        counted.Rhythm = IndicatorRhythms.Monthly;
        var clock = ServedApp.ArrangeClock;
        var today = clock.VietnamToday();
        var period = new ReportingPeriod
        {
            Id = Guid.NewGuid(),
            CommuneId = plan.CommuneId,
            PlanId = plan.Id,
            Kind = PeriodKinds.Monthly,
            Year = today.Year,
            Number = today.Month,
            Label = "Tháng kiểm thử",
            StartsOn = new DateOnly(today.Year, today.Month, 1),
            EndsOn = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1),
            OpensOn = today,
            UnitDueOn = today.AddDays(5),
            CompileDueOn = today.AddDays(7),
            Version = Guid.NewGuid(),
        };
        db.Periods.Add(period);
        await db.SaveChangesAsync();
        await RoViec.Web.Features.Periods.OpenPeriod.OpenAsync(db, period, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        return await db.Reports.Where(r => r.PeriodId == period.Id && r.UnitId == police).Select(r => r.Id).SingleAsync();
    }
}
