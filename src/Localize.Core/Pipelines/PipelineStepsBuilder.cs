namespace Localize.Core.Pipelines;

/// <summary>
/// Declares the pipeline's steps once, in the order they run (as Markdig's pipeline builder does): <see cref="Use{TStep}"/>
/// for a step every pipeline runs, <see cref="UseOptional{TStep}"/> for one a pipeline file may leave out by listing
/// the optional steps it wants (<c>steps: [readability]</c>). The order is this list's, never the order in which a
/// container happened to register the steps.
/// </summary>
public sealed class PipelineStepsBuilder
{
    private readonly List<PipelineStepDeclaration> _steps = [];

    /// <param name="name">The step's <see cref="IPipelineStep.Name"/>, so the order is known before any step is built.</param>
    public PipelineStepsBuilder Use<TStep>(string name)
        where TStep : class, IPipelineStep => Add(new PipelineStepDeclaration(name, typeof(TStep), Optional: false));

    /// <inheritdoc cref="Use{TStep}"/>
    /// <param name="alongside">
    /// An earlier step whose output this one consumes batch by batch, so the two overlap (back-translation of the targets
    /// machine translation has finished while it translates the rest): this step runs each time that one reports
    /// progress, and once more after it ends. Null: after the steps before it, as usual.
    /// </param>
    public PipelineStepsBuilder UseOptional<TStep>(string name, string? alongside = null)
        where TStep : class, IPipelineStep
    {
        if (alongside is not null && _steps.LastOrDefault()?.Name != alongside)
        {
            throw new InvalidOperationException($"the pipeline step '{name}' runs alongside '{alongside}', which must be declared right before it");
        }

        return Add(new PipelineStepDeclaration(name, typeof(TStep), Optional: true) { Alongside = alongside });
    }

    public PipelineStepOrder Build() => new([.. _steps]);

    private PipelineStepsBuilder Add(PipelineStepDeclaration step)
    {
        if (_steps.Any(s => s.Name == step.Name || s.StepType == step.StepType))
        {
            throw new InvalidOperationException($"the pipeline step '{step.Name}' ({step.StepType.Name}) is declared twice");
        }

        _steps.Add(step);
        return this;
    }
}

/// <param name="Optional">Whether a pipeline file may leave the step out.</param>
public sealed record PipelineStepDeclaration(string Name, Type StepType, bool Optional)
{
    /// <summary>The step right before it that it overlaps with (see <see cref="PipelineStepsBuilder.UseOptional{TStep}"/>), or null.</summary>
    public string? Alongside { get; init; }
}

/// <summary>The declared steps, in order; immutable once built.</summary>
public sealed class PipelineStepOrder(IReadOnlyList<PipelineStepDeclaration> steps)
{
    public IReadOnlyList<PipelineStepDeclaration> Steps { get; } = steps;

    /// <summary>The names a pipeline file may list under <c>steps:</c>.</summary>
    public IReadOnlySet<string> OptionalSteps { get; } = steps.Where(s => s.Optional).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// The steps themselves, in the declared order, and which of them a pipeline runs: every step it cannot leave out,
/// and the optional ones its file lists (all of them when it lists none).
/// </summary>
public sealed class PipelineSteps
{
    private readonly IReadOnlyList<(PipelineStepDeclaration Declaration, IPipelineStep Step)> _steps;

    /// <param name="create">Builds (or finds) the step of a declared type, e.g. from the service container.</param>
    public PipelineSteps(PipelineStepOrder order, Func<Type, IPipelineStep> create)
    {
        _steps = [.. order.Steps.Select(d => (d, create(d.StepType)))];
        foreach (var (declaration, step) in _steps.Where(s => s.Step.Name != s.Declaration.Name))
        {
            throw new InvalidOperationException($"{declaration.StepType.Name} is declared as '{declaration.Name}' but names itself '{step.Name}'");
        }
    }

    public IReadOnlyList<IPipelineStep> All => [.. _steps.Select(s => s.Step)];

    public IReadOnlyList<IPipelineStep> For(PipelineDefinition definition) =>
        [.. _steps.Where(s => !s.Declaration.Optional || definition.OptionalSteps is null || definition.OptionalSteps.Contains(s.Declaration.Name)).Select(s => s.Step)];

    /// <summary>The name of the step <paramref name="step"/> runs alongside, or null when it runs after the ones before it.</summary>
    public string? AlongsideOf(IPipelineStep step) => _steps.FirstOrDefault(s => ReferenceEquals(s.Step, step)).Declaration?.Alongside;
}
