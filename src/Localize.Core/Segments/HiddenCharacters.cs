using System.Buffers;

namespace Localize.Core.Segments;

/// <summary>
/// Characters no text we translate may hold, wherever it comes from (an article, a front matter value decoded from a
/// YAML escape, a .resx value decoded from a character reference, a glossary row, a TMX or XLIFF segment), and the one
/// way each is described, so every reader refuses them with the same words.
/// </summary>
/// <remarks>
/// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make a text display in an
/// order other than the one it is stored, translated and checked in ("Trojan Source", CVE-2021-42574) — in a dose or a
/// warning that is a safety risk. Control characters other than tab, line feed, carriage return and form feed (NUL
/// above all) mean a corrupt file and cannot travel in XLIFF or TMX. Zero-width characters are not here: they do not
/// reorder text, and emoji and some names need the joiners.
/// </remarks>
public static class HiddenCharacters
{
    private const string BidiControls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    /// <summary>Control characters but tab, line feed, form feed and carriage return; DEL; the bidi controls.</summary>
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + BidiControls);

    /// <summary>The index of the first refused character, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text) => text.IndexOfAny(Refused);

    /// <summary>What the character is and why it is refused, e.g. "the invisible bidirectional control U+202E, which …".</summary>
    public static string Describe(char c) => BidiControls.Contains(c)
        ? $"the invisible bidirectional control U+{(int)c:X4}, which can make text display in another order than it is translated and checked (a 'Trojan Source' risk in a medical text); delete it"
        : $"the control character U+{(int)c:X4}{(c == '\0' ? " (NUL)" : string.Empty)}, which has no place in a text to translate (is the file corrupt?); delete it";

    /// <summary>"holds …" for the first refused character of <paramref name="text"/>, or null when it has none.</summary>
    public static string? Find(ReadOnlySpan<char> text)
    {
        var at = IndexOf(text);
        return at < 0 ? null : "holds " + Describe(text[at]);
    }
}
