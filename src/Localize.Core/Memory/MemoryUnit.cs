namespace Localize.Core.Memory;

/// <summary>
/// One human-approved translation in memory: a source and its target in one language pair (texts in the shared
/// inline-markup form), and where it came from. The neighbours and the document make in-context matches possible.
/// </summary>
public sealed record MemoryUnit(string SourceLanguage, string TargetLanguage, string Source, string Target)
{
    /// <summary>The source of the segment before it in its document; null at the start or when unknown.</summary>
    public string? PreviousSource { get; init; }

    public string? NextSource { get; init; }

    /// <summary>The article (slug) it was approved in; null for imported units without one.</summary>
    public string? Document { get; init; }

    /// <summary>What put it in memory: <c>review</c>, or <c>tmx:&lt;file&gt;</c> for an import.</summary>
    public string Origin { get; init; } = "review";

    /// <summary>The reviewer (or the TMX <c>creationid</c>).</summary>
    public string? CreatedBy { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }
}

/// <summary>What a segment being translated looks like to memory: its source, its neighbours, its document.</summary>
public sealed record MemoryQuery(string Source, string? PreviousSource, string? NextSource, string? Document);

public enum MemoryMatchKind
{
    /// <summary>Same source, same neighbours, same document: reused without re-review ("101 %").</summary>
    InContext,

    /// <summary>Same source: the target is prefilled and still reviewed (100 %).</summary>
    Exact,

    /// <summary>A similar source (≥ 75 %): shown to the reviewer with the differences highlighted.</summary>
    Fuzzy,
}

/// <param name="Score">101 in context, 100 exact, otherwise the similarity in whole percent (rounded down).</param>
/// <param name="DifferencesHtml">The memory's source against the query, word by word, HTML-escaped: <c>&lt;del&gt;</c> only in memory, <c>&lt;ins&gt;</c> only in the query.</param>
public sealed record MemoryMatch(long UnitId, MemoryMatchKind Kind, int Score, string Source, string Target, string Origin, string DifferencesHtml);
