using Localize.Core.Checks.Analysis;

namespace Localize.Core.Checks;

/// <summary>
/// Finds glossary terms in text. A term matches whole words, each word optionally with a plural ending, because
/// Spanish pluralizes every word of a term ("efecto secundario" → "efectos secundarios").
/// </summary>
internal static class TermFinder
{
    public static bool ContainsWords(IReadOnlyList<WordToken> words, string term, IReadOnlyList<string> pluralSuffixes)
    {
        var termWords = WordTokenizer.Tokenize(term);
        if (termWords.Count == 0)
        {
            return false;
        }

        for (var k = 0; k + termWords.Count <= words.Count; k++)
        {
            var matches = true;
            for (var t = 0; t < termWords.Count && matches; t++)
            {
                matches = Matches(words[k + t].Lower, termWords[t].Lower, pluralSuffixes);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Exact, case-sensitive occurrence not inside a longer word: for names that must stay as written.</summary>
    public static bool ContainsExactly(string text, string term) => Occurrences(text, term, StringComparison.Ordinal).Any();

    /// <summary>Where <paramref name="term"/> occurs in <paramref name="text"/> as whole words (not inside a longer word).</summary>
    public static IEnumerable<int> Occurrences(string text, string term, StringComparison comparison)
    {
        if (term.Length == 0)
        {
            yield break;
        }

        var at = text.IndexOf(term, comparison);
        while (at >= 0)
        {
            if (IsBoundary(text, at - 1) && IsBoundary(text, at + term.Length))
            {
                yield return at;
            }

            at = text.IndexOf(term, at + 1, comparison);
        }
    }

    private static bool Matches(string word, string termWord, IReadOnlyList<string> pluralSuffixes) =>
        word == termWord
        || pluralSuffixes.Any(s => word.Length == termWord.Length + s.Length && word.StartsWith(termWord, StringComparison.Ordinal) && word.EndsWith(s, StringComparison.Ordinal));

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
