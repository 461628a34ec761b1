using Localize.Core.Pipelines;
using Localize.Core.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>The review queue: what waits for a medical reviewer per article × locale, and which files could not be read.</summary>
public sealed class IndexModel(IWorkflowStore store, IPipelineCatalog pipelines, PipelineRunProblems runProblems) : PageModel
{
    public IReadOnlyList<ArticleLocaleStatus> Matrix { get; private set; } = [];

    public IReadOnlyList<SourceError> SourceErrors { get; private set; } = [];

    public IReadOnlyList<PipelineDefinitionException> PipelineErrors { get; private set; } = [];

    public IReadOnlyList<RunProblem> RunProblems { get; private set; } = [];

    public int WaitingSegments { get; private set; }

    public DateTimeOffset? OldestWaiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Matrix = await store.ListStatusAsync(cancellationToken);
        SourceErrors = await store.ListSourceErrorsAsync(cancellationToken);
        PipelineErrors = pipelines.Errors;
        RunProblems = runProblems.Current;
        var queue = await store.ListReviewQueueAsync(null, null, cancellationToken);
        WaitingSegments = queue.Count;
        OldestWaiting = queue.Count > 0 ? queue.Min(q => q.UpdatedAt) : null;
    }
}
