using Localize.Core.Pipelines;
using Localize.Core.Resx;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Server.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>
/// One locale's queue, the riskiest segments first (then the oldest) unless asked for oldest first, a page at a time, articles apart from interface strings: segments in a state (in
/// review unless asked), filtered by article, risk class, finding (severity or check id), engine, assignee or due date, comments,
/// and text in the source or the translation. Beside it, the latest comments of the locale, so an editor sees the
/// reviewer's questions and the reviewer the editor's answers.
/// </summary>
public sealed class QueueModel(IReviewQueries reviewQueries, IReviewRecordStore records, ISegmentCommentStore threads, IPipelineCatalog pipelines, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [FromRoute]
    public string Locale { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Article { get; set; }

    /// <summary>A <see cref="SegmentState"/> name; in review when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>errors, warnings, clean, or a finding's origin (<c>check:numbers</c>); empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Findings { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Engine { get; set; }

    /// <summary>overdue, week, mine, unassigned, or an assignee's name; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    /// <summary>articles, strings; empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>"with": only segments with a comment.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Comments { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>A risk class (<c>dose-or-number</c>, <c>prohibition</c>, <c>warning</c>, <c>plain</c>); empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Risk { get; set; }

    /// <summary><c>oldest</c>: oldest first; otherwise the riskiest first, oldest first within a class.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public bool OldestFirst => string.Equals(Sort, "oldest", StringComparison.OrdinalIgnoreCase);

    /// <summary>The risk of each segment listed, by translation id.</summary>
    public IReadOnlyDictionary<long, SegmentRisk> Risks { get; private set; } = new Dictionary<long, SegmentRisk>();

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SegmentState ShownState { get; private set; } = SegmentState.InReview;

    /// <summary>The article segments of this page.</summary>
    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    /// <summary>The interface-string segments of this page.</summary>
    public IReadOnlyList<ReviewItem> Strings { get; private set; } = [];

    /// <summary>How many segments match, over all pages.</summary>
    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<string> Articles { get; private set; } = [];

    public IReadOnlyList<string> Origins { get; private set; } = [];

    public IReadOnlyList<string> Engines { get; private set; } = [];

    public IReadOnlyList<string> Assignees { get; private set; } = [];

    public IReadOnlyDictionary<string, ReviewAssignment> Assignments { get; private set; } = new Dictionary<string, ReviewAssignment>();

    public ILookup<long, SegmentComment> Thread { get; private set; } = Array.Empty<SegmentComment>().ToLookup(c => c.TranslationId);

    /// <summary>The locale's latest comments, newest first.</summary>
    public IReadOnlyList<SegmentComment> LatestComments { get; private set; } = [];

    /// <summary>For a comment: the segment's number in its article, when the segment still exists.</summary>
    public IReadOnlyDictionary<long, int> Numbers { get; private set; } = new Dictionary<long, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToReviewActor();
        if (!actor.CanView(Locale))
        {
            return Forbid();
        }

        ShownState = Enum.TryParse<SegmentState>(State, ignoreCase: true, out var state) ? state : SegmentState.InReview;
        var all = await reviewQueries.ListInStateAsync(ShownState, Locale, null, cancellationToken);
        Articles = [.. all.Select(i => i.Slug).Distinct().Order(StringComparer.Ordinal)];
        Origins = [.. all.SelectMany(i => i.Notes).Select(n => n.Origin.ToString()).Distinct().Order(StringComparer.Ordinal)];
        Engines = [.. all.Select(i => i.EngineId).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        Assignments = (await records.ListAssignmentsAsync(cancellationToken)).Where(a => a.Locale == Locale).ToDictionary(a => a.Slug);
        Assignees = [.. Assignments.Values.Select(a => a.Assignee).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        var comments = await threads.ListForLocaleAsync(Locale, cancellationToken);
        Thread = comments.ToLookup(c => c.TranslationId);
        LatestComments = [.. comments.TakeLast(10).Reverse()];
        var now = clock.GetUtcNow();
        var text = Q?.Trim();
        var risks = all.ToDictionary(i => i.TranslationId, i => SegmentRisk.Of(i, pipelines));
        var risk = SegmentRisk.Parse(Risk);
        var matching = all.Where(i =>
            (string.IsNullOrEmpty(Article) || i.Slug == Article)
            && (risk is null || risks[i.TranslationId].Class == risk)
            && Findings switch
            {
                null or "" => true,
                "errors" => i.Notes.Any(n => n.Severity == NoteSeverity.Error),
                "warnings" => i.Notes.Any(n => n.Severity == NoteSeverity.Warning),
                "clean" => i.Notes.All(n => n.Severity == NoteSeverity.Info),
                var origin => i.Notes.Any(n => string.Equals(n.Origin.ToString(), origin, StringComparison.OrdinalIgnoreCase)),
            }
            && (string.IsNullOrEmpty(Engine) || string.Equals(i.EngineId, Engine, StringComparison.OrdinalIgnoreCase))
            && (Comments != "with" || Thread.Contains(i.TranslationId))
            && (string.IsNullOrEmpty(text) || SegmentSearch.Contains(i.Source, text) || SegmentSearch.Contains(i.Target, text))
            && Kind switch
            {
                "strings" => i.Kind == ResxFilter.SegmentKind,
                "articles" => i.Kind != ResxFilter.SegmentKind,
                _ => true,
            }
            && (Assignments.TryGetValue(i.Slug, out var assignment) ? assignment : null) switch
            {
                var a when Due is null or "" => true,
                var a when Due == "overdue" => a?.DueAt < now,
                var a when Due == "week" => a?.DueAt < now.AddDays(7),
                var a when Due == "mine" => string.Equals(a?.Assignee, actor.Name, StringComparison.OrdinalIgnoreCase),
                var a when Due == "unassigned" => a is null,
                var a => string.Equals(a?.Assignee, Due, StringComparison.OrdinalIgnoreCase),
            })
            // The store lists oldest first; a stable sort keeps that order within a risk class.
            .OrderByDescending(i => OldestFirst ? RiskClass.Plain : risks[i.TranslationId].Class)
            .ToArray();
        Risks = risks;
        Total = matching.Length;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToArray();
        Items = [.. page.Where(i => i.Kind != ResxFilter.SegmentKind)];
        Strings = [.. page.Where(i => i.Kind == ResxFilter.SegmentKind)];
        Numbers = await NumbersAsync(LatestComments, cancellationToken);
        return Page();
    }

    /// <summary>This queue with the filters in force, on another page.</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query
            .Where(p => p.Key != "page")
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .Append($"page={page}");
        return $"/review/{Uri.EscapeDataString(Locale)}?{string.Join("&", query)}";
    }

    private async Task<IReadOnlyDictionary<long, int>> NumbersAsync(IEnumerable<SegmentComment> comments, CancellationToken cancellationToken)
    {
        var numbers = new Dictionary<long, int>();
        foreach (var id in comments.Select(c => c.TranslationId).Distinct())
        {
            if (await reviewQueries.FindReviewItemAsync(id, cancellationToken) is { } item)
            {
                numbers[id] = item.Ordinal + 1;
            }
        }

        return numbers;
    }
}
