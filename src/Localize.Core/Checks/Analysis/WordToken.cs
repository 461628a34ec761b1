namespace Localize.Core.Checks.Analysis;

/// <summary>A word of plain text, lower-cased, with where it is.</summary>
public readonly record struct WordToken(string Lower, int Start, int End);

public static class WordTokenizer
{
    /// <summary>Letter runs, keeping apostrophes inside a word ("don't", "don’t") and digits after letters ("B12").</summary>
    public static IReadOnlyList<WordToken> Tokenize(string text)
    {
        var words = new List<WordToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length
                && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark
                    || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            words.Add(new WordToken(text[start..i].ToLowerInvariant(), start, i));
        }

        return words;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’';

    /// <summary>True when only spaces or hyphens separate two positions: the words belong to one phrase.</summary>
    public static bool OnlySpaceBetween(string text, int end, int start)
    {
        for (var i = end; i < start; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not '-' and not '‐')
            {
                return false;
            }
        }

        return true;
    }
}
