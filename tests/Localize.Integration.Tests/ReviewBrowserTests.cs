using Localize.Core.Content;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Localize.Integration.Tests;

/// <summary>
/// Two medical reviewers in their own browsers (Debian's Chromium via Playwright) take an article through review:
/// four-eyes on an edit, the last approval opening the sign-off, a wrong password refused, the right one publishing.
/// </summary>
public sealed class ReviewBrowserTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Password = "ana's long passphrase";
    private const string BenPassword = "ben's long passphrase";

    [Fact]
    public async Task Reviewer_A_edits_and_cannot_approve_reviewer_B_approves_and_signs_and_the_article_publishes()
    {
        Requirements.Apertium();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);
        await InProcessCli.AddUserAsync(repository, "ana", "reviewer", Password, "es");
        await InProcessCli.AddUserAsync(repository, "ben", "reviewer", BenPassword, "es");
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } all
                && all.All(s => s.State == SegmentState.InReview && s.BackTranslation is not null),
            "es segments in review with their back-translations");
        var segment = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).First(s => s.Kind == "paragraph" && !s.Source.Contains('<'));
        var row = $"#segment-{segment.Ordinal + 1}";
        var path = $"/review/es/{Slug}";

        // Ana approves everything, then has second thoughts about one sentence and edits it.
        var ana = await Browser.SignInAsync(browser, server, "ana", Password, path);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Approve all segments in review" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#confirm-approve-all h2")).ToContainTextAsync("Approve");
        await ana.Locator("#confirm-approve-all button[type=submit]").ClickAsync();
        await Assertions.Expect(ana.Locator("#flash")).ToContainTextAsync("approved");
        // Approve-all leaves every dose or number and prohibition, and what the checks flag in real Apertium output (a
        // glued "cursode7"): Ana reads each and approves it on its own, with a written reason where a finding asks for one.
        var review = server.Services.GetRequiredService<ReviewService>();
        foreach (var flagged in (await server.Store.ListArticleSegmentsAsync(Slug, "es", default))
            .Where(s => s.State == SegmentState.InReview && s.TranslationId != segment.TranslationId))
        {
            await review.ApproveAsync(flagged.TranslationId, new ReviewActor("ana", [Roles.Reviewer], ["es"]), flagged.Version, "machine output read and accepted in a test", default);
        }

        await ana.ReloadAsync();
        await ana.Locator($"{row} summary", new() { HasText = "Edit" }).ClickAsync();
        await ana.Locator($"{row} textarea[name=target]").FillAsync(segment.Target + " Consulte a su médico.");
        await ana.Locator($"{row} input[name=mqmCategory]").First.FillAsync("accuracy/omission");
        await ana.Locator($"{row} select[name=mqmSeverity]").First.SelectOptionAsync("major");
        await ana.GetByRole(AriaRole.Button, new() { Name = $"Save edit of segment {segment.Ordinal + 1}" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#flash")).ToContainTextAsync("second reviewer");

        // Four-eyes: Ana sees why she cannot approve her own edit, and no button to do it.
        await Assertions.Expect(ana.Locator($"{row} .four-eyes")).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator($"{row} button", new() { HasText = "Approve" })).ToHaveCountAsync(0);
        await Assertions.Expect(ana.Locator("#sign-off-waiting")).ToContainTextAsync("1 segment not approved");
        await Assertions.Expect(ana.Locator("#mqm-score")).ToContainTextAsync("1 major");
        await ana.Locator($"{row} summary", new() { HasText = "Edit" }).ClickAsync();
        await ana.Locator(row).ScrollIntoViewIfNeededAsync();
        await ana.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("review-editor.png") });

        // Ben approves it: the last approval opens the sign-off.
        var ben = await Browser.SignInAsync(browser, server, "ben", BenPassword, path);
        await Assertions.Expect(ben.Locator($"{row} .muted", new() { HasText = "edited by ana" })).ToBeVisibleAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = $"Approve segment {segment.Ordinal + 1}", Exact = true }).ClickAsync();
        await Assertions.Expect(ben.Locator("#flash")).ToContainTextAsync("Segment approved");
        await Assertions.Expect(ben.Locator("#sign-form")).ToBeVisibleAsync();

        // A wrong password signs nothing; the right one signs the exact content, and the worker publishes it.
        await ben.Locator("#sign-form input[name=password]").FillAsync("not ben's password");
        await ben.Locator("#sign-form button").ClickAsync();
        await Assertions.Expect(ben.Locator("#refusal")).ToContainTextAsync("password is wrong");
        Assert.False(File.Exists(repository.PublishedPath("es", Slug)));
        await ben.Locator("#sign-form input[name=password]").FillAsync(BenPassword);
        await ben.Locator("#sign-form button").ClickAsync();
        await Assertions.Expect(ben.Locator("#signature")).ToContainTextAsync("Reviewed and approved for medical accuracy");
        await RunningServer.WaitForAsync(() => Task.FromResult(File.Exists(repository.PublishedPath("es", Slug))), "the signed article to be published");

        var hash = await ben.Locator("#signature code").InnerTextAsync();
        Assert.Equal(hash, ContentHash.Of(await File.ReadAllTextAsync(repository.PublishedPath("es", Slug))));
        var reader = await Browser.NewPageAsync(browser);
        await reader.GotoAsync(new Uri(server.Address, $"/es/{Slug}").ToString());
        await Assertions.Expect(reader.Locator("article.page")).ToContainTextAsync("Consulte a su médico.");
    }
}
