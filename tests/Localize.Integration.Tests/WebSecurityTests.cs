using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Localize.Core.Workflow;

namespace Localize.Integration.Tests;

/// <summary>
/// What every answer of the web app tells a browser (issue 21): a Content-Security-Policy that allows no inline script
/// or style, <c>nosniff</c>, no framing, no referrer — on staff pages, the public site, the JSON API and error answers;
/// the session-acting JSON POST endpoints refuse a request another site could have made; and the server listens where
/// the standard ASP.NET Core address settings say.
/// </summary>
public sealed partial class WebSecurityTests
{
    private const string Slug = TestRepository.SeedSlug;

    [Fact]
    public async Task Every_page_api_answer_and_error_carries_the_security_headers_and_no_page_has_inline_script()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "es segments in review");
        await RunningServer.WaitForAsync(async () => (await server.Http.GetAsync($"/{Slug}")).IsSuccessStatusCode, "the public site to serve the English source");
        var manager = await server.ManagerAsync();
        var anonymous = ReviewerClient.Anonymous(server);

        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("public page", await anonymous.GetAsync($"/{Slug}")),
            ("public page, HEAD", await anonymous.HeadAsync($"/{Slug}")),
            ("sitemap", await anonymous.GetAsync("/sitemap.xml")),
            ("content API", await anonymous.GetAsync($"/api/articles/{Slug}")),
            ("strings API error", await anonymous.GetAsync("/api/strings?lang=not-a-language!")),
            ("health", await anonymous.GetAsync("/health")),
            ("static file", await anonymous.GetAsync("/site.css")),
            ("not found", await manager.GetAsync("/no/such/page/here")),
            ("sign-in redirect", await anonymous.GetAsync("/review")),
            ("sign-in page", await anonymous.GetAsync("/account/login")),
            ("review", await manager.GetAsync("/review")),
            ("queue", await manager.GetAsync("/review/es")),
            ("article", await manager.GetAsync($"/review/es/{Slug}")),
            ("publishing", await manager.GetAsync("/review/publishing")),
            ("dashboard", await manager.GetAsync("/dashboard")),
            ("dashboard API", await manager.GetAsync("/api/dashboard/matrix")),
            ("forbidden", await manager.GetAsync("/admin/users")),
            ("refused JSON POST", await manager.PostAsJsonFromAnotherSiteAsync($"/api/articles/{Slug}/es/unpublish", new { })),
        };

        var problems = new List<string>();
        foreach (var (what, response) in answers)
        {
            var headers = response.Headers;
            Check(problems, what, response, "Content-Security-Policy", value => value.Contains("script-src 'self'") && value.Contains("frame-ancestors 'none'") && value.Contains("style-src 'self'") && !value.Contains("unsafe-inline") && !value.Contains("unsafe-eval"));
            Check(problems, what, response, "X-Content-Type-Options", value => value == "nosniff");
            Check(problems, what, response, "X-Frame-Options", value => value == "DENY");
            Check(problems, what, response, "Referrer-Policy", value => value == "no-referrer");
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await response.Content.ReadAsStringAsync();
                foreach (Match script in ScriptTag().Matches(html))
                {
                    if (!script.Value.Contains(" src=", StringComparison.Ordinal))
                    {
                        problems.Add($"{what}: inline script {script.Value}");
                    }
                }

                foreach (Match handler in EventHandlerAttribute().Matches(html))
                {
                    problems.Add($"{what}: inline event handler {handler.Value}");
                }

                if (StyleAttributeOrElement().Match(html) is { Success: true } style)
                {
                    problems.Add($"{what}: inline style {style.Value}");
                }
            }

            response.Dispose();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(answers, a => a.What == "not found" && a.Response.StatusCode == HttpStatusCode.NotFound);
        Assert.Contains(answers, a => a.What == "public page" && a.Response.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_json_post_with_only_the_session_cookie_is_refused_and_one_with_a_token_or_the_explicit_header_is_handled()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);
        var manager = await server.ManagerAsync();
        var rollback = $"/api/articles/{Slug}/es/rollback";

        // Another site's form or script: the browser adds the cookie, but neither the token nor a custom header.
        using var crossSite = await manager.PostAsJsonFromAnotherSiteAsync(rollback, new { to = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        Assert.Contains("Cross-site request refused", await crossSite.Content.ReadAsStringAsync());
        using var crossSiteUnpublish = await manager.PostAsJsonFromAnotherSiteAsync($"/api/articles/{Slug}/es/unpublish", new { });
        Assert.Equal(HttpStatusCode.BadRequest, crossSiteUnpublish.StatusCode);

        // Our own pages' token, or a client's explicit header: the request reaches the endpoint (nothing is published
        // yet, so the rollback itself is refused as a conflict — by the endpoint, not the guard).
        using var withToken = await manager.PostAsJsonWithTokenAsync(rollback, new { to = 1 });
        Assert.Equal(HttpStatusCode.Conflict, withToken.StatusCode);
        using var withHeader = await manager.PostAsJsonAsync(rollback, new { to = 1 });
        Assert.Equal(HttpStatusCode.Conflict, withHeader.StatusCode);
        Assert.Empty(await server.Store.ListPublicationsAsync(Slug, "es", default));
    }

    public static TheoryData<string> AddressSettings => ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "--urls"];

    /// <summary>appsettings.json names no address, so the platform's own settings are what decide where the server listens.</summary>
    [Theory]
    [MemberData(nameof(AddressSettings))]
    public async Task The_server_listens_where_the_standard_address_setting_says(string setting)
    {
        using var repository = new TestRepository();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Localize.Server.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["Localize__Root"] = repository.Root;
        start.Environment["Localize__RunWorker"] = "false";
        start.Environment["Localize__PostgreSql"] = repository.PostgreSql ?? string.Empty;
        // As deployed: the server decides where socket reads complete (inline on SQLite), not the test host (TestHostSockets).
        start.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");
        switch (setting)
        {
            case "ASPNETCORE_URLS":
                start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
                break;
            case "ASPNETCORE_HTTP_PORTS":
                start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                start.ArgumentList.Add("--urls");
                start.ArgumentList.Add($"http://127.0.0.1:{port}");
                break;
        }

        // Both streams are drained as they come: a pipe nobody reads fills up and blocks the server's logging, and the
        // errors are read in full only once the server has exited (reading them to the end before would wait for that).
        using var process = new Process { StartInfo = start };
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { errors.Enqueue(line); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await RunningServer.WaitForAsync(
                async () =>
                {
                    Assert.False(process.HasExited, $"the server exited: {string.Join('\n', errors)}");
                    try
                    {
                        return (await http.GetAsync("/health")).IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                $"the server to answer on port {port} ({setting})");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static void Check(List<string> problems, string what, HttpResponseMessage response, string header, Func<string, bool> holds)
    {
        var value = response.Headers.TryGetValues(header, out var values) ? string.Join(", ", values) : null;
        if (value is null || !holds(value))
        {
            problems.Add($"{what} ({(int)response.StatusCode}): {header} is '{value ?? "missing"}'");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<style[\s>]|<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttributeOrElement();
}
