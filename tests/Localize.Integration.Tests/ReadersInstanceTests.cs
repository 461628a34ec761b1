using System.Net;
using System.Text;
using System.Text.Json;
using Localize.Server.Webhooks;
using Localize.Server.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Localize.Integration.Tests.PublicSite;

namespace Localize.Integration.Tests;

/// <summary>
/// A readers' instance (<c>Localize:PublicSiteOnly</c>): the public site and its read-only API on the same database and
/// content store as the web app, answering on the socket's thread. Readers must not be able to tell it from the web app,
/// and it must offer nothing else.
/// </summary>
public sealed class ReadersInstanceTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    [Theory]
    [MemberData(nameof(PublicSiteTests.Negotiation), MemberType = typeof(PublicSiteTests))]
    public async Task It_answers_every_reader_as_the_web_app_does(string? acceptLanguage, string expected)
    {
        foreach (var path in new[] { $"/{Slug}", $"/es/{Slug}", $"/en/{HostileSlug}", "/", "/sitemap.xml", "/api/articles", $"/api/articles/{Slug}" })
        {
            using var fromWebApp = await GetAsync(site.Server, path, acceptLanguage);
            using var fromReaders = await GetAsync(site.Readers, path, acceptLanguage);
            Assert.Equal(HttpStatusCode.OK, fromReaders.StatusCode);
            Assert.Equal(Language(fromWebApp), Language(fromReaders));
            Assert.Equal(ETag(fromWebApp), ETag(fromReaders));
            Assert.Equal(fromWebApp.Headers.Vary, fromReaders.Headers.Vary);
            Assert.Equal(fromWebApp.Content.Headers.ContentType, fromReaders.Content.Headers.ContentType);
            // The same bytes but for the origin in absolute links, which is each host's own.
            Assert.Equal(
                (await fromWebApp.Content.ReadAsStringAsync()).Replace(Origin(site.Server), "ORIGIN"),
                (await fromReaders.Content.ReadAsStringAsync()).Replace(Origin(site.Readers), "ORIGIN"));
        }

        using var page = await GetAsync(site.Readers, $"/{Slug}", acceptLanguage);
        Assert.Equal(expected, Language(page));
    }

    [Fact]
    public async Task It_serves_what_another_process_published_and_never_what_was_not_signed()
    {
        using var unsigned = await GetAsync(site.Readers, $"/fr/{HostileSlug}");
        Assert.Equal(HttpStatusCode.NotFound, unsigned.StatusCode);
        using var unknown = await GetAsync(site.Readers, "/no-such-article", "es");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var versions = JsonDocument.Parse(await site.Readers.Http.GetStringAsync($"/api/articles/{Slug}/es/versions"));
        Assert.Equal(1, versions.RootElement[0].GetProperty("version").GetInt32());
        Assert.Equal("ok", await site.Readers.Http.GetStringAsync("/health"));
        Assert.Contains("/api/articles/{slug}", await site.Readers.Http.GetStringAsync("/openapi/v1.json"));
    }

    [Theory]
    [InlineData("GET", "/review")]
    [InlineData("GET", "/review/es")]
    [InlineData("GET", "/dashboard")]
    [InlineData("GET", "/account/login")]
    [InlineData("GET", "/admin/users")]
    [InlineData("GET", "/api/webhooks/deliveries")]
    [InlineData("POST", "/api/articles/" + Slug + "/es/rollback")]
    [InlineData("POST", "/api/articles/" + Slug + "/es/unpublish")]
    public async Task It_has_no_sign_in_review_dashboard_publishing_actions_or_worker(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{\"to\":1}", Encoding.UTF8, "application/json");
        }

        using var response = await site.Readers.Http.SendAsync(request);
        Assert.DoesNotContain(site.Readers.Services.GetServices<IHostedService>(), s => s is PipelineWorker or WebhookDispatcher);
        Assert.True(
            response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
            $"{method} {path} answered {(int)response.StatusCode} on a readers' instance");
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
    }

    [Fact]
    public async Task HEAD_gives_a_pages_headers_without_its_body_on_both_hosts()
    {
        foreach (var host in new[] { site.Server, site.Readers })
        {
            using var get = await GetAsync(host, $"/{Slug}", "es");
            using var head = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/{Slug}") { Headers = { { "Accept-Language", "es" } } });
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("es", Language(head));
            Assert.Equal(ETag(get), ETag(head));
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    private static string Origin(RunningServer server) => server.Address.GetLeftPart(UriPartial.Authority);
}
