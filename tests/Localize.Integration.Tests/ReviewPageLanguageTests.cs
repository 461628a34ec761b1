using Localize.Core.Workflow;
using Localize.Testing;

namespace Localize.Integration.Tests;

/// <summary>
/// The review page says which language pack checked a locale and what it could not check, and shows a right-to-left
/// language right to left, as the public site does.
/// </summary>
public sealed class ReviewPageLanguageTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Password = "a long test passphrase";

    private const string Pipeline = """
        name: patient-articles
        source:
          folder: content
          include: "**/*.md"
          language: en
          fields: [title, description]
        locales:
          - code: ar
            engine: pseudo
          - code: sw
            engine: pseudo
        review:
          approvals: 1
        publish:
          folder: translations
        """;

    [Fact]
    public async Task The_review_page_names_the_language_pack_and_shows_Arabic_right_to_left()
    {
        using var repository = new TestRepository(Pipeline);
        await using var server = await RunningServer.StartAsync(repository);
        await InProcessCli.AddUserAsync(repository, "dr-reviewer", "reviewer", Password, "ar", "sw");
        foreach (var locale in new[] { "ar", "sw" })
        {
            await RunningServer.WaitForAsync(
                async () => (await server.Store.ListArticleSegmentsAsync(Slug, locale, default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
                $"{locale} segments in review");
        }

        using var reviewer = await ReviewerClient.SignInAsync(server, "dr-reviewer", Password);
        var arabic = await reviewer.GetStringAsync($"/review/ar/{Slug}");
        var swahili = await reviewer.GetStringAsync($"/review/sw/{Slug}");

        Assert.Contains("language pack: Arabic (ar)", arabic, StringComparison.Ordinal);
        Assert.Contains("<td lang=\"ar\" dir=\"rtl\">", arabic, StringComparison.Ordinal);
        Assert.Contains("no language pack for Swahili (sw)", swahili, StringComparison.Ordinal);
        Assert.Contains("negation and prohibitions are not checked", swahili, StringComparison.Ordinal);
        Assert.Contains("<td lang=\"sw\" dir=\"ltr\">", swahili, StringComparison.Ordinal);
    }
}
