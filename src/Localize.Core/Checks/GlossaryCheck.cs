using Localize.Core.Checks.Analysis;
using Localize.Core.Glossaries;

namespace Localize.Core.Checks;

/// <summary>
/// <c>glossary</c>: where the source has a glossary term, the target uses its preferred translation (any of them,
/// when a term has several), in any inflected form: a plural ("infusiones" for infusión), or any form whose lemma is
/// the term's when the target was read by a morphological analyser; a forbidden translation in the target is an error
/// wherever and however inflected it appears. Needs: the glossary for the language pair; without one the check finds
/// nothing.
/// </summary>
public sealed class GlossaryCheck : IQualityCheck
{
    public string Id => "glossary";

    public Severity Severity => Severity.Error;

    public string Description => "Glossary terms use their preferred translation; forbidden translations never appear.";

    /// <summary>
    /// Lemmas are read only where words were not enough: a term of the source whose translation is not literally in the
    /// target, or a forbidden translation absent as written but whose first word's first letters start a target word
    /// (an inflected form shares them: "infusiones", "infundió").
    /// </summary>
    public bool NeedsTargetAnalysis(CheckContext context)
    {
        if (context.Glossary is not { } glossary)
        {
            return false;
        }

        var source = context.Source;
        var target = context.Target;
        return glossary.Preferred.GroupBy(e => e.Source, StringComparer.OrdinalIgnoreCase)
                .Any(term => TermFinder.ContainsWords(source.Words, term.Key, source.Pack.PluralSuffixes)
                    && !term.Any(e => TermFinder.ContainsWords(target.Words, e.Target, target.Pack.PluralSuffixes)))
            || glossary.Forbidden.Any(entry => !TermFinder.ContainsWords(target.Words, entry.Target, target.Pack.PluralSuffixes) && MayInflect(target, entry.Target));
    }

    private static bool MayInflect(TextSide target, string term)
    {
        var words = WordTokenizer.Tokenize(term);
        if (words.Count == 0)
        {
            return false;
        }

        var first = words[0].Lower;
        var stem = first[..Math.Min(3, first.Length)];
        return target.Words.Any(w => w.Lower.StartsWith(stem, StringComparison.Ordinal));
    }

    public IEnumerable<string> Check(CheckContext context)
    {
        if (context.Glossary is not { } glossary)
        {
            yield break;
        }

        var source = context.Source;
        foreach (var term in glossary.Preferred.GroupBy(e => e.Source, StringComparer.OrdinalIgnoreCase))
        {
            if (!TermFinder.ContainsWords(source.Words, term.Key, source.Pack.PluralSuffixes))
            {
                continue;
            }

            if (!term.Any(e => InTarget(context, e.Target)))
            {
                var expected = string.Join("\" or \"", term.Select(e => e.Target));
                yield return $"\"{term.Key}\" should be translated as \"{expected}\"";
            }
        }

        foreach (var entry in glossary.Forbidden)
        {
            if (InTarget(context, entry.Target))
            {
                var note = entry.Note.Length > 0 ? $" ({entry.Note})" : string.Empty;
                yield return $"\"{entry.Target}\" is a forbidden translation of \"{entry.Source}\"{note}";
            }
        }
    }

    private static bool InTarget(CheckContext context, string term) =>
        TermFinder.ContainsWords(context.Target.Words, term, context.Target.Pack.PluralSuffixes)
        || (context.Pair.TargetAnalysis is { } analysis && TermFinder.ContainsLemmas(analysis, term));
}
