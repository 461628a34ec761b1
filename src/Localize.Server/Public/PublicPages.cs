using System.Collections.Concurrent;
using Localize.Core.Publishing;

namespace Localize.Server.Public;

/// <summary>
/// The reader's pages — <c>/</c>, <c>/sitemap.xml</c>, <c>/&lt;slug&gt;</c> and <c>/&lt;locale&gt;/&lt;slug&gt;</c> — answered
/// from <see cref="PublishedSite.Current"/>: negotiate, look up, compare the ETag, copy bytes. No disk, no database,
/// nothing that blocks, so <see cref="PublicEndpoints.UsePublicPages"/> puts this in front of every other middleware.
/// </summary>
public sealed class PublicPages(PublishedSite site, LanguageNegotiator negotiator, ResponseWriter writer)
{
    private const int MostNegotiationsKept = 4096;

    // Readers send few distinct Accept-Language headers (one per browser set-up), so each is negotiated once per set
    // of locales. Keyed by the snapshot's own list, so a rebuilt site negotiates afresh.
    private readonly ConcurrentDictionary<(string Header, IReadOnlyList<string> Locales), string> _negotiated = new();
    private int _misses;

    /// <summary>The answer to a request for a published page; null when the address is not one, so the web app takes it.</summary>
    public Task? TryServe(HttpContext context) => site.Ready.IsCompleted ? Serve(context, site.Current) : null;

    private Task? Serve(HttpContext context, SiteSnapshot snapshot)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value;
        if ((!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)) || string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (path == "/")
        {
            if (snapshot.IndexByLocale.Count == 0)
            {
                return null;
            }

            var locale = Negotiate(context, snapshot.IndexLocales);
            return writer.WriteAsync(context, snapshot.IndexByLocale[locale], locale, negotiated: true);
        }

        if (path == "/sitemap.xml")
        {
            return writer.WriteAsync(context, snapshot.Sitemap, null, negotiated: false);
        }

        var rest = path.AsSpan(1);
        var slash = rest.IndexOf('/');
        var articles = snapshot.Articles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (slash < 0)
        {
            if (!articles.TryGetValue(rest, out var article))
            {
                return null;
            }

            var locale = Negotiate(context, article.Locales);
            return writer.WriteAsync(context, article.ByLocale[locale].Page, locale, negotiated: true);
        }

        var slug = rest[(slash + 1)..];
        if (slug.Contains('/')
            || !articles.TryGetValue(slug, out var localizedArticle)
            || !localizedArticle.ByLocale.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(rest[..slash], out var localized))
        {
            return null;
        }

        return writer.WriteAsync(context, localized.Page, localized.Locale, negotiated: false);
    }

    /// <summary>For the routed fallbacks: waits for the first build (only just after start), then answers or says 404.</summary>
    public async Task ServeOrNotFoundAsync(HttpContext context)
    {
        if (Serve(context, await site.CurrentWhenReadyAsync()) is { } answer)
        {
            await answer;
            return;
        }

        await NotFoundAsync(context, site.Current);
    }

    /// <summary>
    /// A page a reader can use instead of a bare status: in the language of the address (<c>/es/…</c>) when the site
    /// has it, else in the one the reader's browser asks for, with a link to the article list.
    /// </summary>
    private Task NotFoundAsync(HttpContext context, SiteSnapshot snapshot)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        var path = context.Request.Path.Value ?? string.Empty;
        var first = path.TrimStart('/').Split('/')[0];
        var locale = snapshot.IndexLocales.FirstOrDefault(l => string.Equals(l, first, StringComparison.OrdinalIgnoreCase))
            ?? (first.Length > 0 ? PublicStrings.TranslationFor(first) : null)
            ?? LanguageNegotiator.Parse(context.Request.Headers.AcceptLanguage.ToString())
                .Where(r => r.Quality > 0 && r.Tag != "*")
                .OrderByDescending(r => r.Quality)
                .Select(r => PublicStrings.TranslationFor(r.Tag))
                .FirstOrDefault(t => t is not null)
            ?? "en";
        context.Response.ContentType = PublicPageHtml.ContentType;
        context.Response.Headers.ContentLanguage = locale;
        context.Response.Headers.CacheControl = "no-cache";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(PublicPageHtml.NotFound(locale));
    }

    private string Negotiate(HttpContext context, IReadOnlyList<string> locales)
    {
        var key = (context.Request.Headers.AcceptLanguage.ToString(), locales);
        if (_negotiated.TryGetValue(key, out var locale))
        {
            return locale;
        }

        locale = negotiator.Choose(key.Item1, locales);
        // Counted here because the dictionary's own Count takes every lock, on every miss a header-inventing client causes.
        if (Interlocked.Increment(ref _misses) > MostNegotiationsKept)
        {
            // Old snapshots' lists, or a client inventing headers: start over rather than grow.
            _negotiated.Clear();
            Interlocked.Exchange(ref _misses, 1);
        }

        _negotiated[key] = locale;
        return locale;
    }
}
