using System.Net;
using Localize.Cli;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// When Apertium is missing, Spanish falls back to the pseudo engine. Pseudo text is not Spanish: a reviewer cannot
/// approve it (web app, CLI, approve-all), nor sign the article; and once Apertium can run, every pseudo segment is
/// translated again by it — by the worker on its own, or on demand with <c>localize translate --retranslate</c>.
/// </summary>
public sealed class PseudoIsNeverMedicineTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Password = "a long test passphrase";

    private static Dictionary<string, string?> WithoutApertium(TestRepository repository) => new()
    {
        ["Localize:Engines:Apertium:Command"] = Path.Combine(repository.Root, "no-apertium-here"),
    };

    [Fact]
    public async Task Pseudo_text_in_Spanish_cannot_be_approved_or_signed_in_the_web_app_or_the_CLI()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository, WithoutApertium(repository));
        await WaitForPseudoInReviewAsync(server);
        await InProcessCli.AddUserAsync(repository, "ana", Roles.Reviewer, Password, "es", "qps-ploc");
        using var ana = await ReviewerClient.SignInAsync(server, "ana", Password);
        var page = $"/review/es/{Slug}";
        var first = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default))[0];

        using var approve = await ana.SubmitAsync(page, "Approve", new()
        {
            ["id"] = first.TranslationId.ToString(),
            ["version"] = first.Version.ToString(),
            ["overrideReason"] = "looks fine to me",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, approve.StatusCode);
        Assert.Contains("pseudo-localised text, which is not a translation", WebUtility.HtmlDecode(await approve.Content.ReadAsStringAsync()));

        using var approveAll = await ana.SubmitAsync(page, "ApproveAll", []);
        var cli = await InProcessCli.RunAsync(repository, null, "review", "approve", "--article", Slug, "--locale", "es", "--reviewer", "ana");

        Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, "es", default), s => Assert.Equal(SegmentState.InReview, s.State));
        Assert.Contains("pseudo", cli.Output + cli.Errors, StringComparison.OrdinalIgnoreCase);
        var signOff = await server.Services.GetRequiredService<SignOffService>().InspectAsync(Slug, "es", default);
        Assert.Contains("pseudo-localised text", signOff.NotReadyBecause);
        Assert.Contains("pseudo-localised text, not a translation", WebUtility.HtmlDecode(await ana.GetStringAsync(page)));

        // The pseudo locale is for demos: there the same text is what is asked for, and approvable.
        var demo = (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default))[0];
        await server.Services.GetRequiredService<ReviewService>().ApproveAsync(
            demo.TranslationId, new ReviewActor("ana", [Roles.Reviewer], ["qps-ploc"]), demo.Version, null, default);
        Assert.Equal(SegmentState.Approved, (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default))[0].State);
    }

    [Fact]
    public async Task Once_Apertium_is_installed_the_worker_translates_every_pseudo_segment_again()
    {
        Requirements.Apertium();
        using var repository = new TestRepository();
        await using (var fallback = await RunningServer.StartAsync(repository, WithoutApertium(repository)))
        {
            await WaitForPseudoInReviewAsync(fallback);
        }

        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).All(s => s.EngineId == "apertium" && s.State == SegmentState.InReview),
            "every es segment translated again by Apertium");

        var segment = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default))[0];
        Assert.False(segment.HoldsPseudoOutput);
        Assert.Contains(await server.Store.ListChangesAsync(segment.TranslationId, default), c => c.Detail.Contains("apertium is available, replacing pseudo output", StringComparison.Ordinal));
        // The pseudo-locale is translated after es (or was not finished before the first server stopped): wait for it, and it
        // keeps the pseudo engine, since pseudo text is what it is for.
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default)).All(s => s.State == SegmentState.InReview),
            "every qps-ploc segment in review");
        Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default), s => Assert.Equal("pseudo", s.EngineId));
    }

    [Fact]
    public async Task Translate_with_retranslate_replaces_pseudo_output_and_a_manager_can_ask_for_it_on_the_article_page()
    {
        Requirements.Apertium();
        using var repository = new TestRepository();
        await using (var fallback = await RunningServer.StartAsync(repository, WithoutApertium(repository)))
        {
            await WaitForPseudoInReviewAsync(fallback);
            var manager = await fallback.ManagerAsync();
            Assert.Contains("id=\"retranslate-pseudo\"", await manager.GetStringAsync($"/review/es/{Slug}"));
            using var asked = await manager.SubmitAsync($"/review/es/{Slug}", "RetranslatePseudo", []);
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.Contains(await fallback.Store.ListChangesAsync((await fallback.Store.ListArticleSegmentsAsync(Slug, "es", default))[0].TranslationId, default), c => c.Detail.Contains("re-translation asked for by", StringComparison.Ordinal));
            await WaitForPseudoInReviewAsync(fallback);
        }

        var run = await InProcessCli.RunAsync(repository, null, "translate", "--retranslate", "--engine", "pseudo");

        Assert.True(run.ExitCode == LocalizeCommandLine.Ok, run.Errors);
        Assert.Matches(@"translate: \d+ segments holding pseudo output sent back", run.Output);
        await using var reader = await RunningServer.StartAsync(repository, new Dictionary<string, string?> { ["Localize:RunWorker"] = "false" });
        Assert.All(await reader.Store.ListArticleSegmentsAsync(Slug, "es", default), s => Assert.Equal("apertium", s.EngineId));
    }

    private static Task WaitForPseudoInReviewAsync(RunningServer server) =>
        RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } all
                && all.All(s => s.State == SegmentState.InReview && s.EngineId == "pseudo"),
            "es segments in review with pseudo output");
}
