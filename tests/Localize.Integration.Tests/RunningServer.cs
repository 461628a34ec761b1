using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Hosting;
using Localize.Server.Hosting;
using Localize.Storage.People;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Localize.Integration.Tests;

/// <summary>The real Localize host (worker + web app) on a loopback port, against a <see cref="TestRepository"/>.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private const string ManagerName = "test-manager";
    private const string ManagerPassword = "a long manager passphrase";
    private readonly WebApplication _app;
    private ReviewerClient? _manager;

    private RunningServer(WebApplication app, Uri address, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public WorkflowStores Store => WorkflowStores.Of(_app.Services);

    public IServiceProvider Services => _app.Services;

    public CapturedLogs Logs { get; } = new();

    /// <param name="configureServices">Runs after the host's own registrations, so a fault test can decorate a real
    /// component (a content store that fails its writes, an engine that is down) without mocking the rest.</param>
    public static async Task<RunningServer> StartAsync(
        TestRepository repository, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Localize:Root"] = repository.Root,
            ["Localize:PollInterval"] = "00:00:00.500",
            // Always set, so an environment variable never points a test's host at another test's database.
            ["Localize:PostgreSql"] = repository.PostgreSql ?? string.Empty,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        // Hundreds of hosts logging their routine to the console would bury the test run's own report of what failed.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.AddLocalizeServer();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseLocalizeServer();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServer(app, new Uri(address), logs);
    }

    /// <summary>
    /// A localization manager signed in over HTTP (the account is created on first use): the review pages are for
    /// accounts only, and a manager sees every locale.
    /// </summary>
    public async Task<ReviewerClient> ManagerAsync()
    {
        if (_manager is null)
        {
            using (var scope = Services.CreateScope())
            {
                var refused = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().AddAsync(ManagerName, Roles.Manager, [], ManagerPassword, default);
                Assert.True(refused is null, refused);
            }

            _manager = await ReviewerClient.SignInAsync(this, ManagerName, ManagerPassword);
        }

        return _manager;
    }

    /// <summary>
    /// How long a wait may see no change at all before it gives up: generous, because a loaded machine runs the worker
    /// slowly, yet a worker that stalls is still caught (every wait restarts it when the state it watches moves).
    /// </summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Polls until <paramref name="condition"/> holds. A yes/no condition shows no progress on its way, so it is given
    /// <paramref name="seconds"/> (default <see cref="StallLimit"/>); a wait that can see the state it waits on moving
    /// uses <see cref="WaitForProgressAsync"/>, which never fails while the state keeps changing.
    /// </summary>
    public static Task WaitForAsync(Func<Task<bool>> condition, string what, int? seconds = null) =>
        WaitForProgressAsync(
            async () => await condition(),
            done => done,
            _ => "not yet",
            what,
            seconds is { } limit ? TimeSpan.FromSeconds(limit) : null);

    /// <summary>
    /// Polls <paramref name="observe"/> until <paramref name="done"/>; fails only when what it observes (as
    /// <paramref name="describe"/> writes it) has not changed for <paramref name="stall"/> (default
    /// <see cref="StallLimit"/>). The worker runs asynchronously, so tests wait for its effects: for progress, never for a
    /// wall-clock budget, so a busy machine slows a test down without failing it, and a stalled worker still fails it.
    /// </summary>
    /// <returns>The observation that was done.</returns>
    public static async Task<T> WaitForProgressAsync<T>(
        Func<Task<T>> observe, Func<T, bool> done, Func<T, string> describe, string what, TimeSpan? stall = null)
    {
        var limit = stall ?? StallLimit;
        var observed = await observe();
        var state = describe(observed);
        var unchanged = System.Diagnostics.Stopwatch.StartNew();
        while (!done(observed))
        {
            if (unchanged.Elapsed > limit)
            {
                throw new TimeoutException($"no progress for {limit.TotalSeconds:F0} s waiting for {what}; last seen: {state}");
            }

            await Task.Delay(200);
            observed = await observe();
            var now = describe(observed);
            if (now != state)
            {
                state = now;
                unchanged.Restart();
            }
        }

        return observed;
    }

    /// <summary>
    /// Polls an article's segments in one locale until <paramref name="done"/>; any segment that moves (state, version,
    /// engine, notes, back-translation) is progress.
    /// </summary>
    public Task<IReadOnlyList<ReviewItem>> WaitForSegmentsAsync(
        string slug, string locale, Func<IReadOnlyList<ReviewItem>, bool> done, string what, TimeSpan? stall = null) =>
        WaitForProgressAsync(() => Store.ListArticleSegmentsAsync(slug, locale, default), done, Describe, what, stall);

    /// <summary>What a wait on segments compares between polls, and names when it gives up.</summary>
    public static string Describe(IReadOnlyList<ReviewItem> segments) =>
        segments.Count == 0 ? "no segments" : string.Join(", ", segments.Select(s =>
            $"{s.UnitId} {s.State} v{s.Version}{(s.EngineId is null ? "" : " by " + s.EngineId)} ({s.Notes.Count} notes{(s.BackTranslation is null ? "" : ", back-translated")})"));

    /// <summary>
    /// Runs one pipeline step (e.g. <c>publish</c>) of every pipeline once, here and now, as the worker's next pass
    /// would: a test that must show the step leaves something alone runs it and then asserts, instead of waiting a
    /// while and hoping the worker ran in between. A step that fails fails the test (the worker would only log it).
    /// </summary>
    public async Task RunStepAsync(string step)
    {
        var steps = Services.GetRequiredService<PipelineSteps>();
        var ran = 0;
        foreach (var definition in Services.GetRequiredService<IPipelineCatalog>().Pipelines)
        {
            foreach (var chosen in steps.For(definition).Where(s => s.Name == step))
            {
                await chosen.RunAsync(new PipelineContext(definition, PipelineRunner.WorkerActor), default);
                ran++;
            }
        }

        Assert.True(ran > 0, $"no pipeline runs a step named '{step}'");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _manager?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
