using Microsoft.Extensions.Logging;

namespace Localize.Core.Pipelines;

/// <summary>
/// Runs every pipeline through its steps once. A step that fails for one pipeline is logged and the next pipeline
/// still runs; per-article problems are handled inside the steps and never reach here. A failure that repeats run
/// after run is logged once (and kept in <see cref="PipelineRunProblems"/> for the web app), and its end is logged too.
/// </summary>
public sealed class PipelineRunner(
    IPipelineCatalog catalog, IEnumerable<IPipelineStep> steps, PipelineRunProblems problems, TimeProvider clock, ILogger<PipelineRunner> logger)
{
    public const string WorkerActor = "worker";

    public Task RunOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(null, null, cancellationToken);

    /// <summary>
    /// Runs every pipeline through the steps named in <paramref name="only"/> (all steps when null), in their usual
    /// order, reporting each step as it starts (for <c>localize translate</c> and <c>publish</c> and their progress bars).
    /// </summary>
    public async Task RunOnceAsync(IReadOnlySet<string>? only, IProgress<StepStarted>? progress, CancellationToken cancellationToken)
    {
        var chosen = steps.Where(s => only is null || only.Contains(s.Name)).ToArray();
        var pipelines = catalog.Pipelines;
        for (var p = 0; p < pipelines.Count; p++)
        {
            var definition = pipelines[p];
            var context = new PipelineContext(definition, WorkerActor);
            for (var s = 0; s < chosen.Length; s++)
            {
                var step = chosen[s];
                progress?.Report(new StepStarted(definition.Name, step.Name, p * chosen.Length + s + 1, pipelines.Count * chosen.Length));
                try
                {
                    await step.RunAsync(context, cancellationToken);
                    if (problems.Clear(definition.Name, step.Name))
                    {
                        logger.LogInformation("Pipeline {Pipeline}, step {Step} works again", definition.Name, step.Name);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (problems.Record(definition.Name, step.Name, $"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow()))
                    {
                        logger.LogError(ex, "Pipeline {Pipeline}, step {Step} failed; the next run retries it", definition.Name, step.Name);
                    }

                    break;
                }
            }
        }
    }
}

/// <summary>A step is starting: the <paramref name="Index"/>-th of <paramref name="Count"/> in this run.</summary>
public sealed record StepStarted(string Pipeline, string Step, int Index, int Count);
