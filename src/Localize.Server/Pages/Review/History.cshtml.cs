using Localize.Core.Memory;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Server.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>
/// One segment's history: every change record (who, when, what), and for each change of the words a word diff against
/// the text it replaced — the machine's translation first, then each person's edit; a change of the English source
/// shows the diff of old and new source. Whoever may see the locale's editor may read it.
/// </summary>
public sealed class HistoryModel(IReviewQueries reviewQueries, ISegmentHistoryStore history, ISegmentCommentStore comments) : PageModel
{
    [FromRoute]
    public string Locale { get; set; } = string.Empty;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public long Id { get; set; }

    public ReviewItem? Segment { get; private set; }

    public IReadOnlyList<HistoryLine> Lines { get; private set; } = [];

    public IReadOnlyList<SegmentComment> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.ToReviewActor().CanView(Locale))
        {
            return Forbid();
        }

        Segment = await reviewQueries.FindReviewItemAsync(Id, cancellationToken);
        if (Segment is null || Segment.Slug != Slug || !string.Equals(Segment.Locale, Locale, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        Lines = Describe(await history.ListHistoryAsync(Id, cancellationToken));
        Comments = [.. (await comments.ListForArticleAsync(Slug, Segment.Locale, cancellationToken)).Where(c => c.TranslationId == Id)];
        return Page();
    }

    /// <summary>Each change with the diffs of the words it changed against the version before it.</summary>
    public static IReadOnlyList<HistoryLine> Describe(IReadOnlyList<SegmentHistoryEntry> entries)
    {
        var lines = new List<HistoryLine>();
        SegmentText? before = null;
        foreach (var entry in entries)
        {
            string? targetDiff = null, sourceDiff = null;
            if (entry.Text is { } text)
            {
                targetDiff = before is null || before.Target != text.Target ? WordDiff.Html(before?.Target ?? string.Empty, text.Target ?? string.Empty) : null;
                sourceDiff = before is not null && before.Source != text.Source ? WordDiff.Html(before.Source, text.Source) : null;
                before = text;
            }

            lines.Add(new HistoryLine(entry.Change, entry.Text?.Target, targetDiff, sourceDiff));
        }

        // Newest first: the reviewer asks "who did this last" before "how did it start".
        lines.Reverse();
        return lines;
    }
}

/// <param name="TargetDiffHtml">The target against the one before it (escaped text, &lt;del&gt;/&lt;ins&gt; markup), when this change made it.</param>
/// <param name="SourceDiffHtml">The English source against the one before it, when it changed.</param>
public sealed record HistoryLine(ChangeRecord Change, string? Target, string? TargetDiffHtml, string? SourceDiffHtml);
