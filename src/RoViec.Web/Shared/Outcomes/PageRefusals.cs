using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace RoViec.Web.Shared.Outcomes;

/// <summary>
/// How a page answers a refusal, in one place. Not found and forbidden end on the status page (nothing of the
/// thing is shown); every other refusal shows the page again — its form with the person's values and the message —
/// under the refusal's status, so a script or a test sees what happened and the person reads why.
/// </summary>
public static class PageRefusals
{
    /// <summary>The page again under the refusal's status (the caller has put its messages in the model state).</summary>
    public static IActionResult Refuse(this PageModel page, Refusal refusal)
    {
        if (refusal is Refusal.NotFound or Refusal.Forbidden) return new StatusCodeResult(Refusals.Status(refusal));
        page.Response.StatusCode = Refusals.Status(refusal);
        return page.Page();
    }

    /// <summary>The page again with the refusal's message, in the reader's language, beside <paramref name="field"/> (empty: the whole form).</summary>
    public static IActionResult Refuse(this PageModel page, IRefused refused, string field = "")
    {
        if (refused.Refusal is not (Refusal.NotFound or Refusal.Forbidden))
            page.ModelState.AddModelError(field, refused.Text.In(page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()));
        return page.Refuse(refused.Refusal);
    }

    /// <summary>The page again under the refusal's status, typed for handlers that return a page.</summary>
    public static PageResult Again(this PageModel page, Refusal refusal)
    {
        if (refusal is Refusal.NotFound or Refusal.Forbidden)
            throw new ArgumentException("A page is not shown again for a refusal that ends on the status page.", nameof(refusal));
        page.Response.StatusCode = Refusals.Status(refusal);
        return page.Page();
    }

    /// <summary>For minimal endpoints that answer with HTML of their own: the status of the refusal.</summary>
    public static void SetStatus(this HttpResponse response, Refusal refusal) => response.StatusCode = Refusals.Status(refusal);
}
