using Humanizer;
using Localize.Core.Pipelines;
using Spectre.Console;

namespace Localize.Cli;

/// <summary>
/// Runs chosen pipeline steps with their progress shown: a Spectre.Console progress bar per measure (steps, and
/// segments when the command counts them) for a person at a terminal; plain lines when the output is redirected, so
/// a log file gets "translate: 40 % (120 of 300 segments)" instead of control characters.
/// </summary>
public static class PipelineProgress
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <param name="steps">The steps to run by name; null: all of them.</param>
    /// <param name="remaining">How many segments are still to do, polled while the steps run (null: count steps only).</param>
    /// <returns>How many segments were done (the highest count seen waiting minus those still waiting at the end).</returns>
    public static async Task<int> RunAsync(
        string command, PipelineRunner runner, IReadOnlySet<string>? steps, Func<CancellationToken, Task<int>>? remaining, CancellationToken cancellationToken)
    {
        var peak = remaining is null ? 0 : await remaining(cancellationToken);
        var left = peak;
        if (Console.IsOutputRedirected)
        {
            var reported = -1;
            var progress = new SynchronousProgress<StepStarted>(s => Console.WriteLine($"{command}: [{s.Index}/{s.Count}] {s.Pipeline}: {s.Step}"));
            await WhilePollingAsync(runner.RunOnceAsync(steps, progress, cancellationToken), async () =>
            {
                if (remaining is null)
                {
                    return;
                }

                left = await remaining(cancellationToken);
                peak = Math.Max(peak, left);
                var percent = peak == 0 ? 100 : (peak - left) * 100 / peak;
                if (percent / 10 > reported / 10 && peak > 0)
                {
                    reported = percent;
                    Console.WriteLine($"{command}: {percent} % ({peak - left} of {"segment".ToQuantity(peak)})");
                }
            });
            return peak - left;
        }

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var stepTask = context.AddTask("steps", maxValue: 1);
                var segmentTask = remaining is null ? null : context.AddTask("segments", maxValue: Math.Max(1, peak));
                var progress = new SynchronousProgress<StepStarted>(s =>
                {
                    stepTask.MaxValue = s.Count;
                    stepTask.Value = s.Index - 1;
                    stepTask.Description = Markup.Escape($"{s.Pipeline}: {s.Step}");
                });
                await WhilePollingAsync(runner.RunOnceAsync(steps, progress, cancellationToken), async () =>
                {
                    if (segmentTask is null)
                    {
                        return;
                    }

                    left = await remaining!(cancellationToken);
                    peak = Math.Max(peak, left);
                    segmentTask.MaxValue = Math.Max(1, peak);
                    segmentTask.Value = peak - left;
                    segmentTask.Description = $"{peak - left} of {"segment".ToQuantity(peak)}";
                });
                stepTask.Value = stepTask.MaxValue;
                if (segmentTask is not null)
                {
                    segmentTask.Value = peak - left;
                }
            });
        return peak - left;
    }

    private static async Task WhilePollingAsync(Task work, Func<Task> poll)
    {
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(PollEvery));
            await poll();
        }

        await work;
        await poll();
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order with the console).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
