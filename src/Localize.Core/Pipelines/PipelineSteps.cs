namespace Localize.Core.Pipelines;

/// <summary>
/// One step of a pipeline run (Okapi's vocabulary): it reads what earlier steps left in the workflow store and leaves
/// its own output there, so a run can stop between any two steps and the next run carries on.
/// </summary>
public interface IPipelineStep
{
    string Name { get; }

    Task RunAsync(PipelineContext context, CancellationToken cancellationToken);
}

/// <param name="Actor">Who the change records name for this run's automatic transitions, e.g. "worker".</param>
public sealed record PipelineContext(PipelineDefinition Definition, string Actor);
