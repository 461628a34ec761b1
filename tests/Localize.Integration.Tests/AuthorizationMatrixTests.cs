using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Localize.Core.Workflow;
using Localize.Hosting;
using Localize.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// Who may reach what, as designed: every route and page handler of the app × every kind of account → allowed, sent
/// to sign in, forbidden (403) or not found. The app's endpoints are enumerated from its <see cref="EndpointDataSource"/>
/// (and each page's handlers from its page model), so a new route or handler fails this test until it is in the matrix.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Password = "a long test passphrase";

    private enum Outcome
    {
        /// <summary>Reached the page or handler (any answer but 403, a sign-in redirect, 404, 405 or 5xx).</summary>
        Ok,

        /// <summary>302 to /account/login.</summary>
        Login,

        /// <summary>403.</summary>
        Forbidden,

        /// <summary>404 (the public site's answer for an article not published yet: reached, not redirected).</summary>
        NotFound,

        /// <summary>401: a JSON API endpoint asked without a session (APIs are not redirected to a sign-in page).</summary>
        Unauthorized,
    }

    private const Outcome O = Outcome.Ok, L = Outcome.Login, F = Outcome.Forbidden, N = Outcome.NotFound, U = Outcome.Unauthorized;

    private static readonly string[] People = ["anonymous", "reviewer-es", "reviewer-fr", "editor-es", "manager", "admin"];

    /// <summary>
    /// The matrix. Columns: anonymous, reviewer-es, reviewer-fr, editor-es, manager, admin. A reviewer or editor works
    /// only in their locales; managers see and assign every locale but approve nothing; admins manage accounts.
    /// </summary>
    private static readonly Probe[] Matrix =
    [
        new("GET", "/", null, [O, O, O, O, O, O]),
        new("GET", "/{locale}/{slug}", null, [N, N, N, N, N, N], Url: $"/es/{Slug}"),
        // The English source is on the public site from the start; /es/{slug} waits for a signed translation.
        new("GET", "/{slug}", null, [O, O, O, O, O, O], Url: $"/{Slug}"),
        new("GET", "/sitemap.xml", null, [O, O, O, O, O, O]),
        new("HEAD", "/", null, [O, O, O, O, O, O]),
        new("HEAD", "/{locale}/{slug}", null, [N, N, N, N, N, N], Url: $"/es/{Slug}"),
        new("HEAD", "/{slug}", null, [O, O, O, O, O, O], Url: $"/{Slug}"),
        new("HEAD", "/sitemap.xml", null, [O, O, O, O, O, O]),
        new("GET", "/api/articles/", null, [O, O, O, O, O, O]),
        new("GET", "/api/articles/{slug}", null, [O, O, O, O, O, O], Url: $"/api/articles/{Slug}"),
        new("GET", "/api/articles/{slug}/{locale}/versions", null, [N, N, N, N, N, N], Url: $"/api/articles/{Slug}/es/versions"),
        new("GET", "/openapi/{documentName}.json", null, [O, O, O, O, O, O], Url: "/openapi/v1.json"),
        new("GET", "/health", null, [O, O, O, O, O, O]),
        new("GET", "/api/strings", null, [O, O, O, O, O, O], Url: "/api/strings?lang=es"),
        new("GET", "/account/login", null, [O, O, O, O, O, O]),
        // A failed sign-in answers 401 on the login page itself: reached.
        new("POST", "/account/login", null, [U, U, U, U, U, U], Form: _ => new() { ["userName"] = "nobody", ["password"] = "not a password at all" }),
        new("GET", "/review", null, [L, O, O, O, O, O]),
        new("GET", "/review/{locale}", null, [L, O, F, O, O, O], Url: "/review/es"),
        new("GET", "/review/{locale}/{slug}", null, [L, O, F, O, O, O], Url: $"/review/es/{Slug}"),
        new("POST", "/review/{locale}/{slug}", "Edit", [L, O, F, O, F, F], Url: $"/review/es/{Slug}", Form: s => Segment(s, ("target", s.Target!), ("mqmCategory", "style"), ("mqmSeverity", "minor"))),
        new("POST", "/review/{locale}/{slug}", "Approve", [L, O, F, F, F, F], Url: $"/review/es/{Slug}", Form: s => Segment(s)),
        new("POST", "/review/{locale}/{slug}", "Reject", [L, O, F, F, F, F], Url: $"/review/es/{Slug}", Form: s => Segment(s, ("reason", "wrong term"), ("mqmCategory", "terminology"), ("mqmSeverity", "major"))),
        new("POST", "/review/{locale}/{slug}", "ApproveAll", [L, O, F, F, F, F], Url: $"/review/es/{Slug}", Form: _ => []),
        new("POST", "/review/{locale}/{slug}", "Sign", [L, O, F, F, F, F], Url: $"/review/es/{Slug}", Form: _ => new() { ["password"] = Password, ["contentHash"] = "0" }),
        new("POST", "/review/{locale}/{slug}", "Assign", [L, F, F, F, O, O], Url: $"/review/es/{Slug}", Form: _ => new() { ["assignee"] = "reviewer-es", ["dueAt"] = "2030-01-31" }),
        new("POST", "/review/{locale}/{slug}", "RetranslatePseudo", [L, F, F, F, O, O], Url: $"/review/es/{Slug}", Form: _ => []),
        new("POST", "/review/{locale}/{slug}", "Comment", [L, O, F, O, O, O], Url: $"/review/es/{Slug}", Form: s => Segment(s, ("body", "Is this the right dose?"))),
        new("GET", "/review/{locale}/{slug}/history/{id:long}", null, [L, O, F, O, O, O], UrlOf: s => $"/review/es/{Slug}/history/{s.TranslationId}"),
        new("GET", "/dashboard", null, [L, F, F, F, O, O]),
        new("POST", "/dashboard", "Assign", [L, F, F, F, O, O], Form: _ => new() { ["slug"] = Slug, ["locale"] = "es", ["assignee"] = "reviewer-es", ["dueAt"] = "2030-01-31" }),
        new("GET", "/api/dashboard/{view}", null, [L, F, F, F, O, O], Url: "/api/dashboard/matrix"),
        new("GET", "/review/publishing", null, [L, F, F, F, O, O]),
        new("POST", "/review/publishing", "Rollback", [L, F, F, F, O, O], Form: _ => new() { ["slug"] = Slug, ["locale"] = "es", ["to"] = "1" }),
        new("POST", "/review/publishing", "Unpublish", [L, F, F, F, O, O], Form: _ => new() { ["slug"] = Slug, ["locale"] = "es" }),
        new("POST", "/api/articles/{slug}/{locale}/unpublish", null, [U, F, F, F, O, O], Url: $"/api/articles/{Slug}/es/unpublish", Json: _ => new { }),
        new("POST", "/api/articles/{slug}/{locale}/rollback", null, [U, F, F, F, O, O], Url: $"/api/articles/{Slug}/es/rollback", Json: _ => new { to = 1 }),
        new("GET", "/api/webhooks/deliveries", null, [U, F, F, F, O, O]),
        new("GET", "/admin/users", null, [L, F, F, F, F, O]),
        new("POST", "/admin/users", null, [L, F, F, F, F, O], Form: s => new() { ["userName"] = $"new-{s.TranslationId}-{Guid.NewGuid():N}"[..20], ["role"] = "reviewer", ["locales"] = "de", ["password"] = Password }),
        new("POST", "/admin/users", "Disable", [L, F, F, F, F, O], Form: _ => new() { ["name"] = "reviewer-fr" }),
        new("POST", "/admin/users", "Enable", [L, F, F, F, F, O], Form: _ => new() { ["name"] = "reviewer-fr" }),
        new("POST", "/admin/users", "Roles", [L, F, F, F, F, O], Form: _ => new() { ["name"] = "reviewer-fr", ["accountRole"] = "reviewer", ["accountLocales"] = "fr" }),
        new("POST", "/admin/users", "ResetPassword", [L, F, F, F, F, O], Form: _ => new() { ["name"] = "nobody-at-all" }),
        new("GET", "/account/logout", null, [L, O, O, O, O, O]),

        // Last: it ends the session the other probes use.
        new("POST", "/account/logout", null, [L, O, O, O, O, O], Form: _ => []),
    ];

    [Fact]
    public async Task Every_route_and_handler_answers_each_kind_of_account_as_designed()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);
        await InProcessCli.AddUserAsync(repository, "reviewer-es", "reviewer", Password, "es");
        await InProcessCli.AddUserAsync(repository, "reviewer-fr", "reviewer", Password, "fr");
        await InProcessCli.AddUserAsync(repository, "editor-es", "editor", Password, "es");
        await InProcessCli.AddUserAsync(repository, "manager", "manager", Password);
        await InProcessCli.AddUserAsync(repository, "admin", "admin", Password);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "es segments in review");
        await RunningServer.WaitForAsync(
            async () => (await server.Http.GetAsync($"/{Slug}")).IsSuccessStatusCode, "the public site to serve the English source");

        var endpoints = Endpoints(server);
        var missing = endpoints.Except(Matrix.Select(p => p.Key)).ToArray();
        Assert.True(missing.Length == 0, $"routes not in the authorization matrix: {string.Join(", ", missing)}");
        var stale = Matrix.Select(p => p.Key).Except(endpoints).ToArray();
        Assert.True(stale.Length == 0, $"matrix rows for routes the app does not have: {string.Join(", ", stale)}");

        var failures = new List<string>();
        for (var who = 0; who < People.Length; who++)
        {
            using var client = who == 0 ? ReviewerClient.Anonymous(server) : await ReviewerClient.SignInAsync(server, People[who], Password);
            foreach (var probe in Matrix)
            {
                // A plain segment (no inline codes) that is still in review, so each action has something to act on.
                var segment = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default))
                    .Where(s => s.Kind != "field" && !s.Source.Contains('<'))
                    .OrderBy(s => s.State == SegmentState.InReview ? 0 : 1)
                    .First();
                using var response = probe.UrlOf is { } urlOf ? await client.GetAsync(urlOf(segment))
                    : probe.Method == "GET" ? await client.GetAsync(probe.Url ?? probe.Route)
                    : probe.Method == "HEAD" ? await client.HeadAsync(probe.Url ?? probe.Route)
                    : probe.Json is not null ? await client.PostAsJsonAsync(probe.Url ?? probe.Route, probe.Json(segment))
                    : await client.SubmitAsync(probe.Url ?? probe.Route, probe.Handler, probe.Form!(segment));
                var outcome = Classify(response);
                if (outcome != probe.Expected[who])
                {
                    failures.Add($"{probe.Key} as {People[who]}: expected {probe.Expected[who]}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Dictionary<string, string> Segment(ReviewItem segment, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["id"] = segment.TranslationId.ToString(), ["version"] = segment.Version.ToString() };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return form;
    }

    private static Outcome? Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.NotFound,
        HttpStatusCode.Unauthorized => Outcome.Unauthorized,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true => Outcome.Login,
        HttpStatusCode.MethodNotAllowed or >= HttpStatusCode.InternalServerError => null,
        _ => Outcome.Ok,
    };

    /// <summary>
    /// Every (method, route, handler) the app answers: minimal endpoints with their HTTP methods, and for each Razor
    /// page every On{Verb}{Handler} method of its page model.
    /// </summary>
    private static IReadOnlyList<string> Endpoints(RunningServer server)
    {
        var pageModels = typeof(LocalizeServerExtensions).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .ToDictionary(t => "/" + t.Namespace!["Localize.Server.Pages.".Length..].Replace('.', '/') + "/" + t.Name[..^"Model".Length]);
        var keys = new List<string>();
        foreach (var endpoint in server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
            if (page is null)
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                keys.AddRange(methods.Select(m => Probe.KeyOf(m, route, null)));
                continue;
            }

            Assert.True(pageModels.TryGetValue(page.ViewEnginePath, out var model), $"page {page.ViewEnginePath} has no page model");
            foreach (var method in model!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (HandlerPattern().Match(method.Name) is { Success: true } match)
                {
                    var handler = match.Groups[2].Value;
                    keys.Add(Probe.KeyOf(match.Groups[1].Value.ToUpperInvariant(), route, handler.Length == 0 ? null : handler));
                }
            }
        }

        return [.. keys.Distinct()];
    }

    [GeneratedRegex("^On(Get|Post|Put|Delete|Patch)(.*?)(Async)?$")]
    private static partial Regex HandlerPattern();

    private sealed record Probe(
        string Method, string Route, string? Handler, Outcome[] Expected, string? Url = null, Func<ReviewItem, Dictionary<string, string>>? Form = null, Func<ReviewItem, object>? Json = null,
        Func<ReviewItem, string>? UrlOf = null)
    {
        public string Key => KeyOf(Method, Route, Handler);

        public static string KeyOf(string method, string route, string? handler) => $"{method} {route}{(handler is null ? string.Empty : $"?handler={handler}")}";
    }
}
