using Localize.Core.Pipelines;
using Localize.Core.Workflow;

namespace Localize.Server.Web;

/// <summary>
/// What keeps work from moving that a person must fix: files that could not be used (with file, line and field) and
/// steps that fail run after run. Shown wherever a manager or reviewer looks first — the review matrix and the
/// dashboard — through the <c>_InputProblems</c> partial.
/// </summary>
public sealed record InputProblems(
    IReadOnlyList<RunProblem> RunProblems,
    IReadOnlyList<PipelineDefinitionException> PipelineErrors,
    IReadOnlyList<SourceError> SourceErrors);

public sealed class InputProblemsReader(IArticleStore articleStore, IPipelineCatalog pipelines, PipelineRunProblems runProblems)
{
    public async Task<InputProblems> ReadAsync(CancellationToken cancellationToken) =>
        new(runProblems.Current, pipelines.Errors, await articleStore.ListSourceErrorsAsync(cancellationToken));
}
