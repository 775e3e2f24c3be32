namespace RoViec.Web.Shared.Forms;

/// <summary>
/// Marks a page or endpoint that takes an upload: a request declaring a body larger than this is
/// refused with 413 before any of it is read (not even by the antiforgery check, which reads the form).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;

    /// <summary>Runs after routing, so the endpoint's limit is known.</summary>
    public static IApplicationBuilder Refuse(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitAttribute>() is { } limit
            && HttpMethods.IsPost(context.Request.Method)
            && context.Request.ContentLength > limit.Bytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            return;
        }
        await next(context);
    });
}
