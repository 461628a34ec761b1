using Localize.Core.Glossaries;

namespace Localize.Core.Checks;

/// <summary>
/// <c>untranslated</c>: the target is the source again, or is still mostly in the source language. "Mostly" is judged
/// by the source language's function words that the target language does not share ("the", "with", "your"): a
/// quarter of the target's words is far beyond what a name or a quoted title leaves behind. One-word segments and
/// segments without words (a dose, a name) may legitimately stay the same and are not reported, nor are segments
/// made only of do-not-translate terms ("MyChart", "Apple Watch").
/// </summary>
public sealed class UntranslatedCheck : IQualityCheck
{
    private const double ForeignShare = 0.25;
    private const int MinimumForeignWords = 2;

    public string Id => "untranslated";

    public Severity Severity => Severity.Error;

    public string Description => "The target is not left in the source language.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var source = context.Source;
        var target = context.Target;
        if (string.IsNullOrWhiteSpace(target.PlainText) && !string.IsNullOrWhiteSpace(source.PlainText))
        {
            // Nothing (or only white space, or only codes) where the source has text: nothing was translated.
            yield return "the target is empty: nothing was translated";
            yield break;
        }

        if (source.Pack.Language == target.Pack.Language || source.Words.Count < 2)
        {
            yield break;
        }

        if (string.Equals(source.PlainText.Trim(), target.PlainText.Trim(), StringComparison.OrdinalIgnoreCase)
            && !OnlyNames(source, context.Glossary))
        {
            yield return "the target is the source, untranslated";
            yield break;
        }

        var sourceWords = source.Pack.FunctionWords;
        var targetWords = target.Pack.FunctionWords;
        var foreign = target.Words.Where(w => sourceWords.Contains(w.Lower) && !targetWords.Contains(w.Lower)).ToList();
        if (foreign.Count >= MinimumForeignWords && foreign.Count >= ForeignShare * target.Words.Count)
        {
            var examples = string.Join(", ", foreign.Select(w => w.Lower).Distinct().Take(5));
            yield return $"the target is still mostly {source.Pack.Language}: {foreign.Count} of its {target.Words.Count} words are {source.Pack.Language} ({examples})";
        }
    }

    private static bool OnlyNames(Analysis.TextSide source, Glossary? glossary)
    {
        if (glossary is null || glossary.DoNotTranslate.Count == 0)
        {
            return false;
        }

        var rest = source.PlainText;
        foreach (var entry in glossary.DoNotTranslate)
        {
            rest = rest.Replace(entry.Source, " ", StringComparison.Ordinal);
        }

        return Analysis.WordTokenizer.Tokenize(rest).Count < 2;
    }
}
