namespace Localize.Core.Translation;

/// <summary>
/// Machine translation as the pipeline sees it: one call per engine with many segments and target locales.
/// Implementations batch to the engine's limits, protect and verify inline codes, cache and meter.
/// A segment that cannot be translated comes back with an <see cref="MachineTranslationResult.Error"/> and no text:
/// it stays untranslated and is tried again on a later run.
/// </summary>
public interface IMachineTranslator
{
    /// <summary>The engine ids this translator knows (whether or not each can run here).</summary>
    IReadOnlyCollection<string> Engines { get; }

    Task<IReadOnlyList<MachineTranslationResult>> TranslateAsync(MachineTranslationRequest request, CancellationToken cancellationToken);

    /// <summary>Whether the engine can run here (Apertium installed, Azure key configured …), and why not.</summary>
    EngineAvailability CheckAvailability(string engineId);

    /// <summary>Why the engine cannot translate from <paramref name="sourceLanguage"/> into <paramref name="targetLocale"/> (no installed pair …); null when it can.</summary>
    string? CheckPair(string engineId, string sourceLanguage, string targetLocale);
}

public sealed record MachineTranslationRequest(
    string EngineId,
    string SourceLanguage,
    IReadOnlyList<string> TargetLocales,
    IReadOnlyList<SegmentToTranslate> Segments)
{
    /// <summary>
    /// Glossary terms the engine must leave as they are (brand and drug names …), protected like inline codes.
    /// Added to the translator's own configured list.
    /// </summary>
    public IReadOnlyList<string> DoNotTranslate { get; init; } = [];

    /// <summary>
    /// Preferred glossary translations the engine must use for every target locale of the request ("ketamine" →
    /// "ketamina"): each whole-word occurrence in a segment is placed by the engine's own means where it has one, and
    /// the result names the terms it enforced. The pipeline sends one locale per request, as glossaries are per pair.
    /// </summary>
    public IReadOnlyList<TermTranslation> Terms { get; init; } = [];
}

/// <summary>A glossary term and the translation the engine must give it.</summary>
public sealed record TermTranslation(string Source, string Target)
{
    public override string ToString() => $"{Source} → {Target}";
}

/// <param name="SegmentId">The caller's key; results name it so nothing is matched by position.</param>
/// <param name="Document">The article (slug) the segment belongs to, for metering.</param>
/// <param name="Text">Source in <see cref="Segments.InlineMarkup"/> form.</param>
public sealed record SegmentToTranslate(long SegmentId, string Document, string Text);

/// <param name="Text">Target in inline-markup form, codes verified; null when the segment failed.</param>
/// <param name="Flags">Things a reviewer should see (unknown words, pseudo output …).</param>
public sealed record MachineTranslationResult(
    long SegmentId,
    string Locale,
    string EngineId,
    string? Text,
    IReadOnlyList<string> Flags,
    string? Error)
{
    /// <summary>Glossary terms the engine was made to use in <see cref="Text"/>, as the source wrote them.</summary>
    public IReadOnlyList<TermTranslation> EnforcedTerms { get; init; } = [];
}

public sealed record EngineAvailability(string EngineId, bool IsAvailable, bool IsPseudo, string? Reason);

/// <summary>Flags every engine result may carry, named once for the engines and the pipeline.</summary>
public static class MachineTranslationFlags
{
    /// <summary>Pseudo-localised output: never a translation.</summary>
    public const string Pseudo = "pseudo";

    /// <summary>The engine lost, duplicated or invented inline codes: retrying would buy the same output.</summary>
    public const string BrokenCodes = "inline-codes-broken";
}
