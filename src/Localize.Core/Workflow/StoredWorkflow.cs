using Localize.Core.Documents;
namespace Localize.Core.Workflow;

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
