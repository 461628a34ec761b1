using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Localize.Cli;
using Localize.Core.Workflow;
using Localize.Integration.Tests.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Localize.Integration.Tests;

/// <summary>What the one host promises a manager on a fresh machine: clear start-up errors, engines that fall back
/// visibly, broken pipeline files named while the others run, and the Azure engine demonstrable without Azure.</summary>
public sealed class HostPromisesTests
{
    private const string Slug = TestRepository.SeedSlug;

    [Fact]
    public async Task Without_Apertium_a_locale_falls_back_to_the_pseudo_engine_and_says_so_in_one_line()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository, new Dictionary<string, string?>
        {
            ["Localize:Engines:Apertium:Command"] = Path.Combine(repository.Root, "no-apertium-here"),
        });

        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "es segments in review");

        Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, "es", default), s => Assert.Equal("pseudo", s.EngineId));
        var warning = Assert.Single(server.Logs.Entries, e => e.Message.Contains("falls back to the pseudo engine", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.DoesNotContain('\n', warning.Message);
        Assert.Contains("PSEUDO", await (await server.ManagerAsync()).GetStringAsync($"/review/es/{Slug}"));
    }

    /// <summary>
    /// With the hosting diagnostics' log on, ASP.NET Core makes a log scope and an activity for every request — about
    /// 8 % of the all-in-one web app's published-page throughput (bench/README.md); its lines are Information, below
    /// what Microsoft.AspNetCore logs anyway. The settings the server ships (its appsettings.json, read here as the host
    /// reads it) turn it off, and configuration can turn it back on. (The test hosts themselves log to the console at
    /// Warning by a provider rule, which outranks any category rule, so they are not where to look.)
    /// </summary>
    [Theory]
    [InlineData(null, false)]
    [InlineData("Information", true)]
    public void The_hosting_diagnostics_log_is_off_in_the_shipped_settings_and_configuration_turns_it_back_on(string? configured, bool expectedOn)
    {
        const string category = "Microsoft.AspNetCore.Hosting.Diagnostics";
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(configured is null ? [] : [new($"Logging:LogLevel:{category}", configured)])
            .Build();
        using var factory = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());

        Assert.Equal(expectedOn, factory.CreateLogger(category).IsEnabled(LogLevel.Critical));
        Assert.True(factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning), "Kestrel still logs what a request's failure says");
    }

    [Fact]
    public async Task A_broken_pipeline_file_is_named_with_line_and_field_while_the_good_pipeline_runs()
    {
        using var repository = new TestRepository();
        await File.WriteAllTextAsync(
            Path.Combine(repository.Root, "pipelines", "broken.yaml"),
            "name: leaflets\nsource:\n  folder: leaflets\nlocales:\n  - code: fr\n    engine: babelfish\n");
        await using var server = await RunningServer.StartAsync(repository);

        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, "qps-ploc", default)).Count > 0,
            "the good pipeline to run");

        var page = await (await server.ManagerAsync()).GetStringAsync("/review");
        Assert.Contains("pipelines/broken.yaml:6: field &#x27;locales[0].engine&#x27; unknown engine &#x27;babelfish&#x27;", page);
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("pipelines/broken.yaml:6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_with_a_folder_that_is_not_a_repository_stops_with_one_clear_line()
    {
        var empty = Directory.CreateTempSubdirectory("localize-not-a-repo-");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Localize.Server.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["Localize__Root"] = empty.FullName;
        start.Environment["Urls"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("Localize cannot start: Localize:Root must be the repository folder that holds pipelines/", errors.Trim());
        Assert.Single(errors.Trim().Split('\n'));
    }

    [Fact]
    public async Task The_Azure_engine_translates_through_the_emulator_started_from_the_CLI()
    {
        var port = FreePort();
        using var repository = new TestRepository(File.ReadAllText(Testing.RepositoryPaths.DefaultPipeline).Replace("engine: apertium", "engine: azure"));
        var emulator = StartEmulator(port);
        try
        {
            await WaitForLineAsync(emulator, "listening");
            await using var server = await RunningServer.StartAsync(repository, new Dictionary<string, string?>
            {
                ["Localize:Engines:Azure:Endpoint"] = $"http://127.0.0.1:{port}",
                ["Localize:Engines:Azure:Key"] = "emulator-key",
            });

            await RunningServer.WaitForAsync(
                async () => (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
                "es segments translated by the Azure engine");
            Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, "es", default), s => Assert.Equal("azure", s.EngineId));
            Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains("emulator-key", StringComparison.Ordinal));
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
            await emulator.WaitForExitAsync();
            emulator.Dispose();
        }
    }

    [Fact]
    public async Task The_emulator_started_from_the_CLI_with_a_fixture_answers_its_real_translations_and_refuses_a_malformed_one()
    {
        var port = FreePort();
        using var repository = AzureLanguagesPipelineTests.NewRepository("fr");
        var emulator = StartEmulator(port, "--fixture", AzureLanguagesPipelineTests.FixturePath);
        try
        {
            await WaitForLineAsync(emulator, "answering 40 real translations from patient-instructions.json");
            await using var server = await RunningServer.StartAsync(repository, new Dictionary<string, string?>
            {
                ["Localize:Engines:Azure:Endpoint"] = $"http://127.0.0.1:{port}",
                ["Localize:Engines:Azure:Key"] = "emulator-key",
            });

            var segments = await AzureLanguagesPipelineTests.WaitForReviewAsync(server, "fr");
            Assert.Contains(segments, s => s.Target == "Ne conduisez pas pendant les 24 heures qui suivent votre première dose.");
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
            await emulator.WaitForExitAsync();
            emulator.Dispose();
        }

        var malformed = Path.Combine(repository.Root, "fixture.json");
        await File.WriteAllTextAsync(malformed, """[{ "source": "Take 1 tablet.", "locale": "fr" }]""");
        using var refused = StartEmulator(FreePort(), "--fixture", malformed);
        var errors = await refused.StandardError.ReadToEndAsync();
        await refused.WaitForExitAsync();
        Assert.Equal(LocalizeCommandLine.Usage, refused.ExitCode);
        Assert.Contains($"{malformed}: entry 1 has no \"target\" text", errors);
    }

    private static Process StartEmulator(int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "localize.dll"), "emulator", "--port", port.ToString(), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;
    }

    private static async Task WaitForLineAsync(Process process, string words)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(words, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"the emulator exited before saying '{words}'");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
