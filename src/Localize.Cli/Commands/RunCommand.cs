using System.CommandLine;
using System.Globalization;
using Localize.Core.Dashboard;
using Localize.Core.Pipelines;
using Localize.Core.Workflow;
using Localize.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Localize.Cli.Commands;

/// <summary><c>localize run</c>: the worker, once (for scripts and CI) or watching the sources.</summary>
public static class RunCommand
{
    /// <summary>How often <c>--wait</c> looks again while another worker's lease holds segments.</summary>
    private static readonly TimeSpan LookAgainEvery = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var watch = new Option<bool>("--watch") { Description = "Keep running: re-run whenever a source or pipeline file changes" };
        var wait = new Option<bool>("--wait")
        {
            Description = "When another worker (or one that crashed) still holds segments under its lease, wait for them: until that worker finishes them, or its lease runs out and this run takes them over",
        };
        var run = new Command("run", "Run every pipeline: intake, machine translation, publish.\n\nExample: localize run        (once)\n         localize run --wait (once, and wait for segments another worker holds)\n         localize run --watch")
        {
            watch, wait,
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
                var leased = await WaitForLeasesAsync(services.GetRequiredService<ITranslationQueue>(), runner, parseResult.GetValue(wait), cancellationToken);
                return snapshot.Errors.Count == 0 && leased == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
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

    /// <summary>
    /// After a crash, segments can still be leased to the dead worker: this run skipped them, so "done" would be untrue.
    /// Without <paramref name="wait"/>: says how many and until when, and returns their count. With it: waits while
    /// the other worker makes progress, running the pipeline again each time a lease may have run out (this run then
    /// claims what the dead worker held), so the wait is bounded by the last lease's expiry; returns 0 when none is left.
    /// </summary>
    private static async Task<int> WaitForLeasesAsync(ITranslationQueue translationQueue, PipelineRunner runner, bool wait, CancellationToken cancellationToken)
    {
        var leased = await translationQueue.FindLeasedByOthersAsync(cancellationToken);
        var said = -1;
        while (leased.Segments > 0)
        {
            var until = leased.Until!.Value;
            var holding = $"{Humanized.Count(leased.Segments, "segment")} still held by another worker's lease, until {until.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({Humanized.Ago(until, DateTimeOffset.UtcNow)})";
            if (!wait)
            {
                await Console.Error.WriteLineAsync(
                    $"run: {holding}: that worker is translating them, or it stopped and they come back when the lease runs out. Run again then, or use 'localize run --wait'.");
                return leased.Segments;
            }

            if (leased.Segments != said)
            {
                Console.WriteLine($"run: waiting for {holding}");
                said = leased.Segments;
            }

            var untilExpiry = until - DateTimeOffset.UtcNow;
            await Task.Delay(untilExpiry < LookAgainEvery ? (untilExpiry > TimeSpan.Zero ? untilExpiry : TimeSpan.Zero) + TimeSpan.FromMilliseconds(50) : LookAgainEvery, cancellationToken);
            if (DateTimeOffset.UtcNow > until)
            {
                // The leases seen have run out: this run claims and translates what is still waiting.
                await runner.RunOnceAsync(cancellationToken);
            }

            leased = await translationQueue.FindLeasedByOthersAsync(cancellationToken);
        }

        if (said >= 0)
        {
            // What the other worker finished still needs this run's later steps (publishing, review aids).
            await runner.RunOnceAsync(cancellationToken);
            Console.WriteLine("run: no segment is held by another worker any more");
        }

        return 0;
    }
}
