using Localize.Core.Glossaries;

namespace Localize.Core.Workflow;

/// <summary>
/// Something a reviewer must see beside a target: an engine's flag (unknown word, pseudo output) or a quality-check
/// finding. An error-severity note blocks approval.
/// </summary>
/// <param name="Origin">Who raised it: a check, an engine, memory or the merge.</param>
public sealed record SegmentNote(NoteOrigin Origin, NoteSeverity Severity, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Origin}: {Message}";
}

public enum NoteSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>Checks a target against its source before a reviewer sees it.</summary>
public interface ISegmentChecker
{
    /// <param name="glossary">The language pair's stored glossary (preferred, forbidden, do-not-translate terms).</param>
    IEnumerable<SegmentNote> Check(string sourceLanguage, string locale, string source, string target, Glossary glossary);

    /// <summary>
    /// Checks a batch of one language pair; the targets some check needs read by <paramref name="analyser"/> are analysed
    /// in one call, the others not at all. Notes in the pairs' order.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<SegmentNote>>> CheckAsync(
        string sourceLanguage, string locale, IReadOnlyList<(string Source, string Target)> pairs, Glossary glossary, Checks.Analysis.IMorphologicalAnalyser analyser, CancellationToken cancellationToken);
}
