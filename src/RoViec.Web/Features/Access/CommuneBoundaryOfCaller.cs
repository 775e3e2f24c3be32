using RoViec.Data;

namespace RoViec.Web.Features.Access;

/// <summary>
/// Encloses each request's unit of work in its caller's communes, after authentication and authorisation have said who
/// the caller is (an API token is read by the authorisation step): a commune's users see their commune, a province
/// office its province's communes, anyone else none. The DbContext's query filter does the rest.
/// </summary>
public sealed class CommuneBoundaryOfCaller(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CommuneBoundary boundary, CurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(boundary);
        ArgumentNullException.ThrowIfNull(currentUser);
        boundary.Enclose(await currentUser.VisibleCommunesAsync(context.User, context.RequestAborted));
        await next(context);
    }
}
