namespace Localize.Core.Checks.Analysis;

/// <summary>
/// One word as a morphological analyser and tagger read it in context: its surface form, its lemma and its tags
/// (part of speech, mood, tense, person …, in the analyser's own tag names, which the language pack interprets).
/// </summary>
/// <param name="IsUnknown">The analyser does not know the word: a misspelling, a glued pair ("perfildeseguridad") or
/// a word the engine left in English.</param>
/// <param name="GluedParts">For an unknown word that the analyser reads as known words run together
/// ("perfildeseguridad" = perfil de seguridad, "cursode7" = curso de 7): those words; null otherwise.</param>
public sealed record AnalysedWord(string Surface, string Lemma, IReadOnlyList<string> Tags, bool IsUnknown, IReadOnlyList<string>? GluedParts = null)
{
    public bool Has(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}

/// <summary>A target text's words, analysed in order; what the language-aware checks read when an analyser is installed.</summary>
public sealed record TextAnalysis(IReadOnlyList<AnalysedWord> Words)
{
    /// <summary>Words the analyser does not know, in order, without repeats.</summary>
    public IReadOnlyList<string> UnknownWords => [.. Words.Where(w => w.IsUnknown).Select(w => w.Surface).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// A morphological analyser for some languages (Apertium's for Spanish). Checks never call it: the caller analyses a
/// whole batch of targets in one call, before checking, and hands each pair its <see cref="TextAnalysis"/> — so the
/// checks stay free of I/O and an analyser process starts once per batch, never once per segment.
/// </summary>
public interface IMorphologicalAnalyser
{
    /// <summary>Null when <paramref name="locale"/> can be analysed here; otherwise why not (not installed, no model for it).</summary>
    string? Unavailable(string locale);

    /// <summary>Analyses plain texts of one locale, one result per text in order; null for each when the locale cannot be analysed.</summary>
    Task<IReadOnlyList<TextAnalysis?>> AnalyseAsync(string locale, IReadOnlyList<string> plainTexts, CancellationToken cancellationToken);
}

/// <summary>No analyser installed: the checks fall back to the language pack's word lists, and say so.</summary>
public sealed class NoMorphologicalAnalyser : IMorphologicalAnalyser
{
    public static NoMorphologicalAnalyser Instance { get; } = new();

    public string? Unavailable(string locale) => "no morphological analyser is configured";

    public Task<IReadOnlyList<TextAnalysis?>> AnalyseAsync(string locale, IReadOnlyList<string> plainTexts, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TextAnalysis?>>(new TextAnalysis?[plainTexts.Count]);
}
