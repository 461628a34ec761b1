using System.Net;
using Localize.Core.Workflow;

namespace Localize.Integration.Tests;

/// <summary>
/// When the English of a segment changes after it was translated, the reviewer sees what changed — a word diff of the
/// old and new source on the segment and in its history — and the history keeps each version's words.
/// </summary>
public sealed class SegmentHistoryTests
{
    private const string Slug = "dose-leaflet";
    private const string Password = "a long test passphrase";

    private static readonly string Pipeline = TestRepository.OneLocalePipeline("qps-ploc", "pseudo");

    [Fact]
    public async Task An_outdated_segment_shows_the_word_diff_of_its_old_and_new_English_on_the_page_and_in_its_history()
    {
        using var repository = new TestRepository(Pipeline);
        File.Delete(repository.SourcePath(TestRepository.SeedSlug + ".md"));
        var article = "---\ntitle: \"Dose leaflet\"\nslug: dose-leaflet\n---\n\nTake 2 tablets with water after breakfast.\n\nStore the box below 25 °C.\n";
        await File.WriteAllTextAsync(repository.SourcePath(Slug + ".md"), article);
        await InProcessCli.AddUserAsync(repository, "rita", "reviewer", Password, "qps-ploc");
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default) is { Count: 3 } all && all.All(s => s.State == SegmentState.InReview),
            "every segment in review");

        await File.WriteAllTextAsync(repository.SourcePath(Slug + ".md"), article.Replace("Take 2 tablets", "Take 3 tablets", StringComparison.Ordinal));
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default)).Any(s => s.Source.StartsWith("Take 3", StringComparison.Ordinal) && s.State == SegmentState.InReview),
            "the changed segment translated again and back in review");
        var changed = (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default)).Single(s => s.Source.StartsWith("Take 3", StringComparison.Ordinal));

        using var rita = await ReviewerClient.SignInAsync(server, "rita", Password);
        var page = await rita.GetStringAsync($"/review/qps-ploc/{Slug}");
        Assert.Contains("The English changed:</span> Take <del>2</del><ins>3</ins> tablets with water after breakfast.", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "class=\"diff source-diff\""));

        using var history = await rita.GetAsync($"/review/qps-ploc/{Slug}/history/{changed.TranslationId}");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var html = await history.Content.ReadAsStringAsync();
        Assert.Contains("English changed:</span> Take <del>2</del><ins>3</ins> tablets", html);
        Assert.Contains("source changed", html);
        Assert.Contains("machine-translated by pseudo", html);

        // Another article's segment under this article's address is not found.
        using var elsewhere = await rita.GetAsync($"/review/qps-ploc/another-slug/history/{changed.TranslationId}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
