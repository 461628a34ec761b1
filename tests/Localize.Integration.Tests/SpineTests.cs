using Localize.Server.Web;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Localize.Core.Publishing;
using Localize.Core.Segments;
using Localize.Core.Workflow;
using Localize.Integration.Tests.Scale;
using Localize.Testing;

namespace Localize.Integration.Tests;

/// <summary>
/// The promise of the spine, through the host's real components (SQLite file, filesystem stores, Apertium process,
/// pseudo engine, HTTP): an article goes from content/ to a reviewed, published page, and a one-sentence edit sends
/// exactly that sentence back through translation and review while the published page stays online. The spine runs
/// on both databases: the embedded SQLite file and PostgreSQL.
/// </summary>
public sealed class SpineTests(SharedPostgreSql postgres)
{
    private const string Slug = TestRepository.SeedSlug;
    private const string EditedFrom = "Migraine attacks can last for hours or even days at a time.";
    private const string EditedTo = "Migraine attacks can last for many hours or even several days at a time.";
    private const string Reviewer = "test-reviewer";
    private const string Password = "a long test passphrase";

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task An_article_is_published_after_review_and_a_one_sentence_edit_requeues_only_that_sentence(string database)
    {
        Requirements.Apertium();
        using var repository = new TestRepository { PostgreSql = await postgres.DatabaseForAsync(database) };
        await using var server = await RunningServer.StartAsync(repository);
        await InProcessCli.AddUserAsync(repository, Reviewer, "reviewer", Password, "es", "qps-ploc");

        var es = await WaitUntilAllInReviewAsync(server, "es");
        var pseudo = await WaitUntilAllInReviewAsync(server, "qps-ploc");
        Assert.All(es, s => Assert.Equal("apertium", s.EngineId));
        Assert.All(pseudo, s => Assert.Equal("pseudo", s.EngineId));
        Assert.Equal(es.Select(s => s.Source), pseudo.Select(s => s.Source));
        Assert.Contains(es, s => s.Source.Contains("ketamine", StringComparison.OrdinalIgnoreCase) && s.Target != s.Source);

        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).All(s => s.BackTranslation is not null)
                && await server.Store.FindReadabilityAsync(Slug, "es", default) is not null
                && await server.Store.FindReadabilityAsync(Slug, "en", default) is not null,
            "back-translations and readability scores from the worker");

        using var reviewer = await ReviewerClient.SignInAsync(server, Reviewer, Password);
        var queuePage = await reviewer.GetStringAsync("/review");
        Assert.Contains("Can Ketamine Infusions Treat Chronic Migraines?", queuePage);
        var reviewPage = await reviewer.GetStringAsync($"/review/es/{Slug}");
        Assert.Contains(PageEncoding.Html.Encode(InlineMarkup.PlainText(es[^1].Target!)), reviewPage);
        Assert.Contains("Back-translation:", reviewPage);
        Assert.Contains("INFLESZ", reviewPage);
        Assert.Contains("grade", reviewPage);

        Assert.Equal(0, await ApproveWithCliAsync(repository, server, "es"));
        Assert.Equal(0, await ApproveWithCliAsync(repository, server, "qps-ploc"));
        Assert.Equal(0, await SignWithCliAsync(repository, "es"));
        Assert.Equal(0, await SignWithCliAsync(repository, "qps-ploc"));
        await RunningServer.WaitForAsync(() => Task.FromResult(File.Exists(repository.PublishedPath("es", Slug)) && File.Exists(repository.PublishedPath("qps-ploc", Slug))), "both locales to be published");

        var published = await File.ReadAllBytesAsync(repository.PublishedPath("es", Slug));
        var publishedText = Encoding.UTF8.GetString(published);
        Assert.StartsWith("---", publishedText);
        Assert.Contains($"slug: {Slug}", publishedText);
        Assert.Contains("## ", publishedText);
        // The file is written before its publication is recorded, and the public site serves from a snapshot in memory
        // rebuilt after the record: the page is online a moment after the file appears, not at once.
        await RunningServer.WaitForAsync(
            async () => (await server.Http.GetAsync($"/es/{Slug}")).StatusCode == HttpStatusCode.OK, "the Spanish page to be served");
        var page = await server.Http.GetAsync($"/es/{Slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"es\"", html);
        Assert.Contains("<h2", html);
        Assert.DoesNotContain("outdated-notice", html);

        var source = repository.SourcePath(Slug + ".md");
        var original = await File.ReadAllTextAsync(source);
        Assert.Contains(EditedFrom, original);
        await File.WriteAllTextAsync(source, original.Replace(EditedFrom, EditedTo, StringComparison.Ordinal));

        foreach (var locale in new[] { "es", "qps-ploc" })
        {
            await RunningServer.WaitForAsync(
                async () => (await server.Store.ListArticleSegmentsAsync(Slug, locale, default)).Any(s => s.Source.Contains("many hours") && s.State == SegmentState.InReview),
                $"the edited sentence to be re-translated into {locale}");
            var segments = await server.Store.ListArticleSegmentsAsync(Slug, locale, default);
            var requeued = Assert.Single(segments, s => s.State != SegmentState.Approved);
            Assert.Contains("many hours", requeued.Source);
            Assert.Equal(es.Count, segments.Count);
            var history = await server.Store.ListChangesAsync(requeued.TranslationId, default);
            Assert.Contains(history, c => c.To == SegmentState.Outdated && c.Detail == "source changed");
        }

        Assert.Equal(published, await File.ReadAllBytesAsync(repository.PublishedPath("es", Slug)));
        // The public site serves pages from memory and notices a source change at its next refresh (1 s by default).
        await RunningServer.WaitForAsync(
            async () => (await server.Http.GetStringAsync($"/es/{Slug}")).Contains("outdated-notice"), "the Spanish page to be marked outdated");

        // Approved but not signed off: the publish step, run here, publishes nothing new.
        Assert.Equal(0, await ApproveWithCliAsync(repository, server, "es"));
        await server.RunStepAsync(PublishStep.StepName);
        Assert.Equal(1, (await server.Store.FindLatestPublicationAsync(Slug, "es", default))?.Version);
        Assert.Equal(published, await File.ReadAllBytesAsync(repository.PublishedPath("es", Slug)));
        Assert.Equal(0, await SignWithCliAsync(repository, "es"));
        await RunningServer.WaitForAsync(
            async () => (await server.Store.FindLatestPublicationAsync(Slug, "es", default))?.Version == 2,
            "version 2 to be published");
        Assert.NotEqual(published, await File.ReadAllBytesAsync(repository.PublishedPath("es", Slug)));
        // Like the first publication, the new version reaches the in-memory site a moment after its record.
        await PublicSite.WaitForVersionAsync(server, "es", 2, Slug);
        Assert.DoesNotContain("outdated-notice", await server.Http.GetStringAsync($"/es/{Slug}"));
    }

    [Fact]
    public async Task A_malformed_article_is_one_clear_error_naming_the_file_and_the_others_go_on()
    {
        using var repository = new TestRepository();
        await File.WriteAllTextAsync(repository.SourcePath("bad-front-matter.md"), "---\ntitle: [unclosed\nslug: bad\n---\n\nBody text.\n");
        await File.WriteAllTextAsync(repository.SourcePath("no-title.md"), "---\nslug: no-title\ndescription: An article without a title.\n---\n\nBody text.\n");
        await File.WriteAllBytesAsync(repository.SourcePath("not-utf8.md"), [.. "---\ntitle: Latin-1\n---\n\nCaf"u8, 0xE9, .. " au lait.\n"u8]);
        await using var server = await RunningServer.StartAsync(repository);

        await WaitUntilAllInReviewAsync(server, "es");
        await RunningServer.WaitForAsync(async () => (await server.Store.ListSourceErrorsAsync(default)).Count == 3, "three source errors");

        var errors = (await server.Store.ListSourceErrorsAsync(default)).ToDictionary(e => e.Path);
        Assert.Contains("YAML", errors["content/bad-front-matter.md"].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("title", errors["content/no-title.md"].Field);
        Assert.Contains("UTF-8", errors["content/not-utf8.md"].Message);
        Assert.Equal(5, errors["content/not-utf8.md"].Line);

        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).All(s => s.BackTranslation is not null)
                && await server.Store.FindReadabilityAsync(Slug, "es", default) is not null
                && await server.Store.FindReadabilityAsync(Slug, "en", default) is not null,
            "back-translations and readability scores from the worker");

        await InProcessCli.AddUserAsync(repository, "manager", "manager", Password);
        using var manager = await ReviewerClient.SignInAsync(server, "manager", Password);
        var queuePage = await manager.GetStringAsync("/review");
        foreach (var path in errors.Keys)
        {
            Assert.Contains(path, queuePage);
            Assert.Contains(server.Logs.Entries, e => e.Message.Contains(path, StringComparison.Ordinal));
        }

        await File.WriteAllTextAsync(repository.SourcePath("no-title.md"), "---\ntitle: Now with a title\nslug: no-title\n---\n\nBody text.\n");
        await RunningServer.WaitForAsync(async () => (await server.Store.ListSourceErrorsAsync(default)).Count == 2, "the fixed file's error to clear");
        await WaitUntilAllInReviewAsync(server, "es", "no-title");
    }

    private static Task<IReadOnlyList<ReviewItem>> WaitUntilAllInReviewAsync(RunningServer server, string locale, string slug = Slug) =>
        server.WaitForSegmentsAsync(
            slug, locale, segments => segments.Count > 0 && segments.All(s => s.State == SegmentState.InReview), $"every {locale} segment of {slug} to be in review");

    /// <summary>
    /// Approves everything in review; what approve-all leaves — a dose or number, a prohibition, and what real Apertium
    /// output gets error findings for (a glued "cursode7") — the reviewer approves one by one, with a written reason
    /// where a finding needs one, as the rules ask.
    /// </summary>
    private static async Task<int> ApproveWithCliAsync(TestRepository repository, RunningServer server, string locale)
    {
        var all = await InProcessCli.RunAsync(repository, null, "review", "approve", "--article", Slug, "--locale", locale, "--reviewer", Reviewer);
        var flagged = (await server.Store.ListArticleSegmentsAsync(Slug, locale, default))
            .Where(s => s.State == SegmentState.InReview).Select(s => s.TranslationId.ToString()).ToArray();
        if (flagged.Length == 0)
        {
            return all.ExitCode;
        }

        return (await InProcessCli.RunAsync(
            repository, null, ["review", "approve", "--article", Slug, "--locale", locale, "--reviewer", Reviewer, "--override", "machine output read and accepted in a test", .. flagged])).ExitCode;
    }

    /// <summary>Approved is not published: a reviewer signs the exact content off first.</summary>
    private static async Task<int> SignWithCliAsync(TestRepository repository, string locale) =>
        (await InProcessCli.RunAsync(repository, Password + "\n", "review", "sign", "--article", Slug, "--locale", locale, "--reviewer", Reviewer, "--password-stdin")).ExitCode;
}
