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
    /// <param name="targetAnalysis">The target as the locale's morphological analyser read it, when one is installed.</param>
    IEnumerable<SegmentNote> Check(string sourceLanguage, string locale, string source, string target, Glossary glossary, Checks.Analysis.TextAnalysis? targetAnalysis = null);
}
