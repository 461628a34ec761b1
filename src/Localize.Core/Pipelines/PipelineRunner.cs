using Microsoft.Extensions.Logging;

namespace Localize.Core.Pipelines;

/// <summary>
/// Runs every pipeline through its steps once. A step that fails for one pipeline is logged and the next pipeline
/// still runs; per-article problems are handled inside the steps and never reach here. A failure that repeats run
/// after run is logged once (and kept in <see cref="PipelineRunProblems"/> for the web app), and its end is logged too.
/// </summary>
public sealed class PipelineRunner(
    IPipelineCatalog catalog, PipelineSteps steps, PipelineRunProblems problems, TimeProvider clock, ILogger<PipelineRunner> logger)
{
    public const string WorkerActor = "worker";

    public Task RunOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(null, null, cancellationToken);

    /// <summary>
    /// Runs every pipeline through its steps (those it runs, <see cref="PipelineSteps.For"/>) that are named in
    /// <paramref name="only"/> (all when null), in the declared order, reporting each step as it starts (for
    /// <c>localize translate</c> and <c>publish</c> and their progress bars).
    /// </summary>
    public async Task RunOnceAsync(IReadOnlySet<string>? only, IProgress<StepStarted>? progress, CancellationToken cancellationToken)
    {
        var plan = catalog.Pipelines
            .Select(definition => (Definition: definition, Steps: steps.For(definition).Where(s => only is null || only.Contains(s.Name)).ToArray()))
            .ToArray();
        var count = plan.Sum(p => p.Steps.Length);
        var index = 0;
        foreach (var (definition, chosen) in plan)
        {
            var context = new PipelineContext(definition, WorkerActor);
            var started = index;
            for (var i = 0; i < chosen.Length; i++)
            {
                var step = chosen[i];
                var alongside = i + 1 < chosen.Length && steps.AlongsideOf(chosen[i + 1]) == step.Name ? chosen[i + 1] : null;
                progress?.Report(new StepStarted(definition.Name, step.Name, ++index, count));
                bool succeeded;
                if (alongside is null)
                {
                    succeeded = await RunStepAsync(definition, step, () => step.RunAsync(context, cancellationToken));
                }
                else
                {
                    progress?.Report(new StepStarted(definition.Name, alongside.Name, ++index, count));
                    var leading = RunStepAsync(definition, step, () => step.RunAsync(context, cancellationToken));
                    var following = RunStepAsync(definition, alongside, () => RunAlongsideAsync(alongside, leading, context, cancellationToken));
                    succeeded = await leading & await following;
                    i++;
                }

                if (!succeeded)
                {
                    // The pipeline's remaining steps are skipped; the progress count moves past them.
                    index = started + chosen.Length;
                    break;
                }
            }
        }
    }

    /// <summary>Runs one step; a failure is recorded for the web app (logged once while it repeats) and answers false.</summary>
    private async Task<bool> RunStepAsync(PipelineDefinition definition, IPipelineStep step, Func<Task> run)
    {
        try
        {
            await run();
            if (problems.Clear(definition.Name, step.Name))
            {
                logger.LogInformation("Pipeline {Pipeline}, step {Step} works again", definition.Name, step.Name);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (problems.Record(definition.Name, step.Name, $"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow()))
            {
                logger.LogError(ex, "Pipeline {Pipeline}, step {Step} failed; the next run retries it", definition.Name, step.Name);
            }

            return false;
        }
    }

    /// <summary>
    /// A step that consumes the leading step's output runs while it works: once at the start (what earlier runs left),
    /// again after each batch the leading step reports, and a last time when it has finished — unless it failed, which
    /// skips the rest of the pipeline as a failed step always does.
    /// </summary>
    private static async Task RunAlongsideAsync(IPipelineStep step, Task<bool> leading, PipelineContext context, CancellationToken cancellationToken)
    {
        while (!leading.IsCompleted)
        {
            var progressed = context.Progress.Next;
            await step.RunAsync(context, cancellationToken);
            await Task.WhenAny(progressed, leading);
        }

        if (await leading)
        {
            await step.RunAsync(context, cancellationToken);
        }
    }
}

/// <summary>A step is starting: the <paramref name="Index"/>-th of <paramref name="Count"/> in this run.</summary>
public sealed record StepStarted(string Pipeline, string Step, int Index, int Count);
