using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Server.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>
/// One locale's review queue, oldest first, filtered by article, by due date (overdue, due within a week, assigned to
/// me, unassigned) and by check findings (with errors, with warnings, clean).
/// </summary>
public sealed class QueueModel(IWorkflowStore store, IReviewRecordStore records, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Locale { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Article { get; set; }

    /// <summary>errors, warnings, clean; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Findings { get; set; }

    /// <summary>overdue, week, mine, unassigned; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    public IReadOnlyList<string> Articles { get; private set; } = [];

    public IReadOnlyDictionary<string, ReviewAssignment> Assignments { get; private set; } = new Dictionary<string, ReviewAssignment>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToReviewActor();
        if (!actor.CanView(Locale))
        {
            return Forbid();
        }

        var all = await store.ListReviewQueueAsync(Locale, null, cancellationToken);
        Articles = [.. all.Select(i => i.Slug).Distinct().Order(StringComparer.Ordinal)];
        Assignments = (await records.ListAssignmentsAsync(cancellationToken)).Where(a => a.Locale == Locale).ToDictionary(a => a.Slug);
        var now = clock.GetUtcNow();
        Items = [.. all.Where(i =>
            (string.IsNullOrEmpty(Article) || i.Slug == Article)
            && Findings switch
            {
                "errors" => i.Notes.Any(n => n.Severity == NoteSeverity.Error),
                "warnings" => i.Notes.Any(n => n.Severity == NoteSeverity.Warning),
                "clean" => i.Notes.All(n => n.Severity == NoteSeverity.Info),
                _ => true,
            }
            && (Assignments.TryGetValue(i.Slug, out var assignment) ? assignment : null) switch
            {
                var a when Due == "overdue" => a?.DueAt < now,
                var a when Due == "week" => a?.DueAt < now.AddDays(7),
                var a when Due == "mine" => string.Equals(a?.Assignee, actor.Name, StringComparison.OrdinalIgnoreCase),
                var a when Due == "unassigned" => a is null,
                _ => true,
            })];
        return Page();
    }
}
