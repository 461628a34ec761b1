using Localize.Core.Documents;
namespace Localize.Core.Workflow;

/// <summary>
/// Durable state of the workflow: articles and their segments, each segment's translation per locale with its
/// change records, source errors, and publications. The embedded default is a SQLite file.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Creates or upgrades the schema (idempotent).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The stored version of an article, or null if it was never stored.</summary>
    Task<StoredArticle?> FindArticleAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new version of an article in one transaction: applies the alignment with the stored version (unchanged
    /// segments keep their translations, changed ones become outdated, added ones are new, removed ones retire) and
    /// makes sure every segment has a translation row for every locale. The format that read the version is stored
    /// with the article, and says how its segments are matched with the stored ones.
    /// </summary>
    Task<SyncSummary> SaveArticleAsync(ArticleVersion version, IDocumentFormat format, string pipeline, IReadOnlyList<string> locales, string actor, CancellationToken cancellationToken);

    Task RecordSourceErrorAsync(SourceError error, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the errors of files under <paramref name="folder"/> that are now fine or gone; the paths in
    /// <paramref name="stillFailing"/> keep theirs.
    /// </summary>
    Task ClearSourceErrorsAsync(string folder, IReadOnlyCollection<string> stillFailing, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceError>> ListSourceErrorsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> translations waiting for a machine (new or outdated) in one locale, oldest
    /// first, for this worker: they are leased to it, so another worker sharing the database does not take them until
    /// the lease runs out (the worker died) or a saved transition ends it. Claims by this worker are returned again.
    /// </summary>
    Task<IReadOnlyList<PendingSegment>> ClaimPendingMachineTranslationAsync(string locale, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back this worker's unfinished claims (when it stops), so that another worker, or this one restarted, need
    /// not wait for them to expire. A worker that is killed cannot, and its claims expire instead.
    /// </summary>
    Task ReleaseClaimsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The translations waiting for a machine that another worker has claimed and whose lease has not yet run out (a
    /// worker busy with them, or one that died holding them), and when the last of those leases ends.
    /// </summary>
    Task<LeasedWork> FindLeasedByOthersAsync(CancellationToken cancellationToken);

    Task<SegmentTranslation?> GetTranslationAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>The sources of the segments before and after a translation's segment in its article (null at the ends), for translation memory's context.</summary>
    Task<SegmentNeighbours> FindNeighboursAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>One translation with its source and notes, as the review page shows it.</summary>
    Task<ReviewItem?> FindReviewItemAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a translation after a transition together with its change records. Refused with
    /// <see cref="ConcurrencyConflictException"/> when someone saved it since it was read.
    /// </summary>
    Task SaveTranslationAsync(SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken);

    /// <summary>Stores findings/flags for a translation (from engines and checks), replacing the previous ones.</summary>
    Task SaveNotesAsync(long translationId, IReadOnlyList<SegmentNote> notes, CancellationToken cancellationToken);

    /// <summary>Segments in review, oldest first, optionally for one locale and/or article.</summary>
    Task<IReadOnlyList<ReviewItem>> ListReviewQueueAsync(string? locale, string? slug, CancellationToken cancellationToken);

    /// <summary>Segments in one state, oldest first, optionally for one locale and/or article (the queue's state filter).</summary>
    Task<IReadOnlyList<ReviewItem>> ListInStateAsync(SegmentState state, string? locale, string? slug, CancellationToken cancellationToken);

    /// <summary>Every segment of an article in one locale, in document order, for the review page.</summary>
    Task<IReadOnlyList<ReviewItem>> ListArticleSegmentsAsync(string slug, string locale, CancellationToken cancellationToken);

    /// <summary>The article × locale matrix.</summary>
    Task<IReadOnlyList<ArticleLocaleStatus>> ListStatusAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ChangeRecord>> ListChangesAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>Every change record in order, with its hash-chain fields, for <see cref="AuditChain.Verify"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditTrailAsync(CancellationToken cancellationToken);

    /// <summary>Targets (in review or approved) whose back-translation is missing or was made from an older target.</summary>
    Task<IReadOnlyList<PendingSegment>> ListPendingBackTranslationAsync(string locale, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a back-translation, unless the target changed since <paramref name="ofTarget"/> was read.</summary>
    Task SaveBackTranslationAsync(long translationId, string ofTarget, string backTranslation, CancellationToken cancellationToken);

    Task<StoredReadability?> FindReadabilityAsync(string slug, string locale, CancellationToken cancellationToken);

    Task SaveReadabilityAsync(StoredReadability readability, CancellationToken cancellationToken);

    Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken);

    Task<Publication?> FindLatestPublicationAsync(string slug, string locale, CancellationToken cancellationToken);

    Task<IReadOnlyList<Publication>> ListLatestPublicationsAsync(CancellationToken cancellationToken);

    /// <summary>Every version of an article in one locale, oldest first.</summary>
    Task<IReadOnlyList<Publication>> ListPublicationsAsync(string slug, string locale, CancellationToken cancellationToken);

    /// <summary>
    /// A value that changes whenever what the public site shows may change (a publication, or a source edit that makes
    /// one outdated), so a reader cache can poll it cheaply, also for changes made by another process (the CLI).
    /// </summary>
    Task<string> ReadPublishedWatermarkAsync(CancellationToken cancellationToken);
}

/// <summary>An article as stored: its last accepted source and its segments in document order.</summary>
/// <param name="Format">The id of the <see cref="IDocumentFormat"/> that read it (<see cref="DocumentFormatRegistry.Get"/>).</param>
public sealed record StoredArticle(long Id, string Slug, string Pipeline, string Path, string Title, string SourceHash, string SourceText, IReadOnlyList<StoredSegment> Segments, string Format);

/// <summary>Segments another worker holds: how many, and until when at the latest (null when none).</summary>
public sealed record LeasedWork(int Segments, DateTimeOffset? Until);

public sealed record StoredSegment(long Id, int Ordinal, string UnitId, string Kind, string Source);

/// <summary>What a save did, for the log.</summary>
/// <param name="Changed">Segments whose meaning changed: back through translation and review.</param>
/// <param name="Cosmetic">Segments changed only cosmetically: approval kept, target updated mechanically.</param>
public sealed record SyncSummary(string Slug, bool IsNew, int Unchanged, int Changed, int Added, int Removed, int Cosmetic = 0);

public sealed record SegmentNeighbours(string? PreviousSource, string? NextSource);

/// <summary>A source file the worker could not use, and where the problem is.</summary>
public sealed record SourceError(string Path, string Message, int? Line, string? Field, DateTimeOffset SeenAt)
{
    public override string ToString() =>
        $"{Path}{(Line is { } line ? $":{line}" : string.Empty)}: {(Field is null ? string.Empty : $"field '{Field}': ")}{Message}";
}

public sealed record PendingSegment(long TranslationId, long SegmentId, string Slug, string Source)
{
    /// <summary>The source of the segment before it in the article; null for the first. For in-context memory matches.</summary>
    public string? PreviousSource { get; init; }

    public string? NextSource { get; init; }
}

/// <summary>One segment of one article in one locale, with what a reviewer needs beside it.</summary>
public sealed record ReviewItem(
    long TranslationId,
    string Slug,
    string Pipeline,
    string ArticleTitle,
    string Locale,
    int Ordinal,
    string UnitId,
    string Kind,
    string Source,
    string? Target,
    string? MachineTarget,
    string? EngineId,
    SegmentState State,
    int Version,
    IReadOnlyList<SegmentNote> Notes,
    IReadOnlyList<string> Approvers,
    DateTimeOffset UpdatedAt,
    string? BackTranslation = null,
    string? EditedBy = null)
{
    public bool HasBlockingNotes => Notes.Any(n => n.Severity == NoteSeverity.Error);

    /// <summary>The target is pseudo-localised text in a real locale: never approved, signed or published.</summary>
    public bool HoldsPseudoOutput => Translation.PseudoOutput.IsHeldBy(Locale, EngineId, Target, EditedBy);
}

/// <summary>The readability of an article in one locale (the source language for the source), and what it was computed from.</summary>
/// <param name="ComputedFor">Hash of the text scored, so it is recomputed only when the text changes.</param>
public sealed record StoredReadability(string Slug, string Locale, Readability.ReadabilityScore Score, string ComputedFor, DateTimeOffset ComputedAt);

/// <summary>One cell of the article × locale matrix.</summary>
public sealed record ArticleLocaleStatus(
    string Slug,
    string Pipeline,
    string Title,
    string Locale,
    int Segments,
    int Words,
    IReadOnlyDictionary<SegmentState, int> ByState,
    int? PublishedVersion,
    bool PublishedIsOutdated,
    DateTimeOffset UpdatedAt)
{
    public bool IsFullyApproved => Segments > 0 && ByState.GetValueOrDefault(SegmentState.Approved) == Segments;
}

/// <summary>A numbered published version of an article in one locale.</summary>
/// <param name="SourceHash">The source version it translates; differs from the article's when the source changed since.</param>
/// <param name="ReviewedBy">The reviewers who approved the segments of this content.</param>
/// <param name="ReviewedAt">When the last of those approvals was given.</param>
/// <param name="RestoredVersion">Set when this version is a rollback: the earlier version whose content it put back.</param>
/// <param name="Unpublished">This version took the article × locale offline; its hashes are those of what was online.</param>
public sealed record Publication(
    string Slug,
    string Locale,
    int Version,
    string ContentHash,
    string SourceHash,
    string Path,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string>? ReviewedBy = null,
    DateTimeOffset? ReviewedAt = null,
    int? RestoredVersion = null,
    bool Unpublished = false)
{
    public IReadOnlyList<string> Reviewers => ReviewedBy ?? [];
}

public sealed class ConcurrencyConflictException(string message) : InvalidOperationException(message);
