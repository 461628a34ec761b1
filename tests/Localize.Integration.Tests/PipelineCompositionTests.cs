using Localize.Core.Pipelines;
using Localize.Core.Workflow;
using Localize.Hosting;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// The composition every host shares: the steps run in the order declared in AddLocalizeCore, a pipeline file chooses
/// its optional steps, and the CLI is composed without the web server.
/// </summary>
public sealed class PipelineCompositionTests
{
    private const string PseudoOnly = """
        name: p
        source:
          folder: content
        locales:
          - code: qps-ploc
            engine: pseudo
        """;

    [Fact]
    public async Task A_run_takes_every_step_in_the_declared_order()
    {
        Assert.Equal(
            ["intake", "culture-files", "machine-translation", "back-translation", "readability", "publish", "outdated-metadata"],
            await StepsRunAsync(PseudoOnly));
    }

    [Fact]
    public async Task A_pipeline_that_names_its_optional_steps_runs_those_and_every_step_that_always_runs()
    {
        Assert.Equal(
            ["intake", "culture-files", "machine-translation", "readability", "publish", "outdated-metadata"],
            await StepsRunAsync(PseudoOnly + "\nsteps: [readability]\n"));
    }

    [Fact]
    public void The_cli_is_composed_without_the_web_server_or_a_test_project()
    {
        var references = typeof(Localize.Cli.CliHost).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.Contains("Localize.Hosting", references);
        Assert.Contains("Localize.TranslatorEmulator", references);
        Assert.DoesNotContain("Localize.Server", references);
        Assert.DoesNotContain(references, r => r!.EndsWith(".Tests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_locale_with_more_segments_than_one_claimed_batch_is_wholly_translated_in_one_run()
    {
        // Machine translation claims 1,000 segments at a time and sends the next batch while saving the last: every
        // batch must be a new one, not the one still with the engine (a claim retakes this worker's own leases).
        using var repository = new TestRepository(TestRepository.OneLocalePipeline("qps-ploc", "pseudo"));
        File.WriteAllText(
            repository.SourcePath("long.md"),
            "---\ntitle: \"Long\"\n---\n\n" + string.Join("\n\n", Enumerable.Range(1, 2_100).Select(i => $"Sentence number {i} is here.")) + "\n");
        await using var services = await ComposeAsync(repository);

        await services.GetRequiredService<PipelineRunner>().RunOnceAsync(default);

        Assert.Empty(await services.GetRequiredService<ITranslationQueue>().ClaimPendingMachineTranslationAsync("qps-ploc", 10, default));
    }

    private static async Task<string[]> StepsRunAsync(string pipeline)
    {
        using var repository = new TestRepository(pipeline);
        await using var services = await ComposeAsync(repository);

        var started = new List<StepStarted>();
        await services.GetRequiredService<PipelineRunner>().RunOnceAsync(null, new Recorder(started), default);

        Assert.Equal(Enumerable.Range(1, started.Count), started.Select(s => s.Index));
        Assert.All(started, s => Assert.Equal(started.Count, s.Count));
        return [.. started.Select(s => s.Step)];
    }

    /// <summary>The composition every host builds, on the repository, its schema migrated and its pipelines read.</summary>
    private static async Task<ServiceProvider> ComposeAsync(TestRepository repository)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Localize:Root"] = repository.Root,
                ["Localize:PostgreSql"] = repository.PostgreSql ?? string.Empty,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddLocalizeCore(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<SqlSchema>().MigrateAsync(default);
        Assert.Empty(services.GetRequiredService<FilePipelineCatalog>().Reload().Errors);
        return services;
    }

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class Recorder(List<StepStarted> started) : IProgress<StepStarted>
    {
        public void Report(StepStarted value) => started.Add(value);
    }
}
