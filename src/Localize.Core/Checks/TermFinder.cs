using System.Text;
using Localize.Core.Checks.Analysis;

namespace Localize.Core.Checks;

/// <summary>
/// Finds glossary terms in text. A term matches whole words, each word in its own form or inflected: with a plural
/// ending of the language (Spanish pluralizes every word of a term: "efecto secundario" → "efectos secundarios"),
/// with the written accent a plural moves ("infusión" → "infusiones"), or, where a morphological analyser read the
/// text, by lemma (whatever the inflection).
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

    /// <summary>
    /// The term's words as consecutive lemmas of an analysed text ("infusiones" is infusión, "efectos secundarios" is
    /// efecto secundario); a word the analyser left unknown is compared by its surface form.
    /// </summary>
    public static bool ContainsLemmas(TextAnalysis analysis, string term)
    {
        var termWords = WordTokenizer.Tokenize(term);
        var words = analysis.Words;
        if (termWords.Count == 0)
        {
            return false;
        }

        for (var k = 0; k + termWords.Count <= words.Count; k++)
        {
            var matches = true;
            for (var t = 0; t < termWords.Count && matches; t++)
            {
                var word = words[k + t];
                matches = string.Equals(word.Lemma, termWords[t].Lower, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(word.Surface, termWords[t].Lower, StringComparison.OrdinalIgnoreCase);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Case-sensitive occurrence not inside a longer word: for names that must stay as written. A name of several words
    /// joined only by spaces and punctuation ("Suicide &amp; Crisis Lifeline") is also found when what joins them became
    /// an inline code or an entity on the way (the plain text then holds "Suicide   Crisis Lifeline").
    /// </summary>
    public static bool ContainsExactly(string text, string term) =>
        Occurrences(text, term, StringComparison.Ordinal).Any() || ContainsWordSequence(text, term);

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

    private static bool ContainsWordSequence(string text, string term)
    {
        var termWords = WordTokenizer.Tokenize(term);
        if (termWords.Count < 2 || !OnlySeparatorsBetween(term, termWords))
        {
            return false;
        }

        var first = term.AsSpan(termWords[0].Start, termWords[0].End - termWords[0].Start);
        if (!text.AsSpan().Contains(first, StringComparison.Ordinal))
        {
            return false;
        }

        var words = WordTokenizer.Tokenize(text);
        for (var k = 0; k + termWords.Count <= words.Count; k++)
        {
            var matches = true;
            for (var t = 0; t < termWords.Count && matches; t++)
            {
                matches = text.AsSpan(words[k + t].Start, words[k + t].End - words[k + t].Start)
                    .SequenceEqual(term.AsSpan(termWords[t].Start, termWords[t].End - termWords[t].Start));
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A digit or letter outside the term's words ("COVID-19", "C++ 20") is part of the name: no loose match then.</summary>
    private static bool OnlySeparatorsBetween(string term, IReadOnlyList<WordToken> termWords)
    {
        var from = 0;
        foreach (var word in termWords)
        {
            if (term.AsSpan(from, word.Start - from).ContainsAnyExcept(" &+-/,.·:;'’()\u00A0"))
            {
                return false;
            }

            from = word.End;
        }

        return !term.AsSpan(from).ContainsAnyExcept(" &+-/,.·:;'’()\u00A0");
    }

    private static bool Matches(string word, string termWord, IReadOnlyList<string> pluralSuffixes) =>
        word == termWord
        || pluralSuffixes.Any(s => word.Length == termWord.Length + s.Length && word.EndsWith(s, StringComparison.Ordinal)
            && (word.StartsWith(termWord, StringComparison.Ordinal) || SameWithoutStressAccents(word.AsSpan(0, termWord.Length), termWord)));

    /// <summary>
    /// Equal once acute and grave accents are set aside: a plural moves the stress mark ("infusión" → "infusiones",
    /// "joven" → "jóvenes"). Only those two marks: "año" and "ano" stay different words.
    /// </summary>
    private static bool SameWithoutStressAccents(ReadOnlySpan<char> word, string termWord)
    {
        var a = WithoutStressAccents(word.ToString());
        var b = WithoutStressAccents(termWord);
        return a == b;
    }

    private static string WithoutStressAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is not '\u0301' and not '\u0300')
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
