using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Server.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>
/// The article × locale matrix of the locales the signed-in account works in (every locale for managers and admins):
/// progress, MQM quality, sign-off and publication, which files could not be read, and which steps keep failing.
/// </summary>
public sealed class IndexModel(IStatusQueries statusQueries, IReviewQueries reviewQueries, IReviewRecordStore records, InputProblemsReader problems) : PageModel
{
    public IReadOnlyList<ArticleLocaleStatus> Matrix { get; private set; } = [];

    public IReadOnlyDictionary<(string Slug, string Locale), MqmScore> Quality { get; private set; } = new Dictionary<(string, string), MqmScore>();

    public IReadOnlyDictionary<(string Slug, string Locale), ReviewAssignment> Assignments { get; private set; } = new Dictionary<(string, string), ReviewAssignment>();

    public IReadOnlyList<string> Locales { get; private set; } = [];

    public InputProblems Problems { get; private set; } = new([], [], []);

    public int WaitingSegments { get; private set; }

    public DateTimeOffset? OldestWaiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToReviewActor();
        Matrix = [.. (await statusQueries.ListStatusAsync(cancellationToken)).Where(c => actor.CanView(c.Locale))];
        Locales = [.. Matrix.Select(c => c.Locale).Distinct().Order(StringComparer.Ordinal)];
        var quality = new Dictionary<(string, string), MqmScore>();
        foreach (var cell in Matrix)
        {
            quality[(cell.Slug, cell.Locale)] = MqmScore.From(cell.Words, await records.ListMqmSeveritiesAsync(cell.Slug, cell.Locale, cancellationToken));
        }

        Quality = quality;
        Assignments = (await records.ListAssignmentsAsync(cancellationToken)).ToDictionary(a => (a.Slug, a.Locale));
        Problems = await problems.ReadAsync(cancellationToken);
        var queue = (await reviewQueries.ListReviewQueueAsync(null, null, cancellationToken)).Where(q => actor.CanView(q.Locale)).ToArray();
        WaitingSegments = queue.Length;
        OldestWaiting = queue.Length > 0 ? queue.Min(q => q.UpdatedAt) : null;
    }
}
