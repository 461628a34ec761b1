using Localize.Cli;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// The medical-safety checks run on every machine target, and an error finding blocks approval — in the CLI as in the
/// web app — unless the reviewer writes down why, which the change history keeps.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ReviewRulesTests
{
    private const string Slug = TestRepository.SeedSlug;

    [Fact]
    public async Task An_error_finding_blocks_approval_until_a_reviewer_overrides_it_with_a_recorded_reason()
    {
        Requirements.Apertium();
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "es segments in review");
        var dose = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).Single(s => s.Source.Contains("75 percent"));

        // A reviewer's slip: the 75 % disappears from the target.
        var review = server.Services.GetRequiredService<ReviewService>();
        await review.EditAsync(dose.TranslationId, "Dr. Editor", "Hasta el por ciento de los participantes mejoró.", dose.Version, default);
        var edited = await server.Store.FindReviewItemAsync(dose.TranslationId, default);
        Assert.Contains(edited!.Notes, n => n.Origin == "check:numbers" && n.Severity == NoteSeverity.Error);

        var (refused, refusal) = await ApproveAsync(repository, dose.TranslationId);
        Assert.Equal(LocalizeCommandLine.Failed, refused);
        Assert.Contains("error findings", refusal);
        Assert.Equal(SegmentState.InReview, (await server.Store.FindReviewItemAsync(dose.TranslationId, default))!.State);

        var (approved, _) = await ApproveAsync(repository, dose.TranslationId, "--override", "The figure is given in the next sentence of this article.");
        Assert.Equal(LocalizeCommandLine.Ok, approved);
        var history = await server.Store.ListChangesAsync(dose.TranslationId, default);
        var approval = history[^1];
        Assert.Equal(SegmentState.Approved, approval.To);
        Assert.Equal("Dr. Reviewer", approval.Actor);
        Assert.Contains("overriding numbers: The figure is given in the next sentence of this article.", approval.Detail);
    }

    [Fact]
    public async Task Broken_inline_codes_cannot_be_approved_whatever_the_reason()
    {
        using var repository = new TestRepository();
        await File.WriteAllTextAsync(repository.SourcePath("links.md"), "---\ntitle: Links\nslug: links\n---\n\nRead [the leaflet](https://example.org/leaflet) before your visit.\n");
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync("links", "qps-ploc", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "pseudo segments in review");
        var segment = (await server.Store.ListArticleSegmentsAsync("links", "qps-ploc", default)).Single(s => s.Source.Contains("leaflet"));

        var review = server.Services.GetRequiredService<ReviewService>();
        var edit = await Assert.ThrowsAsync<ReviewRefusedException>(() => review.EditAsync(segment.TranslationId, "Dr. Editor", "Lea el folleto antes de su visita.", segment.Version, default));
        Assert.Contains("breaks the inline codes", edit.Message);
    }

    private static async Task<(int ExitCode, string Errors)> ApproveAsync(TestRepository repository, long id, params string[] extra)
    {
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            var exit = await LocalizeCommandLine.Build()
                .Parse(["review", "approve", "--article", Slug, "--locale", "es", "--reviewer", "Dr. Reviewer", "--root", repository.Root, .. extra, id.ToString()])
                .InvokeAsync();
            return (exit, errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
