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

    public IWorkflowStore Store => _app.Services.GetRequiredService<IWorkflowStore>();

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

    /// <summary>Polls until <paramref name="condition"/> holds; the worker runs asynchronously, so tests wait for its effects.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up after {seconds} s waiting for {what}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _manager?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
