using Localize.Core.Glossaries;

namespace Localize.Core.Checks;

/// <summary>
/// <c>glossary</c>: where the source has a glossary term, the target uses its preferred translation (any of them,
/// when a term has several; plural endings allowed); a forbidden translation in the target is an error wherever it
/// appears. Needs: the glossary for the language pair; without one the check finds nothing.
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
        var target = context.Target;
        foreach (var term in glossary.Preferred.GroupBy(e => e.Source, StringComparer.OrdinalIgnoreCase))
        {
            if (!TermFinder.ContainsWords(source.Words, term.Key, source.Pack.PluralSuffixes))
            {
                continue;
            }

            if (!term.Any(e => TermFinder.ContainsWords(target.Words, e.Target, target.Pack.PluralSuffixes)))
            {
                var expected = string.Join("\" or \"", term.Select(e => e.Target));
                yield return $"\"{term.Key}\" should be translated as \"{expected}\"";
            }
        }

        foreach (var entry in glossary.Forbidden)
        {
            if (TermFinder.ContainsWords(target.Words, entry.Target, target.Pack.PluralSuffixes))
            {
                var note = entry.Note.Length > 0 ? $" ({entry.Note})" : string.Empty;
                yield return $"\"{entry.Target}\" is a forbidden translation of \"{entry.Source}\"{note}";
            }
        }
    }
}
