using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Localize.Core.Publishing;
using Localize.Core.Workflow;

namespace Localize.Server.Public;

/// <summary>
/// The public site's HTML, written once per page when the cache is built. Every text from a page or the store is
/// encoded; the article body is the sanitised HTML from <see cref="PublishedPageRenderer"/>.
/// </summary>
public static class PublicPageHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    // Every Unicode range passes unescaped: Spanish and Arabic pages stay readable and small.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Origin = RenderedResponse.OriginMarker;

    public static string Article(string slug, string locale, PublishedPage page, Publication? publication, bool outdated, IReadOnlyList<ArticleLocaleSummary> alternates)
    {
        var html = new StringBuilder(page.Html.Length + 2048);
        Head(html, locale, page.Title, page.Description);
        html.Append($"<link rel=\"canonical\" href=\"{Origin}/{E(locale)}/{E(slug)}\">\n");
        foreach (var alternate in alternates)
        {
            html.Append($"<link rel=\"alternate\" hreflang=\"{E(alternate.Locale)}\" href=\"{Origin}/{E(alternate.Locale)}/{E(slug)}\">\n");
        }

        html.Append($"<link rel=\"alternate\" hreflang=\"x-default\" href=\"{Origin}/{E(slug)}\">\n");
        html.Append("</head>\n<body>\n");
        Header(html, locale, alternates.Select(a => (a.Locale, $"/{a.Locale}/{slug}")));
        html.Append($"<main id=\"main\">\n<article class=\"page\" data-slug=\"{E(slug)}\" data-version=\"{publication?.Version}\">\n");
        if (outdated)
        {
            html.Append($"<p class=\"notice\" role=\"note\" id=\"outdated-notice\">{E(PublicStrings.Get(locale, PublicStrings.Outdated))}</p>\n");
        }

        if (locale.StartsWith("qps", StringComparison.OrdinalIgnoreCase))
        {
            html.Append($"<p class=\"notice\" role=\"note\"><span class=\"pseudo\">PSEUDO</span> {E(PublicStrings.Get(locale, PublicStrings.Pseudo))}</p>\n");
        }

        html.Append($"<h1>{E(page.Title)}</h1>\n").Append(page.Html).Append('\n');
        html.Append("<footer class=\"muted\">");
        if (publication is null)
        {
            html.Append(E(PublicStrings.Get(locale, PublicStrings.Original)));
        }
        else
        {
            var culture = PublicStrings.CultureFor(locale);
            var reviewedAt = (publication.ReviewedAt ?? publication.PublishedAt).UtcDateTime.ToString("D", culture);
            var reviewers = publication.Reviewers.Count == 0 ? publication.PublishedBy : string.Join(", ", publication.Reviewers);
            html.Append(E(PublicStrings.Format(locale, PublicStrings.ReviewedBy, reviewers, reviewedAt)))
                .Append(" · ")
                .Append(E(PublicStrings.Format(locale, PublicStrings.Version, publication.Version)));
        }

        html.Append("</footer>\n</article>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The front page in one language: every article, linked in the locale this reader's language leads to.</summary>
    public static string Index(string locale, IEnumerable<SiteArticle> articles, LanguageNegotiator negotiator)
    {
        var html = new StringBuilder(4096);
        var heading = PublicStrings.Get(locale, PublicStrings.PublishedArticles);
        Head(html, locale, heading, null);
        html.Append("</head>\n<body>\n");
        Header(html, locale, []);
        html.Append($"<main id=\"main\">\n<h1>{E(heading)}</h1>\n<ul id=\"published\">\n");
        var any = false;
        foreach (var article in articles)
        {
            any = true;
            var best = article.ByLocale[negotiator.Choose(locale, article.Locales)];
            html.Append($"<li><a href=\"/{E(best.Locale)}/{E(article.Slug)}\" hreflang=\"{E(best.Locale)}\" lang=\"{E(best.Locale)}\">{E(best.Title)}</a>");
            foreach (var other in article.Locales)
            {
                html.Append($" <a class=\"muted\" href=\"/{E(other)}/{E(article.Slug)}\" hreflang=\"{E(other)}\" lang=\"{E(other)}\">{E(other)}</a>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
        if (!any)
        {
            html.Append($"<p>{E(PublicStrings.Get(locale, PublicStrings.NothingPublished))}</p>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The public 404 page in one language, linking to the article list.</summary>
    public static string NotFound(string locale)
    {
        var html = new StringBuilder(1024);
        var heading = PublicStrings.Get(locale, PublicStrings.NotFoundTitle);
        Head(html, locale, heading, null);
        html.Append("</head>\n<body>\n");
        Header(html, locale, []);
        html.Append($"<main id=\"main\">\n<article class=\"page\" id=\"not-found\">\n<h1>{E(heading)}</h1>\n")
            .Append($"<p>{E(PublicStrings.Get(locale, PublicStrings.NotFoundText))}</p>\n")
            .Append($"<p><a href=\"/\" id=\"article-list\">{E(PublicStrings.Get(locale, PublicStrings.NotFoundLink))}</a></p>\n")
            .Append("</article>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Head(StringBuilder html, string locale, string title, string? description)
    {
        var direction = PublicStrings.IsRightToLeft(locale) ? "rtl" : "ltr";
        html.Append($"<!DOCTYPE html>\n<html lang=\"{E(locale)}\" dir=\"{direction}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{E(title)} · Localize</title>\n");
        if (!string.IsNullOrWhiteSpace(description))
        {
            html.Append($"<meta name=\"description\" content=\"{E(description)}\">\n");
        }

        html.Append("<link rel=\"stylesheet\" href=\"/site.css\">\n");
    }

    private static void Header(StringBuilder html, string locale, IEnumerable<(string Locale, string Href)> languages)
    {
        html.Append("<header class=\"top\">\n<a class=\"brand\" href=\"/\">Localize</a>\n");
        var links = languages.ToArray();
        if (links.Length > 1)
        {
            html.Append($"<nav class=\"languages\" aria-label=\"{E(PublicStrings.Get(locale, PublicStrings.Languages))}\">{E(PublicStrings.Get(locale, PublicStrings.Languages))}:");
            foreach (var (other, href) in links)
            {
                var current = string.Equals(other, locale, StringComparison.OrdinalIgnoreCase) ? " aria-current=\"page\"" : string.Empty;
                html.Append($" <a href=\"{E(href)}\" hreflang=\"{E(other)}\" lang=\"{E(other)}\"{current}>{E(PublicStrings.NativeName(other))}</a>");
            }

            html.Append("</nav>\n");
        }

        html.Append("</header>\n");
    }

    private static string E(string? text) => Encoder.Encode(text ?? string.Empty);
}
