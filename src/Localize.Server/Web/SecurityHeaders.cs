using Microsoft.Extensions.Primitives;

namespace Localize.Server.Web;

/// <summary>
/// The headers every response carries — staff pages, the public site, the JSON API, error answers — so a browser runs
/// no script but our own static files, never lets another site frame a page (clickjacking), never guesses a content
/// type, and never tells the next site which medical article a reader came from.
/// </summary>
/// <remarks>
/// The values are built once: the public site is served at nginx's speed, so a request only copies these references
/// into the response (Kestrel knows these header names; nothing is allocated per request). They are set before the
/// rest of the pipeline runs, and again as the response starts for everything but a published page, because an
/// exception handler clears the headers before it writes its error page.
/// </remarks>
public static class SecurityHeaders
{
    /// <summary>
    /// Script and styles only from this origin (no inline script, no inline style, no eval); images also from https
    /// (published articles may show a picture from a medical image library) and data: URIs; no plugins; forms post
    /// only here; no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly StringValues Policy = ContentSecurityPolicy;
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues NoReferrer = "no-referrer";
    private const string ReferrerPolicyHeader = "Referrer-Policy";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = NoSniff;
        // For browsers older than CSP's frame-ancestors.
        headers.XFrameOptions = Deny;
        headers[ReferrerPolicyHeader] = NoReferrer;
    }

    /// <summary>First in the pipeline, before the public site's pages are answered.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(next => context =>
        {
            Apply(context.Response.Headers);
            return next(context);
        });

    /// <summary>After the public site's pages: what reaches the rest of the pipeline gets the headers again as it starts.</summary>
    public static IApplicationBuilder UseSecurityHeadersOnErrors(this IApplicationBuilder app) =>
        app.Use(next => context =>
        {
            context.Response.OnStarting(static state =>
            {
                Apply(((HttpResponse)state).Headers);
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
