using System.Net;
using Microsoft.EntityFrameworkCore;
using RoViec.Data.Entities;

namespace RoViec.Web.Tests;

/// <summary>The standing office's inbox of citizens' feedback names what each item is about and its state in words, with labelled answer fields.</summary>
public sealed class InboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_names_the_indicator_or_field_written_about_in_vietnamese_with_a_labelled_answer()
    {
        await using var app = new RoViecApp();
        var indicator = await app.WithDbAsync(db => db.Indicators.AsNoTracking().OrderBy(i => i.Order).FirstAsync(Ct));
        await app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Select(c => c.Id).SingleAsync(Ct);
            Feedback Item(string item, string message) => new()
            {
                Id = Guid.NewGuid(),
                CommuneId = commune,
                Item = item,
                Rating = 4,
                Message = message,
                CreatedAtUtc = app.UtcNow,
                State = FeedbackStates.New,
                Version = Guid.NewGuid(),
            };
            db.Feedback.AddRange(Item("indicator:" + indicator.Id, "Số liệu chỉ tiêu này chưa cập nhật"), Item("field:Chuyển đổi số", "Cần thêm điểm wifi"),
                Item("indicator:" + Guid.NewGuid(), "Chỉ tiêu cũ"));
            return await db.SaveChangesAsync(Ct);
        });
        using var office = await app.SignedInClientAsync("thuongtruc");

        var html = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri("/cong-khai/phan-hoi", UriKind.Relative), Ct));

        Assert.Contains("Chỉ tiêu: " + indicator.Name, html, StringComparison.Ordinal);
        Assert.Contains("Lĩnh vực: Chuyển đổi số", html, StringComparison.Ordinal);
        Assert.Contains("Một chỉ tiêu không còn trong kế hoạch", html, StringComparison.Ordinal);
        Assert.DoesNotContain("indicator:", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"pill\">Mới</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">New<", html, StringComparison.Ordinal);
        // Every answer field has its label.
        var answers = System.Text.RegularExpressions.Regex.Matches(html, @"<textarea id=""(tra-loi-[0-9a-f-]+)"" name=""answer""");
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Contains($"<label for=\"{a.Groups[1].Value}\">Trả lời người dân</label>", html, StringComparison.Ordinal));
    }
}
