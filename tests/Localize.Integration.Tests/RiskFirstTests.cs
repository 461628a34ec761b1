using System.Net;
using System.Text.RegularExpressions;
using Localize.Cli;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Integration.Tests;

/// <summary>
/// Risk first: each segment shows its risk class (dose or number, prohibition, warning, plain); the article page and
/// the locale's queue filter by it, the queue lists the riskiest first, and "approve all" — in the web app and the
/// CLI — never approves a segment with a number or a prohibition: the reviewer approves each of those on its own.
/// </summary>
public sealed partial class RiskFirstTests
{
    private const string Slug = "after-your-procedure";
    private const string Locale = "qps-ploc";
    private const string Password = "rita's long passphrase";
    private const string Page = $"/review/{Locale}/{Slug}";

    // Only the pseudo locale: what is tested is the rule, not a machine's Spanish.
    private static readonly string Pipeline = TestRepository.OneLocalePipeline(Locale, "pseudo");

    /// <summary>Segment number → risk class: the title, then one sentence per paragraph.</summary>
    private static readonly Dictionary<int, RiskClass> Expected = new()
    {
        [1] = RiskClass.Plain,
        [2] = RiskClass.Plain,
        [3] = RiskClass.DoseOrNumber,
        [4] = RiskClass.Prohibition,
        [5] = RiskClass.Warning,
        [6] = RiskClass.Prohibition,
    };

    private static TestRepository NewRepository()
    {
        var repository = new TestRepository(Pipeline);
        File.Delete(repository.SourcePath(TestRepository.SeedSlug + ".md"));
        File.WriteAllText(repository.SourcePath(Slug + ".md"), $"""
            ---
            title: "After your procedure"
            slug: {Slug}
            ---

            Rest at home for the rest of the day.

            Take 2 tablets of paracetamol every 6 hours if you need them.

            Do not drive yourself home.

            Call your doctor if the pain gets worse.

            You must not drink alcohol tonight.
            """);
        return repository;
    }

    [Fact]
    public async Task Approve_all_leaves_the_dose_and_prohibition_segments_which_are_then_approved_one_by_one()
    {
        using var repository = NewRepository();
        await using var server = await RunningServer.StartAsync(repository);
        using var rita = await ReviewerOnceInReviewAsync(repository, server);

        // Each segment says its risk in words, with what gave it.
        var html = WebUtility.HtmlDecode(await rita.GetStringAsync(Page));
        Assert.Equal(Expected, Rows(html).ToDictionary());
        var text = Tag().Replace(html, string.Empty);
        Assert.Contains("dose or number (“2”)", text);
        Assert.Contains("prohibition (“Do not”)", text);
        Assert.Contains("warning (“Call your doctor”)", text);

        // The confirmation says what approve-all will do, and what it leaves, in numbers.
        using var asked = await rita.SubmitAsync(Page, "ApproveAll", []);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Approve 3 segments of “After your procedure” in qps-ploc?", question);
        Assert.Contains("1 segment with a dose or number and 2 with a prohibition are left for you to approve one by one", question);

        using var confirmed = await rita.SubmitAsync(Page, "ApproveAll", new() { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var done = WebUtility.HtmlDecode(await rita.GetStringAsync(Page));
        Assert.Contains(
            "3 segments approved. 1 segment with a dose or number and 2 with a prohibition are left for you to approve one by one: "
            + "segment 3 (dose or number), segment 4 (prohibition), segment 6 (prohibition).",
            done);
        var after = await server.Store.ListArticleSegmentsAsync(Slug, Locale, default);
        Assert.Equal(
            Expected.ToDictionary(e => e.Key, e => e.Value is RiskClass.DoseOrNumber or RiskClass.Prohibition ? SegmentState.InReview : SegmentState.Approved),
            after.ToDictionary(s => s.Ordinal + 1, s => s.State));

        // One by one, the reviewer approves each of them.
        foreach (var held in after.Where(s => s.State == SegmentState.InReview))
        {
            using var approved = await rita.SubmitAsync(Page, "Approve", new() { ["id"] = held.TranslationId.ToString(), ["version"] = held.Version.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, Locale, default), s => Assert.Equal(SegmentState.Approved, s.State));
    }

    [Fact]
    public async Task The_article_page_and_the_queue_filter_by_risk_and_the_queue_lists_the_riskiest_first()
    {
        using var repository = NewRepository();
        await using var server = await RunningServer.StartAsync(repository);
        using var rita = await ReviewerOnceInReviewAsync(repository, server);

        var prohibitions = WebUtility.HtmlDecode(await rita.GetStringAsync($"{Page}?risk=prohibition"));
        Assert.Equal([4, 6], Rows(prohibitions).Select(r => r.Number));
        Assert.Contains("2 of 6 segments shown", prohibitions);

        var riskiestFirst = Rows(await rita.GetStringAsync($"{Page}?sort=risk")).Select(r => r.Number);
        Assert.Equal([3, 4, 6, 5, 1, 2], riskiestFirst);

        // The queue: riskiest first by default, oldest first on request, and one class on its own.
        var queue = QueueRisks(await rita.GetStringAsync($"/review/{Locale}"));
        Assert.Equal(Expected.Values.OrderByDescending(r => r), queue);
        Assert.Contains("riskiest first, then oldest", await rita.GetStringAsync($"/review/{Locale}"));
        Assert.Equal([RiskClass.Warning], QueueRisks(await rita.GetStringAsync($"/review/{Locale}?risk=warning")));
        Assert.Equal(Expected.Count, QueueRisks(await rita.GetStringAsync($"/review/{Locale}?sort=oldest")).Count);
    }

    [Fact]
    public async Task The_cli_lists_by_risk_and_its_approve_all_leaves_the_risky_segments_for_their_ids()
    {
        using var repository = NewRepository();
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "run")).ExitCode);
        await InProcessCli.AddUserAsync(repository, "rita", "reviewer", Password, Locale);

        var prohibitions = await InProcessCli.RunAsync(repository, null, "review", "list", "--locale", Locale, "--risk", "prohibition");
        Assert.True(prohibitions.ExitCode == LocalizeCommandLine.Ok, prohibitions.Errors);
        Assert.Contains("2 segments in review with risk prohibition", prohibitions.Output);
        Assert.DoesNotContain("dose or number", prohibitions.Output);
        var wrong = await InProcessCli.RunAsync(repository, null, "review", "list", "--risk", "dangerous");
        Assert.Equal(LocalizeCommandLine.Usage, wrong.ExitCode);
        Assert.Contains("--risk 'dangerous' is not a risk class; use dose-or-number, prohibition, warning or plain", wrong.Errors);

        var all = await InProcessCli.RunAsync(repository, null, "review", "approve", "--article", Slug, "--locale", Locale, "--reviewer", "rita");
        Assert.True(all.ExitCode == LocalizeCommandLine.Ok, all.Errors);
        Assert.Contains("3 segments approved", all.Output);
        Assert.Contains("1 segment with a dose or number and 2 with a prohibition are left for you to approve one by one:", all.Output);
        Assert.True(all.Output.Contains("segment 3, dose or number (“2”)", StringComparison.Ordinal), all.Output);

        // The command it suggests approves them, each by its id.
        var suggested = SuggestedCommand().Match(all.Output);
        Assert.True(suggested.Success, all.Output);
        var oneByOne = await InProcessCli.RunAsync(repository, null, suggested.Groups[1].Value.Split(' '));
        Assert.True(oneByOne.ExitCode == LocalizeCommandLine.Ok, oneByOne.Errors);
        Assert.Contains("3 segments approved", oneByOne.Output);
        var left = await InProcessCli.RunAsync(repository, null, "review", "list", "--locale", Locale);
        Assert.Contains("0 segments in review", left.Output);
    }

    /// <summary>Rita, a medical reviewer of the locale, signed in once every segment waits in review.</summary>
    private static async Task<ReviewerClient> ReviewerOnceInReviewAsync(TestRepository repository, RunningServer server)
    {
        await InProcessCli.AddUserAsync(repository, "rita", "reviewer", Password, Locale);
        await server.WaitForSegmentsAsync(
            Slug, Locale, all => all.Count == Expected.Count && all.All(s => s.State == SegmentState.InReview), $"the {Locale} segments of {Slug} in review");
        return await ReviewerClient.SignInAsync(server, "rita", Password);
    }

    /// <summary>The article page's rows in the order shown: number and risk class.</summary>
    private static IEnumerable<(int Number, RiskClass Risk)> Rows(string html) =>
        ArticleRow().Matches(html).Select(m => (int.Parse(m.Groups[1].Value), Enum.Parse<RiskClass>(m.Groups[2].Value)));

    private static List<RiskClass> QueueRisks(string html) =>
        [.. QueueRow().Matches(html).Select(m => Enum.Parse<RiskClass>(m.Groups[1].Value))];

    [GeneratedRegex("<tr id=\"segment-(\\d+)\"[^>]*data-risk=\"(\\w+)\"")]
    private static partial Regex ArticleRow();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<tr data-risk=\"(\\w+)\"")]
    private static partial Regex QueueRow();

    [GeneratedRegex("approve each by id: localize (review approve [^\\r\\n]+)")]
    private static partial Regex SuggestedCommand();
}
