namespace Localize.Core.Checks;

/// <summary>
/// One source segment and its translation. <see cref="QualityChecker.Run"/> reads the texts in
/// <see cref="Segments.InlineMarkup"/> form; <see cref="QualityChecker.RunMarkdown"/> reads them as Markdown inline text.
/// </summary>
/// <param name="SourceLanguage">Language or locale of the source, e.g. "en".</param>
/// <param name="TargetLocale">Locale of the target, e.g. "es" or "es-MX"; number formats follow it.</param>
public sealed record SegmentPair(string SourceLanguage, string TargetLocale, string Source, string Target)
{
    /// <summary>
    /// The target's plain text as a morphological analyser read it, computed beforehand for a whole batch; null when no
    /// analyser is installed for the target language, and the checks fall back to word lists.
    /// </summary>
    public Analysis.TextAnalysis? TargetAnalysis { get; init; }
}

/// <summary>What one check found; the message is written for a medical reviewer.</summary>
public sealed record Finding(string CheckId, Severity Severity, string Message);

/// <summary>An error blocks approval unless a reviewer overrides it with a reason; a warning informs.</summary>
public enum Severity
{
    Warning,
    Error,
}
