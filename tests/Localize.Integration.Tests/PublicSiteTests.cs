using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Workflow;
using Localize.Server.Public;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using static Localize.Integration.Tests.PublicSite;

namespace Localize.Integration.Tests;

/// <summary>
/// The public site over HTTP on loopback, as a reader's browser, a search engine and a website using the JSON API
/// see it. Available for the seed article: en (the source), es and ar; fr is machine-translated but not approved.
/// </summary>
public sealed class PublicSiteTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    private RunningServer Server => site.Server;

    public static TheoryData<string?, string> Negotiation => new()
    {
        // Accept-Language                        | Content-Language served
        { null, "en" },                                   // no header: the default chain
        { "es", "es" },
        { "es-MX", "es" },                                // region falls back to its language
        { "ES-mx", "es" },                                // tags are case-insensitive
        { "es-419", "es" },
        { "es-MX,es;q=0.9,en;q=0.8", "es" },
        { "en-US,en;q=0.9", "en" },
        { "en;q=0.1, es;q=0.9", "es" },                   // q-values, not order, rank
        { "en, es", "en" },                               // equal q: the order written
        { "ar-EG;q=0.8, es;q=0.7", "ar" },
        { "fr", "en" },                                   // fr exists only unapproved: never served
        { "fr-CA, fr;q=0.9, es;q=0.5", "es" },            // next language the reader named, before the default
        { "de, ar;q=0.3", "ar" },
        { "xx-YY", "en" },                                // unknown language
        { "ca", "es" },                                   // configured fallback ca → es
        { "es;q=0", "en" },                               // q=0: not Spanish
        { "es;q=0, es-MX", "en" },                        // refusing es refuses its regions
        { "en;q=0, es;q=0.1", "es" },
        { "en;q=0, *", "ar" },                            // anything but English: first available that is not refused
        { "*", "en" },                                    // anything: the default
        { "*;q=0, ar", "ar" },
        { "en;q=0, es;q=0, ar;q=0", "en" },               // everything refused: a page in the default beats a 406
        { "garbage;;q=abc, es", "es" },                   // a malformed entry is skipped, the rest still counts
        { "es;q=1.5, ar", "ar" },                         // q above 1 is malformed
    };

    [Theory]
    [MemberData(nameof(Negotiation))]
    public async Task The_reader_gets_the_best_available_language_for_their_Accept_Language(string? acceptLanguage, string expected)
    {
        using var page = await GetAsync(Server, $"/{Slug}", acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(expected, Language(page));
        Assert.Contains("Accept-Language", page.Headers.Vary);
        Assert.Contains($"<html lang=\"{expected}\"", await page.Content.ReadAsStringAsync());

        using var json = await GetAsync(Server, $"/api/articles/{Slug}", acceptLanguage);
        Assert.Equal(expected, Language(json));
        Assert.Contains("Accept-Language", json.Headers.Vary);
        Assert.Equal(expected, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("locale").GetString());
    }

    [Theory]
    [InlineData("es", "en", "es")]
    [InlineData("es-MX", "ar", "es")]
    [InlineData("fr", "ar", "ar")]       // ?lang= names an unapproved locale: the reader's next choice
    [InlineData("zz", null, "en")]
    public async Task The_API_takes_lang_first_then_Accept_Language(string lang, string? acceptLanguage, string expected)
    {
        using var json = await GetAsync(Server, $"/api/articles/{Slug}?lang={lang}", acceptLanguage);
        Assert.Equal(expected, Language(json));
    }

    [Fact]
    public async Task An_unapproved_translation_is_never_served()
    {
        using var direct = await GetAsync(Server, $"/fr/{Slug}");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        var list = await Server.Http.GetStringAsync("/api/articles");
        Assert.DoesNotContain("\"fr\"", list);
        Assert.DoesNotContain("hreflang=\"fr\"", await Server.Http.GetStringAsync($"/es/{Slug}"));
        Assert.DoesNotContain("/fr/", await Server.Http.GetStringAsync("/sitemap.xml"));
        Assert.False(File.Exists(site.Repository.PublishedPath("fr", Slug)));
    }

    [Fact]
    public async Task An_approved_translation_nobody_signed_is_never_served()
    {
        Assert.All(
            await Server.Store.ListArticleSegmentsAsync(HostileSlug, "fr", default), s => Assert.Equal(Localize.Core.Workflow.SegmentState.Approved, s.State));
        Assert.Null(await Server.Store.FindLatestPublicationAsync(HostileSlug, "fr", default));
        using var direct = await GetAsync(Server, $"/fr/{HostileSlug}");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        using var negotiated = await GetAsync(Server, $"/{HostileSlug}", "fr");
        Assert.Equal("en", Language(negotiated));
        using var api = JsonDocument.Parse(await Server.Http.GetStringAsync($"/api/articles/{HostileSlug}?lang=fr"));
        Assert.Equal("en", api.RootElement.GetProperty("locale").GetString());
        Assert.DoesNotContain($"/fr/{HostileSlug}", await Server.Http.GetStringAsync("/sitemap.xml"));
        Assert.False(File.Exists(site.Repository.PublishedPath("fr", HostileSlug)));
    }

    [Fact]
    public async Task A_translators_hostile_edit_cannot_be_approved_even_with_an_override_and_is_never_served()
    {
        // The first wall: raw HTML and javascript: links a source does not have are broken markup, which no override
        // approves. (The second, for what the source itself carries, is No_script_from_a_translation_reaches_the_reader.)
        var refused = Assert.IsType<Localize.Core.Review.ReviewRefusedException>(site.HostileApproval);
        Assert.Contains("raw HTML <script> is in the target but not in the source", refused.Message);
        Assert.Contains("link to javascript:alert(7) is in the target but not in the source", refused.Message);
        Assert.Null(await Server.Store.FindLatestPublicationAsync(HostileSlug, "ar", default));
        using var direct = await GetAsync(Server, $"/ar/{HostileSlug}");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.DoesNotContain("alert(5)", await Server.Http.GetStringAsync($"/api/articles/{HostileSlug}?lang=ar"));
    }

    [Fact]
    public async Task A_page_links_every_published_locale_and_x_default_and_lets_the_reader_switch()
    {
        var html = await Server.Http.GetStringAsync($"/es/{Slug}");
        var origin = Server.Address.GetLeftPart(UriPartial.Authority);
        foreach (var locale in new[] { "en", "es", "ar" })
        {
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"{locale}\" href=\"{origin}/{locale}/{Slug}\">", html);
        }

        Assert.Contains($"<link rel=\"alternate\" hreflang=\"x-default\" href=\"{origin}/{Slug}\">", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"{origin}/es/{Slug}\">", html);
        Assert.Contains($"<a href=\"/ar/{Slug}\" hreflang=\"ar\" lang=\"ar\">العربية</a>", html);
        Assert.Contains($"<a href=\"/en/{Slug}\" hreflang=\"en\" lang=\"en\">English</a>", html);
        Assert.Contains("aria-current=\"page\">Español</a>", html);
        Assert.Contains("Leer en", html);
        Assert.Contains("Dr. Test Reviewer", html);
    }

    [Fact]
    public async Task Right_to_left_locales_get_dir_rtl_and_their_lang()
    {
        var arabic = await Server.Http.GetStringAsync($"/ar/{Slug}");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("اقرأ بلغة", arabic);
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", await Server.Http.GetStringAsync($"/es/{Slug}"));
    }

    [Fact]
    public async Task The_sitemap_lists_every_locale_with_reciprocal_alternates_and_x_default()
    {
        using var response = await Server.Http.GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace sm = SitemapXml.Namespace;
        XNamespace xhtml = SitemapXml.XhtmlNamespace;
        Assert.Equal(sm + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(sm + "url").ToArray();
        var locs = urls.Select(u => u.Element(sm + "loc")!.Value).ToHashSet();
        var origin = Server.Address.GetLeftPart(UriPartial.Authority);
        Assert.Equal(
            new[] { "en", "es", "ar" }.Select(l => $"{origin}/{l}/{Slug}").Concat([$"{origin}/en/{HostileSlug}", $"{origin}/es/{HostileSlug}"]).Order(),
            locs.Order());
        foreach (var url in urls)
        {
            Assert.True(Uri.IsWellFormedUriString(url.Element(sm + "loc")!.Value, UriKind.Absolute));
            var links = url.Elements(xhtml + "link").ToArray();
            Assert.All(links, l => Assert.Equal("alternate", l.Attribute("rel")!.Value));
            // Reciprocal: every alternate is itself a loc of the sitemap (x-default is the negotiating address).
            Assert.All(links.Where(l => l.Attribute("hreflang")!.Value != "x-default"), l => Assert.Contains(l.Attribute("href")!.Value, locs));
            Assert.Single(links, l => l.Attribute("hreflang")!.Value == "x-default");
            Assert.Contains(links, l => l.Attribute("href")!.Value == url.Element(sm + "loc")!.Value);
        }
    }

    [Fact]
    public async Task A_repeated_request_with_the_ETag_is_answered_304_without_a_body()
    {
        foreach (var path in new[] { $"/es/{Slug}", $"/{Slug}", "/", "/sitemap.xml", "/api/articles", $"/api/articles/{Slug}" })
        {
            using var first = await GetAsync(Server, path, "es");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = ETag(first);
            Assert.NotNull(etag);
            Assert.True(CacheControl(first)!.Public, path);
            Assert.Equal(TimeSpan.FromSeconds(60), CacheControl(first)!.MaxAge);

            using var again = await GetAsync(Server, path, "es", etag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(etag, ETag(again));
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());

            using var weak = await GetAsync(Server, path, "es", $"\"other\", W/{etag}");
            Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
            using var stale = await GetAsync(Server, path, "es", "\"stale\"");
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        }

        // Each language of a negotiated address is its own representation, with its own ETag.
        using var spanish = await GetAsync(Server, $"/{Slug}", "es");
        using var arabic = await GetAsync(Server, $"/{Slug}", "ar", ETag(spanish));
        Assert.Equal(HttpStatusCode.OK, arabic.StatusCode);
        Assert.NotEqual(ETag(spanish), ETag(arabic));
    }

    [Fact]
    public async Task No_script_from_a_translation_reaches_the_reader()
    {
        foreach (var locale in new[] { "es", "en" })
        {
            var html = await Server.Http.GetStringAsync($"/{locale}/{HostileSlug}");
            var body = html[html.IndexOf("<main", StringComparison.Ordinal)..];
            Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            // Raw HTML may show as text (&lt;img … onerror=…&gt;); it must never be an element with a handler.
            Assert.DoesNotMatch(new Regex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase), body);
            Assert.Contains("&lt;img", body);
        }
    }

    [Fact]
    public async Task The_JSON_API_gives_version_outdated_flag_and_review_record_and_is_described_by_OpenAPI()
    {
        using var list = JsonDocument.Parse(await Server.Http.GetStringAsync("/api/articles"));
        var seed = list.RootElement.EnumerateArray().Single(a => a.GetProperty("slug").GetString() == Slug);
        Assert.Equal(["en", "ar", "es"], seed.GetProperty("locales").EnumerateArray().Select(l => l.GetProperty("locale").GetString()));

        using var spanish = JsonDocument.Parse(await Server.Http.GetStringAsync($"/api/articles/{Slug}?lang=es"));
        var article = spanish.RootElement;
        Assert.Equal(1, article.GetProperty("version").GetInt32());
        Assert.False(article.GetProperty("outdated").GetBoolean());
        Assert.False(article.GetProperty("isSource").GetBoolean());
        Assert.Equal(["Dr. Test Reviewer"], article.GetProperty("reviewedBy").EnumerateArray().Select(r => r.GetString()));
        Assert.True(article.GetProperty("reviewedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Contains("<h2", article.GetProperty("html").GetString());

        using var english = JsonDocument.Parse(await Server.Http.GetStringAsync($"/api/articles/{Slug}?lang=en"));
        Assert.True(english.RootElement.GetProperty("isSource").GetBoolean());
        Assert.Equal(JsonValueKind.Null, english.RootElement.GetProperty("version").ValueKind);

        using var missing = await Server.Http.GetAsync("/api/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var openApi = JsonDocument.Parse(await Server.Http.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/articles", "/api/articles/{slug}", "/api/articles/{slug}/{locale}/versions", "/api/articles/{slug}/{locale}/rollback" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI documents {path}");
        }

        Assert.True(openApi.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty(nameof(ArticleDocument), out _));
    }

    [Fact]
    public async Task The_front_page_speaks_the_readers_language()
    {
        using var spanish = await GetAsync(Server, "/", "es-MX");
        Assert.Equal("es", Language(spanish));
        var html = await spanish.Content.ReadAsStringAsync();
        Assert.Contains("Artículos publicados", html);
        Assert.Contains($"href=\"/es/{Slug}\"", html);
        using var english = await GetAsync(Server, "/", "en");
        Assert.Contains("Published articles", await english.Content.ReadAsStringAsync());
    }

    [Fact]
    public void No_article_can_take_an_address_of_the_web_app()
    {
        // The readers' pages are answered before routing, so an article named like a page of the app would hide it.
        var reader = new ArticleReader(new MarkdownFilter(new MarkdownFilterOptions("en", ["title"])));
        var firstSegments = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault()?.Parts is [RoutePatternLiteralPart literal] ? literal.Content.ToLowerInvariant() : null)
            .OfType<string>()
            .Where(s => s != "sitemap.xml")
            .Distinct()
            .ToArray();
        Assert.Contains("dashboard", firstSegments);
        Assert.All(firstSegments, segment =>
        {
            var refused = Assert.Throws<DocumentFormatException>(() => reader.Read($"{segment}.md", Encoding.UTF8.GetBytes($"---\ntitle: T\nslug: {segment}\n---\n\nText.\n")));
            Assert.Contains("reserved", refused.Message);
        });
    }

    [Theory]
    [InlineData("es", "Leer en")]
    [InlineData("es-MX", "Leer en")]
    [InlineData("ar", "اقرأ بلغة")]
    [InlineData("en", "Read in")]
    [InlineData("fr", "Read in")]
    public void Public_strings_come_from_the_resx_culture_files_with_fallback_to_english(string locale, string expected) =>
        Assert.Equal(expected, PublicStrings.Get(locale, PublicStrings.Languages));
}
