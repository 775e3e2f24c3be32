using Microsoft.AspNetCore.Mvc;
using RoViec.Data;

namespace RoViec.Web.Features.Notifications;

/// <summary>
/// The unread count beside "Thông báo" in the navigation. The shared layout invokes it by name
/// ("UnreadNotices"), so the layout knows no feature.
/// </summary>
public sealed class UnreadNoticesViewComponent(RoViecDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid userId) =>
        View("/Features/Notifications/_UnreadNotices.cshtml", await Notices.UnreadCountAsync(db, userId, HttpContext.RequestAborted));
}
