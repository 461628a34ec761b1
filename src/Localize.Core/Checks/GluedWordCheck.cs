namespace Localize.Core.Checks;

/// <summary>
/// <c>glued-word</c> (error): a target word the language's morphological analyser does not know but reads as known
/// words run together — "perfildeseguridad" (perfil de seguridad), "cursode7" (curso de 7) — is machine output broken
/// in a way a reader stumbles over, and the source does not have it. Needs: <see cref="SegmentPair.TargetAnalysis"/>;
/// without an analyser nothing is reported.
/// </summary>
public sealed class GluedWordCheck : IQualityCheck
{
    public string Id => "glued-word";

    public Severity Severity => Severity.Error;

    public string Description => "No words run together (\"perfildeseguridad\"), as the target language's analyser reads them.";

    /// <summary>
    /// Words run together are long or mix letters and digits ("perfildeseguridad", "cursode7"); a target with no such
    /// word the source lacks is not analysed for this check.
    /// </summary>
    public bool NeedsTargetAnalysis(CheckContext context)
    {
        var sourceWords = context.Source.Words;
        return context.Target.Words.Any(w => MayBeGlued(w.Lower) && !sourceWords.Any(s => s.Lower == w.Lower));
    }

    private static bool MayBeGlued(string word) =>
        word.Length >= MinimumGluedLetters || (word.Length >= 5 && word.Any(char.IsDigit) && word.Any(char.IsLetter));

    /// <summary>
    /// Below this, letter runs are not analysed for glue: most Spanish words of 8–11 letters are ordinary words, and
    /// analysing every target for them costs more than all the other checks together (bench/README.md, issue 20). A
    /// short glue ("díadeuso") is missed; the ones Apertium produces join a multiword term and run longer.
    /// </summary>
    private const int MinimumGluedLetters = 12;

    public IEnumerable<string> Check(CheckContext context)
    {
        if (context.Pair.TargetAnalysis is not { } analysis)
        {
            yield break;
        }

        var sourceWords = context.Source.Words.Select(w => w.Lower).ToHashSet(StringComparer.Ordinal);
        foreach (var word in analysis.Words.Where(w => w.GluedParts is not null).DistinctBy(w => w.Surface))
        {
            if (!sourceWords.Contains(word.Surface.ToLowerInvariant()))
            {
                yield return $"\"{word.Surface}\" is not a word: it reads as \"{string.Join(' ', word.GluedParts!)}\" run together";
            }
        }
    }
}
