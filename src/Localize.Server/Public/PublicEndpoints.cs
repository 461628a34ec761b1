using System.Security.Claims;
using Localize.Core.Publishing;
using Localize.Core.Webhooks;
using Localize.Core.Workflow;
using Localize.Server.Hosting;
using Localize.Server.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Localize.Server.Public;

/// <summary>
/// The public site and its JSON API, from <see cref="PublishedSite.Current"/>: a request negotiates, looks up, compares
/// the ETag and copies bytes — no disk, no database, no rendering. Pages are answered by <see cref="PublicPages"/> in
/// front of every other middleware; the routes here catch what it leaves (404s, the first requests after start) and
/// serve the API, anonymous and short-circuited, so no sign-in, authorization or antiforgery middleware runs for a reader.
/// </summary>
public static class PublicEndpoints
{
    /// <summary>First in the pipeline: a request for a published page is answered before any other middleware runs.</summary>
    public static IApplicationBuilder UsePublicPages(this IApplicationBuilder app)
    {
        // Resolved on the first request: building it needs the validated options, and a wrong option must stop the
        // host at start with its one clear line, not throw while the pipeline is built.
        var pages = new Lazy<PublicPages>(app.ApplicationServices.GetRequiredService<PublicPages>);
        return app.Use(next => context => pages.Value.TryServe(context) ?? next(context));
    }

    /// <summary>The readers' routes: pages (for what <see cref="UsePublicPages"/> leaves) and the read-only content API.</summary>
    public static WebApplication MapPublicSite(this WebApplication app)
    {
        var pages = new Lazy<PublicPages>(app.Services.GetRequiredService<PublicPages>);
        var site = new Lazy<PublishedSite>(app.Services.GetRequiredService<PublishedSite>);
        var negotiator = app.Services.GetRequiredService<LanguageNegotiator>();
        var writer = new Lazy<ResponseWriter>(app.Services.GetRequiredService<ResponseWriter>);
        foreach (var (pattern, name) in new[] { ("/", "PublicIndex"), ("/sitemap.xml", "Sitemap"), ("/{slug}", "NegotiatedArticle"), ("/{locale}/{slug}", "LocalizedArticle") })
        {
            app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], (RequestDelegate)(context => pages.Value.ServeOrNotFoundAsync(context)))
                .WithName(name).AllowAnonymous().ShortCircuit();
        }

        var api = app.MapGroup("/api/articles").WithTags("Articles");
        // Two parameters so this is a route handler (documented in OpenAPI), not a bare RequestDelegate.
        api.MapGet("/", async (HttpContext context, CancellationToken _) =>
                await writer.Value.WriteAsync(context, (await site.Value.CurrentWhenReadyAsync()).ArticleListJson, null, negotiated: false))
            .WithName("ListArticles")
            .WithSummary("Every published article and the locales it can be read in (translations with version and outdated flag, and the source).")
            .Produces<ArticleSummary[]>(StatusCodes.Status200OK, "application/json")
            .AllowAnonymous().ShortCircuit();
        api.MapGet("/{slug}", async (string slug, string? lang, HttpContext context) =>
            {
                var snapshot = await site.Value.CurrentWhenReadyAsync();
                if (!snapshot.Articles.TryGetValue(slug, out var article))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                var locale = negotiator.Choose(context.Request.Headers.AcceptLanguage, article.Locales, lang);
                await writer.Value.WriteAsync(context, article.ByLocale[locale].Json, locale, negotiated: true);
            })
            .WithName("GetArticle")
            .WithSummary("One article in the reader's language: ?lang= first, then Accept-Language (q-values, *, q=0), then the configured fallback chain. The chosen locale is in Content-Language.")
            .Produces<ArticleDocument>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status404NotFound)
            .AllowAnonymous().ShortCircuit();
        api.MapGet("/{slug}/{locale}/versions", async Task<Results<Ok<VersionDocument[]>, NotFound>> (string slug, string locale, IPublicationStore publicationStore, CancellationToken cancellationToken) =>
            {
                var versions = await publicationStore.ListPublicationsAsync(slug, locale, cancellationToken);
                if (versions.Count == 0)
                {
                    return TypedResults.NotFound();
                }

                return TypedResults.Ok(versions.Select(v => VersionDocument.For(v, v.Version == versions[^1].Version)).ToArray());
            })
            .WithName("ListVersions")
            .WithSummary("Every published version of an article in one locale, oldest first, with who published it and when.")
            .AllowAnonymous().ShortCircuit();
        return app;
    }

    /// <summary>What a manager does to published pages over HTTP: roll back, unpublish, read the webhook log.</summary>
    public static WebApplication MapPublishingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");
        var actions = api.MapGroup(string.Empty).AddEndpointFilter<CrossSiteRequestGuard>();
        actions.MapPost("/{slug}/{locale}/rollback", async Task<Results<Ok<VersionDocument>, ProblemHttpResult>> (
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
            .WithSummary("Puts an earlier signed version back online as a new version, audited under the signed-in manager's name. Needs a manager or admin session, and the antiforgery token (RequestVerificationToken header) or X-Requested-With: XMLHttpRequest.")
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        actions.MapPost("/{slug}/{locale}/unpublish", async Task<Results<Ok<VersionDocument>, ProblemHttpResult>> (
                string slug, string locale, ClaimsPrincipal user, UnpublishService unpublish, CancellationToken cancellationToken) =>
            {
                var result = await unpublish.UnpublishAsync(slug, locale, user.Identity!.Name!, cancellationToken);
                return result.Publication is { } v
                    ? TypedResults.Ok(VersionDocument.For(v, true))
                    : TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict);
            })
            .WithName("Unpublish")
            .WithSummary("Takes an article × locale offline (a new version, audited under the signed-in manager's name); a rollback brings a version back. Needs a manager or admin session, and the antiforgery token (RequestVerificationToken header) or X-Requested-With: XMLHttpRequest.")
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        app.MapGet("/api/webhooks/deliveries", async (IWebhookOutbox outbox, int? limit, CancellationToken cancellationToken) =>
                TypedResults.Ok(await outbox.ListRecentAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken)))
            .WithTags("Webhooks")
            .WithName("ListWebhookDeliveries")
            .WithSummary("The webhook delivery log, newest first: each event × subscriber with its state and every attempt (status, error, duration). Needs a manager or admin session.")
            .RequireAuthorization(LocalizePeopleExtensions.ManagerPolicy);
        return app;
    }
}
