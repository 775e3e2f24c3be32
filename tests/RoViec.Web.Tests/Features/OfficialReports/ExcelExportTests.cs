using System.Net;
using MiniExcelLibs;

namespace RoViec.Web.Tests;

/// <summary>The task list as an Excel file the standing office can open.</summary>
public sealed class ExcelExportTests
{
    [Fact]
    public async Task Export_holds_every_task_with_vietnamese_headers()
    {
        await using var app = new RoViecApp();
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync(new Uri("/xuat-excel", UriKind.Relative), TestContext.Current.CancellationToken);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(84, rows.Count);
        Assert.Equal(["STT", "Mã", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời hạn", "Hạn cuối", "Mục"], rows[0].Keys);
        var wifi = Assert.Single(rows, r => r["Mã"]?.ToString() == "1.3");
        Assert.Equal("Thủ trưởng các cơ quan", wifi["Chủ trì"]);
        Assert.Equal("Thường xuyên", wifi["Thời hạn"]);
    }

    [Fact]
    public async Task Export_needs_a_signed_in_user()
    {
        await using var app = new RoViecApp();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/xuat-excel", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
