using System.Collections.Frozen;
using Localize.Core.Workflow;

namespace Localize.Server.Public;

/// <summary>
/// Everything the public site serves, rendered: built in the background when something is published, rolled back or
/// outdated, and swapped in whole, so a request only looks things up in memory.
/// </summary>
/// <param name="IndexLocales">The locales the front page is in (every served locale, or the default when none), for negotiating it.</param>
public sealed record SiteSnapshot(
    FrozenDictionary<string, SiteArticle> Articles,
    IReadOnlyList<string> IndexLocales,
    FrozenDictionary<string, RenderedResponse> IndexByLocale,
    RenderedResponse Sitemap,
    RenderedResponse ArticleListJson,
    string Watermark)
{
    public static readonly SiteSnapshot Empty = new(
        FrozenDictionary<string, SiteArticle>.Empty, [], FrozenDictionary<string, RenderedResponse>.Empty,
        RenderedResponse.From(string.Empty, "application/xml"), RenderedResponse.From("[]", "application/json"), string.Empty);
}

/// <summary>One article in every locale a reader may get it in (published translations, and the source if served).</summary>
public sealed record SiteArticle(string Slug, IReadOnlyList<string> Locales, FrozenDictionary<string, SiteArticleLocale> ByLocale);

/// <param name="Publication">Null for the source language, which is authored rather than published.</param>
public sealed record SiteArticleLocale(
    string Locale, string Title, Publication? Publication, bool IsOutdated, RenderedResponse Page, RenderedResponse Json);
