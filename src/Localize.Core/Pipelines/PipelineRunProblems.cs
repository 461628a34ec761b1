using System.Collections.Concurrent;

namespace Localize.Core.Pipelines;

/// <summary>
/// The steps that failed on the worker's last run (a full disk, a database locked for too long …), so the web app
/// can show them beside the file errors: the manager needs to know the worker is stuck, not only the log reader.
/// A step that succeeds again clears its problem.
/// </summary>
public sealed class PipelineRunProblems
{
    private readonly ConcurrentDictionary<(string Pipeline, string Step), RunProblem> _problems = new();

    public IReadOnlyList<RunProblem> Current => [.. _problems.Values.OrderBy(p => p.Pipeline, StringComparer.Ordinal).ThenBy(p => p.Step, StringComparer.Ordinal)];

    /// <summary>Records a failure; true when it is new or different from the one already known (worth logging).</summary>
    public bool Record(string pipeline, string step, string message, DateTimeOffset at)
    {
        var known = _problems.TryGetValue((pipeline, step), out var previous) && previous.Message == message;
        if (!known)
        {
            _problems[(pipeline, step)] = new RunProblem(pipeline, step, message, at);
        }

        return !known;
    }

    /// <summary>Forgets a step's failure; true when there was one (worth logging that it recovered).</summary>
    public bool Clear(string pipeline, string step) => _problems.TryRemove((pipeline, step), out _);
}

/// <param name="Since">When the step first failed this way.</param>
public sealed record RunProblem(string Pipeline, string Step, string Message, DateTimeOffset Since)
{
    public override string ToString() =>
        $"pipeline '{Pipeline}', step {Step}: {Message} — the worker retries on every run; fix the cause and it carries on by itself";
}
