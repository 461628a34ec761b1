namespace Localize.Core.Translation;

/// <summary>
/// Pseudo-localised text is never medicine: in a real locale (es, fr …) a target that is still the pseudo engine's
/// output can be neither approved, signed nor published, and is re-translated once the locale's engine can run. In a
/// pseudo locale (<c>qps-ploc</c>) the same text is the point — it is for demos and layout testing — and passes.
/// </summary>
public static class PseudoOutput
{
    /// <summary>The pseudo engine's id, which the pipeline also falls back to when a locale's engine cannot run.</summary>
    public const string EngineId = "pseudo";

    /// <summary>Pseudo locales (<c>qps-ploc</c>, <c>qps-plocm</c> …) are not languages: pseudo text is their translation.</summary>
    public static bool IsPseudoLocale(string locale) => locale.StartsWith("qps-", StringComparison.OrdinalIgnoreCase);

    /// <summary>Text in <see cref="PseudoLocalizer"/>'s brackets, however it got there (an engine, an edit, an XLIFF import).</summary>
    public static bool LooksPseudo(string? text) =>
        text is not null
        && text.TrimStart().StartsWith("[!! ", StringComparison.Ordinal)
        && text.TrimEnd().EndsWith(" !!]", StringComparison.Ordinal);

    /// <summary>
    /// Whether a target in <paramref name="locale"/> is pseudo output rather than a translation: the pseudo engine's
    /// unedited output, or text that still carries the pseudo brackets after an edit.
    /// </summary>
    public static bool IsHeldBy(string locale, string? engineId, string? target, string? editedBy) =>
        !IsPseudoLocale(locale)
        && target is not null
        && ((editedBy is null && string.Equals(engineId, EngineId, StringComparison.OrdinalIgnoreCase)) || LooksPseudo(target));

    /// <summary>The reason given wherever pseudo output is refused.</summary>
    public static string Refusal(string where) =>
        $"{where} holds pseudo-localised text, which is not a translation: it cannot be approved, signed or published. "
        + "It is re-translated when the locale's engine is available (or now: localize translate --retranslate --engine pseudo); or write the translation by hand";
}
