using System.CommandLine;
using Localize.Core.Workflow;
using Localize.Hosting;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Localize.Cli;

/// <summary>
/// The services a command needs, built the same way as the server's (same configuration keys, same database), so a
/// script and the web app always see the same state.
/// </summary>
public static class CliHost
{
    /// <summary>Every command that touches a repository takes <c>--root</c>.</summary>
    public static readonly Option<DirectoryInfo?> RootOption = new("--root")
    {
        Description = "The repository folder (with pipelines/, content/, translations/); default: the nearest one above the current directory",
        Recursive = true,
    };

    /// <summary>The password a <c>--password-stdin</c> command reads: the first line of its standard input, empty when there is none.</summary>
    public static async Task<string> ReadPasswordAsync(TextReader? standardInput, CancellationToken cancellationToken) =>
        (await (standardInput ?? Console.In).ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty;

    public static async Task<ServiceProvider> StartAsync(ParseResult parseResult, CancellationToken cancellationToken, LogLevel logLevel = LogLevel.Warning)
    {
        var settings = new Dictionary<string, string?>();
        if (parseResult.GetValue(RootOption) is { } root)
        {
            settings[$"{LocalizeOptions.Section}:Root"] = root.FullName;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection()
            // The log goes to stderr, so what a command prints on stdout (XLIFF, JSON, tables) is only its output.
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel))
            .Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSingleton<IConfiguration>(configuration)
            .AddLocalizeCore(configuration)
            .BuildServiceProvider(validateScopes: true);
        await services.GetRequiredService<SqlSchema>().MigrateAsync(cancellationToken);
        return services;
    }
}
