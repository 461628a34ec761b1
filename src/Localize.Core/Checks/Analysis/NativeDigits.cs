namespace Localize.Core.Checks.Analysis;

/// <summary>
/// Folds the digits and number signs other scripts write into ASCII, one character for one so positions stay:
/// Arabic-Indic ٠-٩ and Persian ۰-۹ digits, the Arabic decimal and group separators ٫ ٬ and percent sign ٪, and the
/// full-width forms of Chinese and Japanese text (０-９, ％, ｍｇ). Numbers and units are then read in one way.
/// </summary>
public static class NativeDigits
{
    /// <summary>The text with native digits folded; the same string when it has none.</summary>
    public static string Fold(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\u0660', '\uFFEF');
        if (first < 0)
        {
            return text;
        }

        char[]? folded = null;
        for (var i = first; i < text.Length; i++)
        {
            var c = Map(text[i]);
            if (c != text[i])
            {
                folded ??= text.ToCharArray();
                folded[i] = c;
            }
        }

        return folded is null ? text : new string(folded);
    }

    private static char Map(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        '\u066B' => '.',
        '\u066C' => ',',
        '\u066A' => '%',
        // Full-width ASCII, except the ideographic comma-like "，" which separates clauses, not digit groups.
        '\uFF0C' => c,
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };
}
