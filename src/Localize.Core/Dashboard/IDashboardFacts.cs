using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Dashboard;

/// <summary>
/// The figures the manager dashboard adds to the workflow and review stores: tallies that would cost a round trip per
/// article if read through them. Read-only; the embedded default queries the same SQLite file.
/// </summary>
public interface IDashboardFacts
{
    /// <param name="since">The first UTC day of the daily and monthly series (usage, approvals).</param>
    Task<DashboardFacts> ReadAsync(DateOnly since, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IDashboardFacts.ReadAsync"/> returns, as stored; <see cref="DashboardReport"/> makes figures of it.</summary>
public sealed record DashboardFacts(
    IReadOnlyList<SegmentTally> Segments,
    IReadOnlyList<ArticleSource> Articles,
    IReadOnlyList<UsageDay> Usage,
    IReadOnlyList<ApprovalDay> Approvals,
    IReadOnlyList<MqmIssueFact> MqmIssues,
    IReadOnlyList<FindingTally> Findings,
    IReadOnlyList<ArticleSignature> LatestSignatures);

/// <summary>Current translations of one article × locale in one state, made by one engine (null: none yet, or by hand/memory).</summary>
public sealed record SegmentTally(string Slug, string Locale, SegmentState State, string? EngineId, int Segments, int Words);

public sealed record ArticleSource(string Slug, string SourceHash);

/// <summary>Metered machine-translation characters of one UTC day, engine and locale (all articles).</summary>
public sealed record UsageDay(DateOnly Day, string EngineId, string Locale, long CharactersSent, long CharactersCharged, long Segments);

/// <summary>Segments a person (not the worker) moved into Approved on one UTC day in one locale, and their words.</summary>
public sealed record ApprovalDay(DateOnly Day, string Locale, int Segments, int Words);

/// <summary>An MQM issue with the engine of the translation it was found in (null when it was written by hand).</summary>
public sealed record MqmIssueFact(string Slug, string Locale, string? EngineId, string Category, MqmSeverity Severity);

/// <summary>Open findings (on translations not yet approved) of one origin (<c>check:numbers</c>, <c>engine:apertium</c> …) in one locale.</summary>
public sealed record FindingTally(string Locale, NoteOrigin Origin, NoteSeverity Severity, int Count);
