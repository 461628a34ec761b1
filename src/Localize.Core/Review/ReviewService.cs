using Humanizer;
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
    ITranslationStore translationStore,
    IReviewQueries reviewQueries,
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

        await translationStore.SaveTranslationAsync(translation, [change], cancellationToken);
        if (translation.State == SegmentState.Approved && translation.Target is { } target)
        {
            var neighbours = await translationStore.FindNeighboursAsync(translationId, cancellationToken);
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
        await translationStore.SaveTranslationAsync(translation, [change], cancellationToken);
        if (issue is not null)
        {
            await records.RecordMqmIssueAsync(translationId, item.Slug, item.Locale, issue, editor.Name, change.At, cancellationToken);
        }

        var glossary = await glossaries.LoadAsync(SourceLanguage(item), item.Locale, cancellationToken);
        var notes = await checker.CheckAsync(SourceLanguage(item), item.Locale, [(item.Source, newTarget)], glossary, analyser, cancellationToken);
        await translationStore.SaveNotesAsync(translationId, notes[0], cancellationToken);
    }

    public async Task RejectAsync(long translationId, ReviewActor reviewer, string reason, int? expectedVersion, MqmIssue? issue, CancellationToken cancellationToken)
    {
        var (item, translation) = await LoadAsync(translationId, expectedVersion, reviewer, reviewer.CanApprove, "reject", cancellationToken);
        var change = translation.Reject(reviewer.Name, reason, clock.GetUtcNow());
        change = issue is null ? change : change with { Detail = $"{change.Detail} ({issue})" };
        await translationStore.SaveTranslationAsync(translation, [change], cancellationToken);
        if (issue is not null)
        {
            await records.RecordMqmIssueAsync(translationId, item.Slug, item.Locale, issue, reviewer.Name, change.At, cancellationToken);
        }
    }

    /// <summary>
    /// What "approve all" would do to these segments for this reviewer, without doing it: the segments it approves (in
    /// review, free of error findings and pseudo text, not edited nor already approved by the reviewer, and neither a
    /// dose or number nor a prohibition), and the risky ones it leaves for one-by-one approval.
    /// </summary>
    public ApproveAllPlan PlanApproveAll(IReadOnlyList<ReviewItem> segments, ReviewActor reviewer)
    {
        var approve = new List<ReviewItem>();
        var held = new List<HeldSegment>();
        foreach (var item in segments.Where(s => s.State == SegmentState.InReview))
        {
            var risk = SegmentRisk.Of(item, pipelines);
            if (risk.NeedsOneByOne)
            {
                held.Add(new HeldSegment(item.TranslationId, item.Ordinal + 1, risk));
            }
            else if (!item.HasBlockingNotes && !item.HoldsPseudoOutput
                && !string.Equals(item.EditedBy, reviewer.Name, StringComparison.OrdinalIgnoreCase)
                && !item.Approvers.Contains(reviewer.Name, StringComparer.OrdinalIgnoreCase))
            {
                approve.Add(item);
            }
        }

        return new ApproveAllPlan(approve, held);
    }

    /// <summary>
    /// Approves every segment of an article × locale that <see cref="PlanApproveAll"/> says it may: never a segment with
    /// a dose or number or a prohibition, which a reviewer approves on its own.
    /// </summary>
    /// <returns>How many were approved, which were refused and why, and which were left for one-by-one approval.</returns>
    public async Task<BulkApproval> ApproveAllAsync(string slug, string locale, ReviewActor reviewer, CancellationToken cancellationToken)
    {
        if (!reviewer.CanApprove(locale))
        {
            throw Forbidden(reviewer, "approve", locale);
        }

        var segments = await reviewQueries.ListArticleSegmentsAsync(slug, locale, cancellationToken);
        var plan = PlanApproveAll(segments, reviewer);
        var approved = 0;
        var skipped = new List<string>();
        // The plan's other segments are tried too, so the reviewer reads why each was refused (errors, four-eyes, pseudo).
        var held = plan.Held.Select(h => h.TranslationId).ToHashSet();
        foreach (var item in segments.Where(s => s.State == SegmentState.InReview && !held.Contains(s.TranslationId)))
        {
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

        return new BulkApproval(approved, skipped, plan.Held);
    }

    private async Task<(ReviewItem Item, SegmentTranslation Translation)> LoadAsync(
        long translationId, int? expectedVersion, ReviewActor actor, Func<string, bool> allowed, string action, CancellationToken cancellationToken)
    {
        var item = await reviewQueries.FindReviewItemAsync(translationId, cancellationToken)
            ?? throw new ReviewRefusedException($"there is no segment translation {translationId}");
        if (!allowed(item.Locale))
        {
            throw Forbidden(actor, action, item.Locale);
        }

        var translation = await translationStore.GetTranslationAsync(translationId, cancellationToken)
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

    private string SourceLanguage(ReviewItem item) => pipelines.SourceLanguageOf(item.Pipeline);
}

/// <param name="Skipped">Segments approve-all tried and the rules refused, each with why.</param>
/// <param name="Held">Segments approve-all never approves (a dose or number, a prohibition): a reviewer approves each on its own.</param>
public sealed record BulkApproval(int Approved, IReadOnlyList<string> Skipped, IReadOnlyList<HeldSegment> Held)
{
    /// <summary>"3 segments with a dose or number and 1 with a prohibition are left for you to approve one by one"; null when none is.</summary>
    public string? HeldSummary => HeldSegment.Summary(Held);
}

/// <param name="Approve">The segments approve-all approves.</param>
/// <param name="Held">The segments it leaves for one-by-one approval because of their risk.</param>
public sealed record ApproveAllPlan(IReadOnlyList<ReviewItem> Approve, IReadOnlyList<HeldSegment> Held)
{
    public string? HeldSummary => HeldSegment.Summary(Held);
}

/// <summary>A segment left for one-by-one approval: its translation id, its number in the article, and its risk.</summary>
public sealed record HeldSegment(long TranslationId, int Number, SegmentRisk Risk)
{
    /// <summary>"3 segments with a dose or number and 1 with a prohibition are left for you to approve one by one"; null for none.</summary>
    public static string? Summary(IReadOnlyList<HeldSegment> held)
    {
        if (held.Count == 0)
        {
            return null;
        }

        var parts = held.GroupBy(h => h.Risk.Class)
            .OrderByDescending(g => g.Key)
            .Select((g, i) => $"{(i == 0 ? "segment".ToQuantity(g.Count()) : g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture))} with a {SegmentRisk.LabelOf(g.Key)}");
        return $"{string.Join(" and ", parts)} {(held.Count == 1 ? "is" : "are")} left for you to approve one by one";
    }
}

/// <summary>A review action the rules do not allow, with the reason to show the reviewer.</summary>
public sealed class ReviewRefusedException(string message) : InvalidOperationException(message);
