using Localize.Core.Checks.Analysis;
using Localize.Core.Glossaries;
using Localize.Core.Memory;
using Localize.Core.Pipelines;
using Localize.Core.Segments;
using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>
/// What a reviewer can do to a segment — approve, edit, reject — with the rules the server enforces whatever the UI
/// shows: only a reviewer of the segment's locale approves or rejects (a reviewer or editor of it edits), whoever
/// edited a target cannot approve it (four-eyes), an error finding blocks approval, an edit must keep the source's
/// inline codes, a save based on a stale version is refused, and the pipeline's review rule decides how many
/// approvals count.
/// A segment that becomes approved goes into translation memory with its neighbours and article, so the next
/// article (or the next version of this one) reuses it.
/// </summary>
public sealed class ReviewService(
    IWorkflowStore store,
    IPipelineCatalog pipelines,
    ISegmentChecker checker,
    IReviewRecordStore records,
    ITranslationMemory memory,
    IGlossaryStore glossaries,
    IMorphologicalAnalyser analyser,
    TimeProvider clock)
{
    /// <summary>
    /// Approves a target. Error findings block it, unless the reviewer gives a written reason, which the change record
    /// keeps (the audit trail); broken inline codes block it whatever the reason.
    /// </summary>
    public async Task ApproveAsync(long translationId, ReviewActor reviewer, int? expectedVersion, string? overrideReason, CancellationToken cancellationToken)
    {
        var (item, translation) = await LoadAsync(translationId, expectedVersion, reviewer, reviewer.CanApprove, "approve", cancellationToken);
        var blocking = item.Notes.Where(n => n.Severity == NoteSeverity.Error).ToArray();
        var where = $"segment {item.Ordinal + 1} of {item.Slug} ({item.Locale})";
        if (item.HoldsPseudoOutput)
        {
            // No reason overrides this: pseudo text is not a translation, whatever a reviewer writes.
            throw new ReviewRefusedException(Translation.PseudoOutput.Refusal(where));
        }

                if (blocking.Any(n => !n.Origin.MayBeOverridden))
        {
            throw new ReviewRefusedException(
                $"{where} has broken inline codes, which no override can approve; edit the target first: "
                + string.Join("; ", blocking.Where(n => !n.Origin.MayBeOverridden).Select(n => n.Message)));
        }

        if (blocking.Length > 0 && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new ReviewRefusedException(
                $"{where} has error findings; fix the target, or approve anyway with a reason (it is recorded): "
                + string.Join("; ", blocking.Select(n => $"{n.Origin.Name}: {n.Message}")));
        }

        var change = translation.Approve(reviewer.Name, RequiredApprovals(item), clock.GetUtcNow());
        if (blocking.Length > 0)
        {
            var checks = string.Join(", ", blocking.Select(n => n.Origin.Name).Distinct());
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
                    CreatedBy = reviewer.Name,
                    ChangedAt = change.At,
                },
                cancellationToken);
        }
    }

    /// <param name="issue">The MQM error the edit corrects, if the editor names one (the web form requires it).</param>
    public async Task EditAsync(long translationId, ReviewActor editor, string newTarget, int? expectedVersion, MqmIssue? issue, CancellationToken cancellationToken)
    {
        var (item, translation) = await LoadAsync(translationId, expectedVersion, editor, editor.CanEdit, "edit", cancellationToken);
        var problems = InlineMarkup.CompareCodes(item.Source, newTarget);
        if (problems.Count > 0)
        {
            throw new ReviewRefusedException($"the edited target breaks the inline codes: {string.Join("; ", problems)}");
        }

        var change = translation.Edit(editor.Name, newTarget, clock.GetUtcNow());
        change = issue is null ? change : change with { Detail = $"{change.Detail} ({issue})" };
        await store.SaveTranslationAsync(translation, [change], cancellationToken);
        if (issue is not null)
        {
            await records.RecordMqmIssueAsync(translationId, item.Slug, item.Locale, issue, editor.Name, change.At, cancellationToken);
        }

        var glossary = await glossaries.LoadAsync(SourceLanguage(item), item.Locale, cancellationToken);
        var notes = await checker.CheckAsync(SourceLanguage(item), item.Locale, [(item.Source, newTarget)], glossary, analyser, cancellationToken);
        await store.SaveNotesAsync(translationId, notes[0], cancellationToken);
    }

    public async Task RejectAsync(long translationId, ReviewActor reviewer, string reason, int? expectedVersion, MqmIssue? issue, CancellationToken cancellationToken)
    {
        var (item, translation) = await LoadAsync(translationId, expectedVersion, reviewer, reviewer.CanApprove, "reject", cancellationToken);
        var change = translation.Reject(reviewer.Name, reason, clock.GetUtcNow());
        change = issue is null ? change : change with { Detail = $"{change.Detail} ({issue})" };
        await store.SaveTranslationAsync(translation, [change], cancellationToken);
        if (issue is not null)
        {
            await records.RecordMqmIssueAsync(translationId, item.Slug, item.Locale, issue, reviewer.Name, change.At, cancellationToken);
        }
    }

    /// <summary>Approves every segment of an article × locale that is in review and free of error findings.</summary>
    /// <returns>How many were approved and which were left, with why.</returns>
    public async Task<BulkApproval> ApproveAllAsync(string slug, string locale, ReviewActor reviewer, CancellationToken cancellationToken)
    {
        if (!reviewer.CanApprove(locale))
        {
            throw Forbidden(reviewer, "approve", locale);
        }

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

    private async Task<(ReviewItem Item, SegmentTranslation Translation)> LoadAsync(
        long translationId, int? expectedVersion, ReviewActor actor, Func<string, bool> allowed, string action, CancellationToken cancellationToken)
    {
        var item = await store.FindReviewItemAsync(translationId, cancellationToken)
            ?? throw new ReviewRefusedException($"there is no segment translation {translationId}");
        if (!allowed(item.Locale))
        {
            throw Forbidden(actor, action, item.Locale);
        }

        var translation = await store.GetTranslationAsync(translationId, cancellationToken)
            ?? throw new ReviewRefusedException($"there is no segment translation {translationId}");
        if (expectedVersion is { } expected && expected != translation.Version)
        {
            throw new ConcurrencyConflictException(
                $"segment {item.Ordinal + 1} of {item.Slug} ({item.Locale}) was changed by someone else since you opened it; reload to see their version");
        }

        return (item, translation);
    }

    private static ReviewForbiddenException Forbidden(ReviewActor actor, string action, string locale) =>
        new($"{actor.Name} may not {action} {locale} targets: that needs {(action == "edit" ? "a reviewer or editor" : "a medical reviewer")} of {locale}");

    private int RequiredApprovals(ReviewItem item) => pipelines.Find(item.Pipeline)?.Review.Approvals ?? 1;

    private string SourceLanguage(ReviewItem item) => pipelines.Find(item.Pipeline)?.Source.Language ?? "en";
}

public sealed record BulkApproval(int Approved, IReadOnlyList<string> Skipped);

/// <summary>A review action the rules do not allow, with the reason to show the reviewer.</summary>
public sealed class ReviewRefusedException(string message) : InvalidOperationException(message);
