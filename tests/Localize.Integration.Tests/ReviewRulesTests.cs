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
        await review.EditAsync(dose.TranslationId, Editor, "Hasta el por ciento de los participantes mejoró.", dose.Version, null, default);
        await InProcessCli.AddUserAsync(repository, "dr-reviewer", "reviewer", "a long test passphrase", "es");
        var edited = await server.Store.FindReviewItemAsync(dose.TranslationId, default);
        Assert.Contains(edited!.Notes, n => n.Origin == NoteOrigin.Check("numbers") && n.Severity == NoteSeverity.Error);

        var (refused, refusal) = await ApproveAsync(repository, dose.TranslationId);
        Assert.Equal(LocalizeCommandLine.Failed, refused);
        Assert.Contains("error findings", refusal);
        Assert.Equal(SegmentState.InReview, (await server.Store.FindReviewItemAsync(dose.TranslationId, default))!.State);

        var (approved, _) = await ApproveAsync(repository, dose.TranslationId, "--override", "The figure is given in the next sentence of this article.");
        Assert.Equal(LocalizeCommandLine.Ok, approved);
        var history = await server.Store.ListChangesAsync(dose.TranslationId, default);
        var approval = history[^1];
        Assert.Equal(SegmentState.Approved, approval.To);
        Assert.Equal("dr-reviewer", approval.Actor);
        Assert.Contains("overriding numbers: The figure is given in the next sentence of this article.", approval.Detail);
    }

    [Fact]
    public async Task An_edit_whose_markdown_cannot_be_read_is_kept_with_a_markup_error_and_cannot_be_approved()
    {
        using var repository = new TestRepository();
        await File.WriteAllTextAsync(repository.SourcePath("water.md"), "---\ntitle: Water\nslug: water\n---\n\nTake one tablet with water.\n");
        await using var server = await RunningServer.StartAsync(repository);
        var segment = await PseudoSegmentInReviewAsync(server, "water", "tablet");

        // Thousands of open brackets made Markdig throw inside the checks: the edit failed with a server error.
        var review = server.Services.GetRequiredService<ReviewService>();
        await review.EditAsync(segment.TranslationId, PseudoEditor, "Tome " + new string('[', 2_000) + " una tableta con agua.", segment.Version, null, default);

        var edited = await server.Store.FindReviewItemAsync(segment.TranslationId, default);
        Assert.Contains(edited!.Notes, n => n.Origin == NoteOrigin.Check("markup") && n.Severity == NoteSeverity.Error
            && n.Message.Contains("the target cannot be read as Markdown: square brackets are nested more than 1000 deep", StringComparison.Ordinal));
        var reviewer = new ReviewActor("dr-reviewer", [Roles.Reviewer], ["qps-ploc"]);
        var refusal = await Assert.ThrowsAsync<ReviewRefusedException>(() => review.ApproveAsync(segment.TranslationId, reviewer, null, null, default));
        Assert.Contains("cannot be read as Markdown", refusal.Message);
        Assert.Equal(SegmentState.InReview, (await server.Store.FindReviewItemAsync(segment.TranslationId, default))!.State);
    }

    [Fact]
    public async Task Broken_inline_codes_cannot_be_approved_whatever_the_reason()
    {
        using var repository = new TestRepository();
        await File.WriteAllTextAsync(repository.SourcePath("links.md"), "---\ntitle: Links\nslug: links\n---\n\nRead [the leaflet](https://example.org/leaflet) before your visit.\n");
        await using var server = await RunningServer.StartAsync(repository);
        var segment = await PseudoSegmentInReviewAsync(server, "links", "leaflet");

        var review = server.Services.GetRequiredService<ReviewService>();
        var edit = await Assert.ThrowsAsync<ReviewRefusedException>(() => review.EditAsync(segment.TranslationId, PseudoEditor, "Lea el folleto antes de su visita.", segment.Version, null, default));
        Assert.Contains("breaks the inline codes", edit.Message);
    }

    [Fact]
    public async Task Four_eyes_whoever_edited_a_target_cannot_approve_it_and_a_reviewer_of_another_locale_may_do_nothing_there()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "pseudo segments in review");
        var segment = (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default)).First(s => !s.Source.Contains('<'));
        var review = server.Services.GetRequiredService<ReviewService>();
        var ana = new ReviewActor("ana", [Roles.Reviewer], ["qps-ploc"]);
        var ben = new ReviewActor("ben", [Roles.Reviewer], ["qps-ploc"]);
        var frOnly = new ReviewActor("claire", [Roles.Reviewer], ["fr"]);
        var manager = new ReviewActor("maria", [Roles.Manager], []);

        await Assert.ThrowsAsync<ReviewForbiddenException>(() => review.EditAsync(segment.TranslationId, frOnly, "Ŧéxŧ", null, null, default));
        await Assert.ThrowsAsync<ReviewForbiddenException>(() => review.ApproveAsync(segment.TranslationId, frOnly, null, null, default));
        await Assert.ThrowsAsync<ReviewForbiddenException>(() => review.RejectAsync(segment.TranslationId, frOnly, "no", null, null, default));
        await Assert.ThrowsAsync<ReviewForbiddenException>(() => review.ApproveAsync(segment.TranslationId, manager, null, null, default));

        await review.EditAsync(segment.TranslationId, ana, "Ŧĥé ŕéṽíšéđ ŧéxŧ", null, new MqmIssue("fluency/grammar", MqmSeverity.Minor), default);
        var refusal = await Assert.ThrowsAsync<InvalidTransitionException>(() => review.ApproveAsync(segment.TranslationId, ana, null, null, default));
        Assert.Contains("second reviewer", refusal.Message);
        await review.ApproveAsync(segment.TranslationId, ben, null, null, default);

        var history = await server.Store.ListChangesAsync(segment.TranslationId, default);
        Assert.Equal(("ana", "target edited (MQM fluency/grammar, minor)"), (history[^2].Actor, history[^2].Detail));
        Assert.Equal(("ben", SegmentState.Approved), (history[^1].Actor, history[^1].To));
    }

    private static readonly ReviewActor Editor = new("dr-editor", [Roles.Editor], ["es"]);

    private static readonly ReviewActor PseudoEditor = new("dr-editor", [Roles.Editor], ["qps-ploc"]);

    private static async Task<(int ExitCode, string Errors)> ApproveAsync(TestRepository repository, long id, params string[] extra)
    {
        var result = await InProcessCli.RunAsync(repository, null, ["review", "approve", "--article", Slug, "--locale", "es", "--reviewer", "dr-reviewer", .. extra, id.ToString()]);
        return (result.ExitCode, result.Errors);
    }

    // The pseudo-locale segment whose source holds the words, once the worker has put the article's segments in review.
    private static async Task<ReviewItem> PseudoSegmentInReviewAsync(RunningServer server, string slug, string words)
    {
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(slug, "qps-ploc", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "pseudo segments in review");
        return (await server.Store.ListArticleSegmentsAsync(slug, "qps-ploc", default)).Single(s => s.Source.Contains(words, StringComparison.Ordinal));
    }
}
