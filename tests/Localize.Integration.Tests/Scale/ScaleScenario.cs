using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Hosting;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;

namespace Localize.Integration.Tests.Scale;

/// <summary>
/// One scale-out run: a repository of generated articles (every sentence unique, so the emulator's per-text counts
/// say how often each segment was paid for), the Translator emulator as the engine of every locale, a database
/// (PostgreSQL when a connection string is given, else the repository's SQLite file), worker processes, and the same
/// services the CLI builds, in this process, to review, sign and inspect as a person would.
/// </summary>
public sealed class ScaleScenario : IAsyncDisposable
{
    public static readonly string[] Locales = ["fr", "de", "it"];

    private ScaleScenario(TestRepository repository, Emulator emulator, ServiceProvider services, WorkerFleet fleet, int articles, TimeSpan lease)
    {
        Lease = lease;
        Repository = repository;
        Emulator = emulator;
        Services = services;
        Fleet = fleet;
        Articles = articles;
    }

    public TestRepository Repository { get; }

    public Emulator Emulator { get; }

    public ServiceProvider Services { get; }

    public WorkerFleet Fleet { get; }

    public int Articles { get; }

    /// <summary>How long a worker's claim on a batch lasts before another worker may take it over.</summary>
    public TimeSpan Lease { get; }

    public WorkflowStores Store => WorkflowStores.Of(Services);

    public LocalizeDatabase Database => Services.GetRequiredService<LocalizeDatabase>();

    /// <param name="postgreSql">A connection string, or null for the embedded SQLite file.</param>
    public static async Task<ScaleScenario> CreateAsync(int articles, int workers, string? postgreSql, TimeSpan lease)
    {
        var pipeline = $"""
            name: scale
            source:
              folder: content
              include: "**/*.md"
              language: en
              fields: [title, description]
            locales:
            {string.Concat(Locales.Select(l => $"  - code: {l}\n    engine: azure\n"))}review:
              approvals: 1
            publish:
              folder: translations
            """;
        var repository = new TestRepository(pipeline);
        File.Delete(repository.SourcePath(TestRepository.SeedSlug + ".md"));
        for (var i = 0; i < articles; i++)
        {
            File.WriteAllText(repository.SourcePath($"{Slug(i)}.md"), Article(i));
        }

        var emulator = await Emulator.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Localize__Engines__Azure__Endpoint"] = emulator.BaseAddress.ToString().TrimEnd('/'),
            ["Localize__Engines__Azure__Key"] = emulator.Key,
            ["Localize__LeaseDuration"] = lease.ToString("c", CultureInfo.InvariantCulture),
            ["Localize__PostgreSql"] = postgreSql ?? string.Empty,
            // These scenarios count the emulator's translations into each locale exactly; Apertium has no pair for their
            // locales, so back-translation by the locale's engine (on by default) would add a reverse request per target.
            ["Localize__Engines__BackTranslationByLocaleEngine"] = "false",
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Localize:Root"] = repository.Root })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddLocalizeCore(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<SqlSchema>().MigrateAsync(default);
        var fleet = new WorkerFleet(repository.Root, workers, settings);
        return new ScaleScenario(repository, emulator, services, fleet, articles, lease);
    }

    public static string Slug(int i) => $"care-note-{i:D4}";

    /// <summary>
    /// Eleven segments (title, description, a heading, eight body sentences), none shared with another article. Numbers
    /// are digits: the emulator accents letters, so a spelled number would fail the numbers check and block approval.
    /// </summary>
    private static string Article(int i) => $"""
        ---
        title: "Care note {i}: living well with condition {i}"
        description: "What patients in group {i} should know about their daily care."
        ---

        People in group {i} should drink water with every meal. Ask your doctor in group {i} before you change a dose.

        ## Daily care for group {i}

        Walk for 20 minutes each day if your care team in group {i} agrees. Keep a diary of symptoms for group {i}.

        Call the clinic for group {i} when a fever lasts more than 2 days. Bring the list of medicines for group {i} to each visit.

        Rest is part of the treatment plan for group {i}. Nurses for group {i} answer questions by phone.
        """;

    /// <summary>Translations per state across every article and locale.</summary>
    public async Task<IReadOnlyDictionary<SegmentState, int>> CountStatesAsync()
    {
        var status = await Store.ListStatusAsync(default);
        return status.SelectMany(s => s.ByState).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
    }

    /// <summary>Translations whose machine target came from the emulator (the azure engine).</summary>
    public async Task<int> CountMachineTranslatedAsync()
    {
        await using var connection = await Database.OpenConnectionAsync(default);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM translations WHERE engine_id = 'azure' AND machine_text IS NOT NULL");
    }

    /// <summary>
    /// How long the counts may stand still before a wait gives up: a worker killed holding a batch gives it back only
    /// when its lease runs out, so a pause up to the lease is normal; the margin is for a loaded machine.
    /// </summary>
    public TimeSpan StallLimit => Lease + TimeSpan.FromMinutes(1);

    /// <summary>
    /// Waits until every article is stored and no translation waits for a machine. It waits for progress, not for a
    /// wall-clock budget: a busy machine makes it slower, never makes it fail; it fails when the counts have not moved
    /// for <see cref="StallLimit"/>, or when a worker reports an error.
    /// </summary>
    /// <returns>How long it took, for the run's report.</returns>
    public async Task<TimeSpan> WaitUntilAllInReviewAsync(int expectedTranslations)
    {
        var clock = Stopwatch.StartNew();
        var last = string.Empty;
        var unchanged = Stopwatch.StartNew();
        while (true)
        {
            var states = await CountStatesAsync();
            var waiting = states.GetValueOrDefault(SegmentState.New) + states.GetValueOrDefault(SegmentState.Outdated) + states.GetValueOrDefault(SegmentState.MachineTranslated);
            if (states.Values.Sum() == expectedTranslations && waiting == 0)
            {
                return clock.Elapsed;
            }

            var seen = string.Join(", ", states.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));
            if (seen != last)
            {
                last = seen;
                unchanged.Restart();
            }

            if (Fleet.Errors.Count > 0 || unchanged.Elapsed > StallLimit)
            {
                Assert.Fail(
                    $"after {clock.Elapsed} ({(Fleet.Errors.Count > 0 ? $"a worker failed: {Fleet.Errors[0]}" : $"no progress for {unchanged.Elapsed}")}): {seen} of {expectedTranslations}; "
                    + $"worker errors:\n{string.Join('\n', Fleet.Errors.Take(5))}\nlast worker lines:\n{string.Join('\n', Fleet.Lines.TakeLast(20))}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>
    /// A medical reviewer of <paramref name="locale"/> approves every segment of the article and signs it off, through
    /// the same services the web app and the CLI use. Returns the approvals made, or 0 when it was not ready.
    /// </summary>
    public async Task<int> ApproveAndSignAsync(string slug, string locale)
    {
        var reviewer = new ReviewActor("scale-reviewer", [Roles.Reviewer], [locale]);
        var segments = await Store.ListArticleSegmentsAsync(slug, locale, default);
        if (segments.Count == 0 || segments.Any(s => s.State != SegmentState.InReview))
        {
            return 0;
        }

        var review = Services.GetRequiredService<ReviewService>();
        var approval = await review.ApproveAllAsync(slug, locale, reviewer, default);
        Assert.True(approval.Skipped.Count == 0, $"{slug} ({locale}): {string.Join("; ", approval.Skipped)}");
        // Approve-all leaves a dose or number and a prohibition: the reviewer approves each on its own.
        foreach (var held in approval.Held)
        {
            await review.ApproveAsync(held.TranslationId, reviewer, null, null, default);
        }

        var signOff = Services.GetRequiredService<SignOffService>();
        var status = await signOff.InspectAsync(slug, locale, default);
        Assert.True(status.NotReadyBecause is null, status.NotReadyBecause);
        await signOff.SignAsync(slug, locale, reviewer, status.ContentHash!, default);
        return approval.Approved + approval.Held.Count;
    }

    /// <summary>
    /// The files under <c>translations/</c>: each published page must be exactly the content of its latest recorded
    /// publication (by SHA-256); returns the pages that are not (partial or foreign) and the temp files left behind.
    /// </summary>
    public async Task<(IReadOnlyList<string> Partial, IReadOnlyList<string> Leftovers, int Published)> InspectPublishedFilesAsync()
    {
        var latest = (await Store.ListLatestPublicationsAsync(default)).ToDictionary(p => p.Path.Replace('\\', '/'));
        var partial = new List<string>();
        var leftovers = new List<string>();
        var folder = Path.Combine(Repository.Root, "translations");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
            if (!relative.EndsWith(".md", StringComparison.Ordinal))
            {
                leftovers.Add(relative);
                continue;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
            // Every published version is also kept whole as translations/.versions/<locale>/<slug>/<version>.md, for a rollback.
            var parts = relative.Split('/');
            var expected = parts is ["translations", ".versions", var locale, var slug, var versionFile]
                ? (await Store.ListPublicationsAsync(slug, locale, default))
                    .FirstOrDefault(p => $"{p.Version}.md" == versionFile)?.ContentHash
                : latest.GetValueOrDefault(relative)?.ContentHash;
            if (expected != hash)
            {
                partial.Add(relative);
            }
        }

        return (partial, leftovers, latest.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
        Repository.Dispose();
    }
}
