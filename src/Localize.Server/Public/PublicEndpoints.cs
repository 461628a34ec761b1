using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using Localize.Core.Publishing;
using Localize.Core.Webhooks;
using Localize.Core.Workflow;
using Localize.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Localize.Server.Public;

/// <summary>
/// The public site and its JSON API. Pages come from <see cref="PublishedSite.Current"/>: a request negotiates,
/// looks up, compares the ETag and copies bytes — no disk, no database, no rendering. The endpoints are anonymous and
/// short-circuit routing, so no sign-in, authorization or antiforgery middleware runs for a reader.
/// </summary>
public static class PublicEndpoints
{
    private static readonly StringValues AcceptLanguage = "Accept-Language";

    public static WebApplication MapPublicSite(this WebApplication app)
    {
        // Resolved on the first request: building it needs the validated options, and a wrong option must stop the
        // host at start with its one clear line, not throw here while endpoints are mapped.
        var site = new Lazy<PublishedSite>(app.Services.GetRequiredService<PublishedSite>);
        var negotiator = app.Services.GetRequiredService<LanguageNegotiator>();
        var options = app.Services.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
        var writer = new ResponseWriter(options);

        app.MapGet("/", (RequestDelegate)(async context =>
        {
            var snapshot = await CurrentAsync(site);
            var locales = snapshot.IndexByLocale.Keys.Order(StringComparer.Ordinal).ToArray();
            var locale = negotiator.Choose(context.Request.Headers.AcceptLanguage, locales);
            await writer.WriteAsync(context, snapshot.IndexByLocale[locale], locale, negotiated: true);
        })).WithName("PublicIndex").AllowAnonymous().ShortCircuit();

        app.MapGet("/sitemap.xml", (RequestDelegate)(async context =>
            await writer.WriteAsync(context, (await CurrentAsync(site)).Sitemap, null, negotiated: false))).WithName("Sitemap").AllowAnonymous().ShortCircuit();

        app.MapGet("/{slug}", (RequestDelegate)(async context =>
        {
            var snapshot = await CurrentAsync(site);
            if (!snapshot.Articles.TryGetValue((string)context.Request.RouteValues["slug"]!, out var article))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var locale = negotiator.Choose(context.Request.Headers.AcceptLanguage, article.Locales);
            await writer.WriteAsync(context, article.ByLocale[locale].Page, locale, negotiated: true);
        })).WithName("NegotiatedArticle").AllowAnonymous().ShortCircuit();

        app.MapGet("/{locale}/{slug}", (RequestDelegate)(async context =>
        {
            var snapshot = await CurrentAsync(site);
            if (!snapshot.Articles.TryGetValue((string)context.Request.RouteValues["slug"]!, out var article)
                || !article.ByLocale.TryGetValue((string)context.Request.RouteValues["locale"]!, out var localized))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await writer.WriteAsync(context, localized.Page, localized.Locale, negotiated: false);
        })).WithName("LocalizedArticle").AllowAnonymous().ShortCircuit();

        var api = app.MapGroup("/api/articles").WithTags("Articles");
        // Two parameters so this is a route handler (documented in OpenAPI), not a bare RequestDelegate.
        api.MapGet("/", async (HttpContext context, CancellationToken _) =>
                await writer.WriteAsync(context, (await CurrentAsync(site)).ArticleListJson, null, negotiated: false))
            .WithName("ListArticles")
            .WithSummary("Every published article and the locales it can be read in (translations with version and outdated flag, and the source).")
            .Produces<ArticleSummary[]>(StatusCodes.Status200OK, "application/json")
            .AllowAnonymous().ShortCircuit();
        api.MapGet("/{slug}", async (string slug, string? lang, HttpContext context) =>
            {
                var snapshot = await CurrentAsync(site);
                if (!snapshot.Articles.TryGetValue(slug, out var article))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                var locale = negotiator.Choose(context.Request.Headers.AcceptLanguage, article.Locales, lang);
                await writer.WriteAsync(context, article.ByLocale[locale].Json, locale, negotiated: true);
            })
            .WithName("GetArticle")
            .WithSummary("One article in the reader's language: ?lang= first, then Accept-Language (q-values, *, q=0), then the configured fallback chain. The chosen locale is in Content-Language.")
            .Produces<ArticleDocument>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status404NotFound)
            .AllowAnonymous().ShortCircuit();
        api.MapGet("/{slug}/{locale}/versions", async Task<Results<Ok<VersionDocument[]>, NotFound>> (string slug, string locale, IWorkflowStore store, CancellationToken cancellationToken) =>
            {
                var versions = await store.ListPublicationsAsync(slug, locale, cancellationToken);
                if (versions.Count == 0)
                {
                    return TypedResults.NotFound();
                }

                return TypedResults.Ok(versions.Select(v => VersionDocument.For(v, v.Version == versions[^1].Version)).ToArray());
            })
            .WithName("ListVersions")
            .WithSummary("Every published version of an article in one locale, oldest first, with who published it and when.")
            .AllowAnonymous().ShortCircuit();
        api.MapPost("/{slug}/{locale}/rollback", async Task<Results<Ok<VersionDocument>, ProblemHttpResult>> (
                string slug, string locale, RollbackRequest request, ClaimsPrincipal user, RollbackService rollback, CancellationToken cancellationToken) =>
            {
                // The audit trail names the signed-in account, never a name the caller typed.
                var result = await rollback.RollbackAsync(slug, locale, request.To, user.Identity!.Name!, cancellationToken);
                if (result.Publication is not { } v)
                {
                    return TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict);
                }

                return TypedResults.Ok(VersionDocument.For(v, true));
            })
            .WithName("Rollback")
            .WithSummary("Puts an earlier signed version back online as a new version, audited under the signed-in manager's name. Needs a manager or admin session.")
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        api.MapPost("/{slug}/{locale}/unpublish", async Task<Results<Ok<VersionDocument>, ProblemHttpResult>> (
                string slug, string locale, ClaimsPrincipal user, UnpublishService unpublish, CancellationToken cancellationToken) =>
            {
                var result = await unpublish.UnpublishAsync(slug, locale, user.Identity!.Name!, cancellationToken);
                return result.Publication is { } v
                    ? TypedResults.Ok(VersionDocument.For(v, true))
                    : TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict);
            })
            .WithName("Unpublish")
            .WithSummary("Takes an article × locale offline (a new version, audited under the signed-in manager's name); a rollback brings a version back. Needs a manager or admin session.")
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        app.MapGet("/api/webhooks/deliveries", async (IWebhookOutbox outbox, int? limit, CancellationToken cancellationToken) =>
                TypedResults.Ok(await outbox.ListRecentAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken)))
            .WithTags("Webhooks")
            .WithName("ListWebhookDeliveries")
            .WithSummary("The webhook delivery log, newest first: each event × subscriber with its state and every attempt (status, error, duration). Needs a manager or admin session.")
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        return app;
    }

    private static async ValueTask<SiteSnapshot> CurrentAsync(Lazy<PublishedSite> lazy)
    {
        var site = lazy.Value;
        if (!site.Ready.IsCompleted)
        {
            // Only the first requests after start wait for the first build; a build that fails serves the empty site.
            await Task.WhenAny(site.Ready, Task.Delay(TimeSpan.FromSeconds(10)));
        }

        return site.Current;
    }

    /// <summary>Headers and body of a rendered response, with the site's origin spliced in.</summary>
    private sealed class ResponseWriter(PublicSiteOptions options)
    {
        private readonly StringValues _cacheControl = $"public, max-age={options.MaxAgeSeconds}";
        private readonly byte[]? _configuredOrigin = string.IsNullOrWhiteSpace(options.BaseUrl) ? null : Encoding.UTF8.GetBytes(options.BaseUrl.TrimEnd('/'));

        // Origins seen in Host headers, so a request does not encode its own; bounded so a client cannot grow it.
        private readonly ConcurrentDictionary<string, byte[]> _origins = new(StringComparer.Ordinal);

        public async Task WriteAsync(HttpContext context, RenderedResponse body, string? language, bool negotiated)
        {
            var response = context.Response;
            var headers = response.Headers;
            headers.ETag = body.ETag;
            headers.CacheControl = _cacheControl;
            if (language is not null)
            {
                headers.ContentLanguage = language;
            }

            if (negotiated)
            {
                headers.Vary = AcceptLanguage;
            }

            if (IsNotModified(context.Request.Headers.IfNoneMatch, body.ETag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            headers.ContentType = body.ContentType;
            var origin = Origin(context.Request);
            response.ContentLength = body.LengthWith(origin.Length);
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            var pipe = response.BodyWriter;
            var parts = body.Parts;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    pipe.Write(origin);
                }

                pipe.Write(parts[i]);
            }

            await pipe.FlushAsync(context.RequestAborted);
        }

        private byte[] Origin(HttpRequest request)
        {
            if (_configuredOrigin is not null)
            {
                return _configuredOrigin;
            }

            var host = request.Host.Value ?? "localhost";
            if (_origins.TryGetValue(host, out var cached))
            {
                return cached;
            }

            var origin = Encoding.UTF8.GetBytes($"{request.Scheme}://{host}");
            if (_origins.Count < 64)
            {
                _origins.TryAdd(host, origin);
            }

            return origin;
        }

        private static bool IsNotModified(StringValues ifNoneMatch, string etag)
        {
            if (StringValues.IsNullOrEmpty(ifNoneMatch))
            {
                return false;
            }

            // Weak comparison (RFC 9110 13.1.2): W/"x" matches "x"; * matches any current representation.
            foreach (var value in ifNoneMatch)
            {
                foreach (var candidate in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                    if (tag == "*" || tag == etag)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
