using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Workflow;
using Microsoft.Extensions.Options;

namespace Localize.Server.Public;

/// <summary>
/// Builds a <see cref="SiteSnapshot"/> from the workflow store and the content store. Markdown already read and
/// rendered for a publication is reused, so a rebuild after one publish reads one file. Every read continues on the
/// thread pool (<see cref="ConfigureAwaitOptions.ForceYielding"/>): on a readers' instance a database or blob read
/// completes on the socket thread, and rendering there would hold up every reader.
/// </summary>
public sealed class SiteBuilder(
    IArticleStore articleStore, IStatusQueries statusQueries, IPublicationStore publicationStore, IContentStore content, IPipelineCatalog pipelines, DocumentFormatRegistry formats, IOptions<PublicSiteOptions> options, LanguageNegotiator negotiator)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    // (path, content hash) → rendered page; a publication's content never changes under the same hash.
    private readonly Dictionary<(string, string), PublishedPage> _rendered = [];

    public async Task<SiteSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var watermark = await publicationStore.ReadPublishedWatermarkAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var publications = await publicationStore.ListLatestPublicationsAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var slugs = (await statusQueries.ListStatusAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding)).Select(s => s.Slug)
            .Concat(publications.Select(p => p.Slug))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var drafts = new List<(string Slug, List<(string Locale, Publication? Publication, PublishedPage Page, bool Outdated)> Locales)>();
        foreach (var slug in slugs)
        {
            // Only a page format's articles are pages; interface strings (culture .resx files) are served by /api/strings.
            var article = await articleStore.FindArticleAsync(slug, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            if (article is null || formats.Get(article.Format) is not IPageFormat format)
            {
                continue;
            }

            var locales = new List<(string, Publication?, PublishedPage, bool)>();
            if (options.Value.ServeSource)
            {
                var language = pipelines.Pipelines.FirstOrDefault(p => p.Name == article.Pipeline)?.Source.Language ?? "en";
                locales.Add((language, null, Render(format, ("content", article.SourceHash), article.SourceText), false));
            }

            foreach (var publication in publications.Where(p => p.Slug == slug && !p.Unpublished))
            {
                if (!_rendered.TryGetValue((publication.Path, publication.ContentHash), out var page))
                {
                    var text = await content.ReadAsync(publication.Path, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                    if (text is null)
                    {
                        continue;
                    }

                    page = Render(format, (publication.Path, publication.ContentHash), text);
                }

                locales.Add((publication.Locale, publication, page, article.SourceHash != publication.SourceHash));
            }

            if (locales.Count > 0)
            {
                drafts.Add((slug, locales));
            }
        }

        var articles = drafts.ToFrozenDictionary(d => d.Slug, d => BuildArticle(d.Slug, d.Locales), StringComparer.Ordinal);
        var siteLocales = articles.Values.SelectMany(a => a.Locales).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        var indexLocales = siteLocales.Length == 0 ? [.. options.Value.DefaultChain.Take(1)] : siteLocales;
        var index = indexLocales
            .ToFrozenDictionary(l => l, l => RenderedResponse.From(PublicPageHtml.Index(l, articles.Values, negotiator), PublicPageHtml.ContentType), StringComparer.OrdinalIgnoreCase);
        var list = articles.Values.Select(a => new ArticleSummary(a.Slug, Title(a), Summaries(a))).ToArray();
        return new SiteSnapshot(
            articles,
            indexLocales,
            index,
            RenderedResponse.From(SitemapXml.Render(articles.Values), "application/xml; charset=utf-8"),
            RenderedResponse.From(JsonSerializer.Serialize(list, Json), "application/json; charset=utf-8"),
            watermark);
    }

    private PublishedPage Render(IPageFormat format, (string, string) key, string text)
    {
        var page = format.RenderPage(text);
        _rendered[key] = page;
        return page;
    }

    private SiteArticle BuildArticle(string slug, List<(string Locale, Publication? Publication, PublishedPage Page, bool Outdated)> drafts)
    {
        var locales = drafts.Select(d => d.Locale).ToArray();
        var alternates = drafts.Select(d => new ArticleLocaleSummary(d.Locale, d.Page.Title, $"/{d.Locale}/{slug}", d.Publication?.Version, d.Outdated, d.Publication is null)).ToArray();
        var byLocale = drafts.ToFrozenDictionary(
            d => d.Locale,
            d =>
            {
                var document = new ArticleDocument(
                    slug, d.Locale, d.Page.Title, d.Page.Description, d.Page.Html, d.Publication is null, d.Publication?.Version, d.Publication?.RestoredVersion,
                    d.Outdated, d.Publication?.PublishedAt, d.Publication?.PublishedBy, d.Publication?.Reviewers ?? [], d.Publication?.ReviewedAt,
                    $"/{d.Locale}/{slug}", alternates);
                return new SiteArticleLocale(
                    d.Locale, d.Page.Title, d.Publication, d.Outdated,
                    RenderedResponse.From(PublicPageHtml.Article(slug, d.Locale, d.Page, d.Publication, d.Outdated, alternates), PublicPageHtml.ContentType),
                    RenderedResponse.From(JsonSerializer.Serialize(document, Json), "application/json; charset=utf-8"));
            },
            StringComparer.OrdinalIgnoreCase);
        return new SiteArticle(slug, locales, byLocale);
    }

    private static string Title(SiteArticle article) =>
        (article.ByLocale.Values.FirstOrDefault(l => l.Publication is null) ?? article.ByLocale[article.Locales[0]]).Title;

    private static ArticleLocaleSummary[] Summaries(SiteArticle article) =>
        [.. article.Locales.Select(l => article.ByLocale[l]).Select(l => new ArticleLocaleSummary(
            l.Locale, l.Title, $"/{l.Locale}/{article.Slug}", l.Publication?.Version, l.IsOutdated, l.Publication is null))];
}
