using System.CommandLine;
using Localize.Core.Pipelines;
using Localize.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Localize.Cli.Commands;

/// <summary><c>localize run</c>: the worker, once (for scripts and CI) or watching the sources.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var watch = new Option<bool>("--watch") { Description = "Keep running: re-run whenever a source or pipeline file changes" };
        var run = new Command("run", "Run every pipeline: intake, machine translation, publish.\n\nExample: localize run        (once)\n         localize run --watch")
        {
            watch,
        };
        run.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken, LogLevel.Information);
            var catalog = services.GetRequiredService<FilePipelineCatalog>();
            var runner = services.GetRequiredService<PipelineRunner>();
            if (!parseResult.GetValue(watch))
            {
                // Once: the steps with a progress bar (plain lines when redirected); the log says what each did.
                var snapshot = catalog.Reload();
                await PipelineProgress.RunAsync("run", runner, steps: null, remaining: null, cancellationToken);
                return snapshot.Errors.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
            }

            do
            {
                catalog.Reload();
                await runner.RunOnceAsync(cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            while (!cancellationToken.IsCancellationRequested);
            return LocalizeCommandLine.Ok;
        });
        return run;
    }
}
