using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// A running host whose pipeline translates into es, ar and fr with the pseudo engine (no Apertium needed), and the
/// steps a reviewer and a reader take: approve with the CLI, wait for the page, ask for it in some language.
/// </summary>
public static class PublicSite
{
    public const string Slug = TestRepository.SeedSlug;
    public const string HostileSlug = "hostile-markup";

    public const string Pipeline = """
        name: patient-articles
        source:
          folder: content
          include: "**/*.md"
          language: en
          fields: [title, description]
        locales:
          - code: es
            engine: pseudo
          - code: ar
            engine: pseudo
          - code: fr
            engine: pseudo
        review:
          approvals: 1
        publish:
          folder: translations
        """;

    /// <summary>An article whose Markdown tries every way to get script to a reader.</summary>
    public const string HostileArticle = """
        ---
        title: Hostile markup
        slug: hostile-markup
        ---

        Read the [leaflet](javascript:alert(1)) before your visit.

        <script>alert(2)</script>

        See the ![diagram](javascript:alert(3)) and <img src=x onerror=alert(4)> too.
        """;

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Localize:Public:Fallbacks:ca:0"] = "es",
        ["Localize:Public:RefreshInterval"] = "00:00:00.200",
    };

    public static Task WaitUntilInReviewAsync(RunningServer server, string locale, string slug = Slug) =>
        server.WaitForSegmentsAsync(
            slug,
            locale,
            segments => segments.Any(s => s.State == SegmentState.InReview)
                && segments.All(s => s.State is SegmentState.InReview or SegmentState.Approved),
            $"every {locale} segment of {slug} that is not approved to be in review");

    /// <summary>The medical reviewer of every test locale who approves and signs in these tests.</summary>
    public static readonly ReviewActor Reviewer = new("Dr. Test Reviewer", [Roles.Reviewer], ["es", "ar", "fr"]);

    /// <summary>Approves every segment in review and signs the article × locale off, which is what lets the worker publish it.</summary>
    public static async Task ApproveAsync(RunningServer server, string locale, string slug = Slug)
    {
        await ApproveOnlyAsync(server, locale, slug);
        var signOff = server.Services.GetRequiredService<SignOffService>();
        var status = await signOff.InspectAsync(slug, locale, default);
        await signOff.SignAsync(slug, locale, Reviewer, status.ContentHash!, default);
    }

    /// <summary>Approves every segment in review without signing: the worker must not publish that.</summary>
    public static async Task ApproveOnlyAsync(RunningServer server, string locale, string slug = Slug)
    {
        await WaitUntilInReviewAsync(server, locale, slug);
        var review = server.Services.GetRequiredService<ReviewService>();
        await TranslateByHandAsync(server, locale, slug);
        await review.ApproveAllAsync(slug, locale, Reviewer, default);
        // Pseudo text is not Spanish or Arabic, so the language-aware checks flag some of it: a reviewer would
        // override those with a reason, and so does the test.
        foreach (var flagged in (await server.Store.ListArticleSegmentsAsync(slug, locale, default)).Where(s => s.State == SegmentState.InReview))
        {
            await review.ApproveAsync(flagged.TranslationId, Reviewer, flagged.Version, "pseudo text in a test, not a translation", default);
        }

        Assert.All(await server.Store.ListArticleSegmentsAsync(slug, locale, default), s => Assert.Equal(SegmentState.Approved, s.State));
    }

    /// <summary>A translator of every test locale, who writes what the pseudo engine could not.</summary>
    public static readonly ReviewActor Translator = new("Test Translator", [Roles.Editor], ["es", "ar", "fr"]);

    /// <summary>
    /// Pseudo output is never approved as a language, so a translator rewrites each pseudo target first (here: the same
    /// text without the pseudo brackets, as a test has no Spanish or Arabic to write); the reviewer then approves it.
    /// </summary>
    public static async Task TranslateByHandAsync(RunningServer server, string locale, string slug = Slug)
    {
        var review = server.Services.GetRequiredService<ReviewService>();
        foreach (var pseudo in (await server.Store.ListArticleSegmentsAsync(slug, locale, default)).Where(s => s.HoldsPseudoOutput && s.State == SegmentState.InReview))
        {
            var unbracketed = Regex.Match(pseudo.Target!, @"^\[!! (?<text>.*?)(?: ·+)? !!\]$", RegexOptions.Singleline).Groups["text"].Value;
            await review.EditAsync(pseudo.TranslationId, Translator, unbracketed, pseudo.Version, issue: null, default);
        }
    }

    /// <summary>Waits until the public site serves <paramref name="version"/> of a locale (the cache rebuilds in the background).</summary>
    public static async Task WaitForVersionAsync(RunningServer server, string locale, int version, string slug = Slug) =>
        await RunningServer.WaitForAsync(
            async () =>
            {
                using var response = await server.Http.GetAsync($"/{locale}/{slug}");
                return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains($"data-version=\"{version}\"");
            },
            $"version {version} of {locale}/{slug} on the public site");

    public static async Task<HttpResponseMessage> GetAsync(RunningServer server, string path, string? acceptLanguage = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await server.Http.SendAsync(request);
    }

    public static string Language(HttpResponseMessage response) => string.Join(",", response.Content.Headers.ContentLanguage);

    public static string? ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    public static CacheControlHeaderValue? CacheControl(HttpResponseMessage response) => response.Headers.CacheControl;
}
