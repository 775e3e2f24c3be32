using RoViec.Data;

namespace RoViec.Web.Shared.Access;

/// <summary>
/// Encloses each request's unit of work in its caller's communes, after authentication and authorisation have said who
/// the caller is (an API token is read by the authorisation step): a commune's users see their commune, a province
/// office its province's communes, anyone else none. The DbContext's query filter does the rest. A request for a
/// static file (the stylesheet) or for no endpoint reads no commune data, so it costs no query here; a request without
/// an endpoint that is re-executed as the error page comes back through with that page's endpoint.
/// </summary>
public sealed class CommuneBoundaryOfCaller(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CommuneBoundary boundary, CurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(boundary);
        ArgumentNullException.ThrowIfNull(currentUser);
        if (context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
        {
            await next(context);
            return;
        }
        boundary.Enclose(await currentUser.VisibleCommunesAsync(context.User, context.RequestAborted));
        await next(context);
    }
}
