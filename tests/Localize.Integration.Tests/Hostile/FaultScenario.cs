using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests.Hostile;

/// <summary>
/// The run every fault test disturbs, and the undisturbed run it is compared with: two articles are machine-translated
/// and queued, one is approved and published (version 1); then its author edits one sentence and adds an article, the
/// edit is re-translated and approved, and version 2 is published. Two pseudo locales keep it fast and deterministic.
/// </summary>
public sealed class FaultScenario : IDisposable
{
    public const string Slug = TestRepository.SeedSlug;
    public const string NewSlug = "asthma-inhalers";
    public static readonly string[] Locales = ["qps-ploc", "qps-plocm"];

    private const string Pipeline = """
        name: fault-articles
        source:
          folder: content
          include: "**/*.md"
          language: en
        locales:
          - code: qps-ploc
            engine: pseudo
          - code: qps-plocm
            engine: pseudo
        review:
          approvals: 1
        publish:
          folder: translations
        """;

    private const string EditedFrom = "Migraine attacks can last for hours or even days at a time.";
    private const string EditedTo = "Migraine attacks can last for many hours or even several days at a time.";

    private static readonly Lazy<Task<IReadOnlyList<string>>> Undisturbed = new(RunUndisturbedAsync);

    public TestRepository Repository { get; } = new(Pipeline);

    public IReadOnlyDictionary<string, byte[]> PublishedVersion1 { get; private set; } = new Dictionary<string, byte[]>();

    /// <summary>The normalized database of the same scenario run without any fault.</summary>
    public static Task<IReadOnlyList<string>> UndisturbedDumpAsync() => Undisturbed.Value;

    public Task<RunningServer> StartAsync(Action<IServiceCollection>? configureServices = null) =>
        RunningServer.StartAsync(Repository, configureServices: configureServices);

    /// <summary>Queued, then version 1 of the seed article published in both locales.</summary>
    public async Task PublishVersion1Async(RunningServer server)
    {
        await Worker.WaitUntilQueuedAsync(server, Slug, Locales);
        await Worker.ApproveAndWaitForPublicationAsync(server, Slug, Locales, version: 1);
        PublishedVersion1 = DatabaseDump.PublishedFiles(Repository.Root);
        Assert.Equal(Locales.Length, PublishedVersion1.Count);
    }

    /// <summary>What the author does next: one sentence edited, one article added.</summary>
    public async Task EditAsync()
    {
        var source = Repository.SourcePath(Slug + ".md");
        var original = await File.ReadAllTextAsync(source);
        await File.WriteAllTextAsync(source, original.Replace(EditedFrom, EditedTo, StringComparison.Ordinal));
        await File.WriteAllTextAsync(
            Repository.SourcePath(NewSlug + ".md"),
            "---\ntitle: Using an asthma inhaler\n---\n\nShake the inhaler before each puff. Rinse your mouth after a steroid inhaler.\n");
    }

    /// <summary>The edit re-translated and queued with the new article; the edit approved; version 2 published.</summary>
    public async Task PublishVersion2Async(RunningServer server, int? stallSeconds = null)
    {
        await Worker.WaitUntilQueuedAsync(server, NewSlug, Locales, stallSeconds: stallSeconds);
        await Worker.WaitUntilQueuedAsync(server, Slug, Locales, s => s.Any(x => x.Source.Contains("many hours", StringComparison.Ordinal)), stallSeconds);
        await Worker.ApproveAndWaitForPublicationAsync(server, Slug, Locales, version: 2);
    }

    /// <summary>Version 1 exactly as published, in every locale; called while a fault is on.</summary>
    public void AssertVersion1StillPublished()
    {
        var now = DatabaseDump.PublishedFiles(Repository.Root);
        Assert.Equal(PublishedVersion1.Keys.Order(), now.Keys.Order());
        Assert.All(PublishedVersion1, file => Assert.Equal(file.Value, now[file.Key]));
    }

    /// <summary>Every published file is a whole version (the merged Markdown of v1 or v2), never a part of one.</summary>
    public void AssertPublishedFilesAreWhole()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "translations"), "*", SearchOption.AllDirectories))
        {
            Assert.EndsWith(".md", file);
            var text = File.ReadAllText(file);
            Assert.StartsWith("---", text);
            Assert.Contains("## ", text);
        }
    }

    public void Dispose() => Repository.Dispose();

    private static async Task<IReadOnlyList<string>> RunUndisturbedAsync()
    {
        using var scenario = new FaultScenario();
        await using (var server = await scenario.StartAsync())
        {
            await scenario.PublishVersion1Async(server);
            await scenario.EditAsync();
            await scenario.PublishVersion2Async(server);
        }

        var dump = await DatabaseDump.ReadAsync(scenario.Repository);
        Assert.Contains(dump, row => row.StartsWith($"{Slug} | publication qps-plocm v2", StringComparison.Ordinal));
        Assert.Contains(dump, row => row.StartsWith($"{NewSlug} | translation", StringComparison.Ordinal) && row.Contains("| InReview |", StringComparison.Ordinal));
        return dump;
    }
}
