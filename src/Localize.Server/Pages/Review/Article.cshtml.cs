using Humanizer;
using Localize.Core.Memory;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>One article in one locale, side by side with its source: approve, edit or reject each segment.</summary>
public sealed class ArticleModel(IWorkflowStore store, ReviewService review, ITranslationMemory memory, IPipelineCatalog pipelines) : PageModel
{
    private const string ReviewerCookie = "localize-reviewer";

    [FromRoute]
    public string Locale { get; set; } = string.Empty;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public IReadOnlyList<ReviewItem> Segments { get; private set; } = [];

    public ArticleLocaleStatus? Status { get; private set; }

    /// <summary>Readability of the source and of this locale's targets, as the worker last scored them.</summary>
    public IReadOnlyList<StoredReadability> Readability { get; private set; } = [];
    /// <summary>For each segment a reviewer still has to decide on: the best 5 memory matches from 75 %, differences highlighted.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<MemoryMatch>> Matches { get; private set; } = new Dictionary<long, IReadOnlyList<MemoryMatch>>();

    public string? Reviewer => Request.Cookies[ReviewerCookie];

    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public bool FlashIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Segments = await store.ListArticleSegmentsAsync(Slug, Locale, cancellationToken);
        if (Segments.Count == 0)
        {
            return NotFound();
        }

        Status = (await store.ListStatusAsync(cancellationToken)).FirstOrDefault(s => s.Slug == Slug && s.Locale == Locale);
        var sourceLanguage = pipelines.Find(Segments[0].Pipeline)?.Source.Language ?? "en";
        var scores = new List<StoredReadability>();
        foreach (var locale in new[] { sourceLanguage, Locale })
        {
            if (await store.FindReadabilityAsync(Slug, locale, cancellationToken) is { } score)
            {
                scores.Add(score);
            }
        }

        Readability = scores;
        var matches = new Dictionary<long, IReadOnlyList<MemoryMatch>>();
        foreach (var segment in Segments.Where(s => s.State is SegmentState.InReview or SegmentState.Rejected))
        {
            // The segment's own target is no suggestion: leave out the match it was prefilled from.
            var found = (await memory.FindFuzzyAsync(sourceLanguage, Locale, segment.Source, 6, cancellationToken))
                .Where(m => m.Target != segment.Target || m.Source != segment.Source)
                .Take(5)
                .ToArray();
            if (found.Length > 0)
            {
                matches[segment.TranslationId] = found;
            }
        }

        Matches = matches;
        return Page();
    }

    public IActionResult OnPostReviewer(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Done("Enter your name: every approval is recorded under it.", isError: true);
        }

        Response.Cookies.Append(ReviewerCookie, name.Trim(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(30) });
        return Done($"Reviewing as {name.Trim()}.");
    }

    public Task<IActionResult> OnPostApproveAsync(long id, int version, string? overrideReason, CancellationToken cancellationToken) =>
        ActAsync(reviewer => review.ApproveAsync(id, reviewer, version, overrideReason, cancellationToken), "Segment approved.");

    public Task<IActionResult> OnPostEditAsync(long id, int version, string target, CancellationToken cancellationToken) =>
        ActAsync(reviewer => review.EditAsync(id, reviewer, target ?? string.Empty, version, cancellationToken), "Edit saved; the segment is back in review.");

    public Task<IActionResult> OnPostRejectAsync(long id, int version, string reason, CancellationToken cancellationToken) =>
        ActAsync(reviewer => review.RejectAsync(id, reviewer, reason ?? string.Empty, version, cancellationToken), "Segment rejected.");

    public async Task<IActionResult> OnPostApproveAllAsync(CancellationToken cancellationToken)
    {
        if (Reviewer is not { } reviewer)
        {
            return Done("Enter your name before approving.", isError: true);
        }

        var result = await review.ApproveAllAsync(Slug, Locale, reviewer, cancellationToken);
        var message = $"{"segment".ToQuantity(result.Approved)} approved.";
        return result.Skipped.Count == 0
            ? Done(message)
            : Done($"{message} Not approved: {string.Join(" ", result.Skipped)}", isError: true);
    }

    private async Task<IActionResult> ActAsync(Func<string, Task> action, string success)
    {
        if (Reviewer is not { } reviewer)
        {
            return Done("Enter your name before reviewing: every change is recorded under it.", isError: true);
        }

        try
        {
            await action(reviewer);
            return Done(success);
        }
        catch (Exception ex) when (ex is ReviewRefusedException or InvalidTransitionException or ConcurrencyConflictException)
        {
            return Done(ex.Message, isError: true);
        }
    }

    private RedirectResult Done(string message, bool isError = false)
    {
        Flash = message;
        FlashIsError = isError;
        return Redirect($"/review/{Uri.EscapeDataString(Locale)}/{Uri.EscapeDataString(Slug)}");
    }
}
