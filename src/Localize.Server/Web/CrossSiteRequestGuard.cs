using Microsoft.AspNetCore.Antiforgery;

namespace Localize.Server.Web;

/// <summary>
/// For the JSON POST endpoints that act with the signed-in session (rollback, unpublish): besides the SameSite=Strict
/// cookie, the request must prove it was made by our own pages or a deliberate client — a valid antiforgery token in
/// the <c>RequestVerificationToken</c> header, or <c>X-Requested-With: XMLHttpRequest</c>. A cross-site form cannot
/// set either, and a cross-site script cannot send a custom header without a CORS preflight, which this app never
/// grants. Anything else is 400 with what to send.
/// </summary>
public sealed class CrossSiteRequestGuard(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string RequestedWithHeader = "X-Requested-With";
    public const string RequestedWithValue = "XMLHttpRequest";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (string.Equals(http.Request.Headers[RequestedWithHeader], RequestedWithValue, StringComparison.Ordinal)
            || await antiforgery.IsRequestValidAsync(http))
        {
            return await next(context);
        }

        return TypedResults.Problem(
            $"This request could come from another site: send the antiforgery token in the RequestVerificationToken header, or '{RequestedWithHeader}: {RequestedWithValue}'.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Cross-site request refused");
    }
}
