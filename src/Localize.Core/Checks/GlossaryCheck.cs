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
