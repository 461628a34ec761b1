namespace Localize.Core.Readability;

/// <summary>
/// Counts syllables; each language pack names the rules it uses. Spanish follows the RAE rules for written syllables, which are regular: vowel
/// nuclei, where a weak vowel (i, u, ü, final y) joins a neighbour in a diphthong or triphthong and two strong vowels
/// (a, e, o, or an accented í/ú) fall in a hiatus; the u of que/qui/gue/gui is silent. English spelling is not
/// regular, so English uses the usual vowel-group heuristic (silent final e, -es, -ed), as readability tools
/// without a pronouncing dictionary do; it is right for most common words and off by one on some.
/// </summary>
public static class SyllableCounter
{
    /// <summary>
    /// Vowel groups: one syllable per run of the language's vowels. Exact for Russian (one vowel letter, one
    /// syllable) and close for German, Italian, Portuguese and French, whose formulas were fitted on hand counts.
    /// </summary>
    public static int VowelGroups(string word, string vowels, string silentEndings = "")
    {
        var w = Letters(word);
        foreach (var ending in silentEndings.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (w.Length > ending.Length + 2 && w.EndsWith(ending, StringComparison.Ordinal))
            {
                w = w[..^ending.Length];
                break;
            }
        }

        var groups = 0;
        var inGroup = false;
        foreach (var c in w)
        {
            var vowel = vowels.Contains(c, StringComparison.Ordinal);
            if (vowel && !inGroup)
            {
                groups++;
            }

            inGroup = vowel;
        }

        return Math.Max(w.Length > 0 ? 1 : 0, groups);
    }

    public static int English(string word)
    {
        var w = Letters(word);
        if (w.Length == 0)
        {
            return 0;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        if (w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) && !(w.EndsWith("le", StringComparison.Ordinal) && !IsEnglishVowel(w[^3])))
        {
            w = w[..^1];
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && !EndsWithAny(w[..^2], "s", "x", "z", "ch", "sh", "c", "g"))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !EndsWithAny(w[..^2], "t", "d"))
        {
            w = w[..^2];
        }

        var groups = 0;
        var inGroup = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsEnglishVowel(w[i]) && !(i == 0 && w[i] == 'y');
            if (vowel && !inGroup)
            {
                groups++;
            }

            inGroup = vowel;
        }

        return Math.Max(1, groups);
    }

    public static int Spanish(string word)
    {
        var w = Letters(word).Replace("que", "qe", StringComparison.Ordinal).Replace("qui", "qi", StringComparison.Ordinal)
            .Replace("gue", "ge", StringComparison.Ordinal).Replace("gui", "gi", StringComparison.Ordinal)
            .Replace("gué", "gé", StringComparison.Ordinal).Replace("guí", "gí", StringComparison.Ordinal);
        var nuclei = 0;
        var previous = VowelKind.None;
        for (var i = 0; i < w.Length; i++)
        {
            var kind = SpanishVowel(w, i);
            if (kind == VowelKind.None)
            {
                previous = VowelKind.None;
                continue;
            }

            // A new nucleus starts after a consonant, or between two strong vowels (hiatus).
            if (previous == VowelKind.None || (previous == VowelKind.Strong && kind == VowelKind.Strong))
            {
                nuclei++;
            }

            previous = kind;
        }

        return Math.Max(w.Length > 0 ? 1 : 0, nuclei);
    }

    private enum VowelKind
    {
        None,
        Weak,
        Strong,
    }

    private static VowelKind SpanishVowel(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'o' or 'á' or 'é' or 'ó' or 'í' or 'ú' => VowelKind.Strong,
        'i' or 'u' or 'ü' => VowelKind.Weak,
        // "y" is a vowel alone ("y") or closing a word after a vowel ("hoy", "buey", "Uruguay").
        'y' when w.Length == 1 || (i == w.Length - 1 && i > 0 && SpanishVowel(w, i - 1) != VowelKind.None) => VowelKind.Weak,
        _ => VowelKind.None,
    };

    private static bool IsEnglishVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool EndsWithAny(string w, params string[] endings) => endings.Any(e => w.EndsWith(e, StringComparison.Ordinal));

    private static string Letters(string word) => new([.. word.ToLowerInvariant().Where(char.IsLetter)]);
}
