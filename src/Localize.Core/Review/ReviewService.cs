using Localize.Core.Glossaries;
using Localize.Core.Memory;
using Localize.Core.Pipelines;
using Localize.Core.Segments;
using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>
/// What a reviewer can do to a segment — approve, edit, reject — with the rules the server enforces whatever the UI
/// shows: an error finding blocks approval, an edit must keep the source's inline codes, a save based on a stale
/// version is refused, and the pipeline's review rule decides how many approvals count.
/// A segment that becomes approved goes into translation memory with its neighbours and article, so the next
/// article (or the next version of this one) reuses it.
/// </summary>
public sealed class ReviewService(
    IWorkflowStore store, IPipelineCatalog pipelines, ISegmentChecker checker, ITranslationMemory memory, IGlossaryStore glossaries, TimeProvider clock)
{
    /// <summary>Notes that no reason can override: a target with broken inline codes cannot be merged into the article.</summary>
    private static readonly HashSet<string> Unoverridable = ["check:markup", "merge"];

    /// <summary>
    /// Approves a target. Error findings block it, unless the reviewer gives a written reason, which the change record
    /// keeps (the audit trail); broken inline codes block it whatever the reason.
    /// </summary>
    public async Task ApproveAsync(long translationId, string reviewer, int? expectedVersion, string? overrideReason, CancellationToken cancellationToken)
    {
        var (item, translation) = await LoadAsync(translationId, expectedVersion, cancellationToken);
        var blocking = item.Notes.Where(n => n.Severity == NoteSeverity.Error).ToArray();
        var where = $"segment {item.Ordinal + 1} of {item.Slug} ({item.Locale})";
        if (blocking.Any(n => Unoverridable.Contains(n.Origin)))
        {
            throw new ReviewRefusedException(
                $"{where} has broken inline codes, which no override can approve; edit the target first: "
                + string.Join("; ", blocking.Where(n => Unoverridable.Contains(n.Origin)).Select(n => n.Message)));
        }

        if (blocking.Length > 0 && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new ReviewRefusedException(
                $"{where} has error findings; fix the target, or approve anyway with a reason (it is recorded): "
                + string.Join("; ", blocking.Select(n => $"{n.Origin.Replace("check:", string.Empty)}: {n.Message}")));
        }

        var change = translation.Approve(reviewer, RequiredApprovals(item), clock.GetUtcNow());
        if (blocking.Length > 0)
        {
            var checks = string.Join(", ", blocking.Select(n => n.Origin.Replace("check:", string.Empty)).Distinct());
            change = change with { Detail = $"{change.Detail}, overriding {checks}: {overrideReason!.Trim()}" };
        }

        await store.SaveTranslationAsync(translation, [change], cancellationToken);
        if (translation.State == SegmentState.Approved && translation.Target is { } target)
        {
            var neighbours = await store.FindNeighboursAsync(translationId, cancellationToken);
            await memory.AddAsync(
                new MemoryUnit(SourceLanguage(item), item.Locale, item.Source, target)
                {
                    PreviousSource = neighbours.PreviousSource,
                    NextSource = neighbours.NextSource,
                    Document = item.Slug,
                    Origin = "review",
                    CreatedBy = reviewer,
                    ChangedAt = change.At,
                },
                cancellationToken);
        }
    }

    public async Task EditAsync(long translationId, string editor, string newTarget, int? expectedVersion, CancellationToken cancellationToken)
    {
        var (item, translation) = await LoadAsync(translationId, expectedVersion, cancellationToken);
        var problems = InlineMarkup.CompareCodes(item.Source, newTarget);
        if (problems.Count > 0)
        {
            throw new ReviewRefusedException($"the edited target breaks the inline codes: {string.Join("; ", problems)}");
        }

        var change = translation.Edit(editor, newTarget, clock.GetUtcNow());
        await store.SaveTranslationAsync(translation, [change], cancellationToken);
        var glossary = await glossaries.LoadAsync(SourceLanguage(item), item.Locale, cancellationToken);
        await store.SaveNotesAsync(translationId, [.. checker.Check(SourceLanguage(item), item.Locale, item.Source, newTarget, glossary)], cancellationToken);
    }

    public async Task RejectAsync(long translationId, string reviewer, string reason, int? expectedVersion, CancellationToken cancellationToken)
    {
        var (_, translation) = await LoadAsync(translationId, expectedVersion, cancellationToken);
        var change = translation.Reject(reviewer, reason, clock.GetUtcNow());
        await store.SaveTranslationAsync(translation, [change], cancellationToken);
    }

    /// <summary>Approves every segment of an article × locale that is in review and free of error findings.</summary>
    /// <returns>How many were approved and which were left, with why.</returns>
    public async Task<BulkApproval> ApproveAllAsync(string slug, string locale, string reviewer, CancellationToken cancellationToken)
    {
        var approved = 0;
        var skipped = new List<string>();
        foreach (var item in await store.ListArticleSegmentsAsync(slug, locale, cancellationToken))
        {
            if (item.State != SegmentState.InReview)
            {
                continue;
            }

            try
            {
                await ApproveAsync(item.TranslationId, reviewer, item.Version, overrideReason: null, cancellationToken);
                approved++;
            }
            catch (Exception ex) when (ex is ReviewRefusedException or InvalidTransitionException or ConcurrencyConflictException)
            {
                skipped.Add($"segment {item.Ordinal + 1}: {ex.Message}");
            }
        }

        return new BulkApproval(approved, skipped);
    }

    private async Task<(ReviewItem Item, SegmentTranslation Translation)> LoadAsync(long translationId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var item = await store.FindReviewItemAsync(translationId, cancellationToken)
            ?? throw new ReviewRefusedException($"there is no segment translation {translationId}");
        var translation = await store.GetTranslationAsync(translationId, cancellationToken)
            ?? throw new ReviewRefusedException($"there is no segment translation {translationId}");
        if (expectedVersion is { } expected && expected != translation.Version)
        {
            throw new ConcurrencyConflictException(
                $"segment {item.Ordinal + 1} of {item.Slug} ({item.Locale}) was changed by someone else since you opened it; reload to see their version");
        }

        return (item, translation);
    }

    private int RequiredApprovals(ReviewItem item) => pipelines.Find(item.Pipeline)?.Review.Approvals ?? 1;

    private string SourceLanguage(ReviewItem item) => pipelines.Find(item.Pipeline)?.Source.Language ?? "en";
}

public sealed record BulkApproval(int Approved, IReadOnlyList<string> Skipped);

/// <summary>A review action the rules do not allow, with the reason to show the reviewer.</summary>
public sealed class ReviewRefusedException(string message) : InvalidOperationException(message);
