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

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in catalog.Pipelines)
        {
            var context = new PipelineContext(definition, WorkerActor);
            foreach (var step in steps)
            {
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
