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
public sealed record PipelineContext(PipelineDefinition Definition, string Actor)
{
    /// <summary>A step reports here each time it has left new output (a batch saved), for a step running alongside it.</summary>
    public StepProgressSignal Progress { get; } = new();
}

/// <summary>
/// "Some output is ready": a step reports it after each batch it saves; a step running alongside waits for the next
/// report instead of polling the store on a timer.
/// </summary>
public sealed class StepProgressSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next report. Take it before looking for work, so a report made meanwhile is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Report() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
