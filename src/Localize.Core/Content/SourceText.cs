using System.Text;

namespace Localize.Core.Content;

/// <summary>What every text source must be, whatever its format: UTF-8, without hidden characters.</summary>
/// <remarks>
/// Invisible characters: bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are
/// refused, because they make a text display in an order other than the one it is stored, translated and checked in
/// ("Trojan Source", CVE-2021-42574) — in a dose or a warning that is a safety risk, and no English article needs
/// them. Control characters other than tab, line feed, carriage return and form feed (NUL above all) are refused: they
/// mean a corrupt file and cannot travel in XLIFF or TMX. Zero-width characters (U+200B–U+200D, U+2060) are kept
/// as written: they do not reorder text, emoji and some names need the joiners, and removing them would change the
/// author's bytes.
/// </remarks>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or why it is not UTF-8 text.</summary>
    /// <param name="what">What the file should be, for the error about a binary file: "a Markdown article".</param>
    public static string Decode(byte[] bytes, string what)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new DocumentFormatException("the file is UTF-32; save it as UTF-8");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new DocumentFormatException("the file is UTF-16; save it as UTF-8");
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            // Text editors never write NUL bytes; images, PDFs and office files are full of them.
            if (span[..Math.Min(span.Length, 8000)].Contains((byte)0))
            {
                throw new DocumentFormatException($"this is a binary file (an image, PDF or office document?), not {what}; move it out of the source folder");
            }

            var line = 1 + span[..Math.Max(0, Math.Min(ex.Index, bytes.Length))].Count((byte)'\n');
            throw new DocumentFormatException($"not valid UTF-8 (byte {ex.Index + 1}); save the file as UTF-8", line);
        }
    }

    public static void RefuseHiddenCharacters(string text)
    {
        // Almost every file has neither; only then is it worth counting lines and columns.
        var first = text.AsSpan().IndexOfAny(HiddenCharacters);
        if (first < 0)
        {
            return;
        }

        var line = 1 + text.AsSpan(0, first).Count('\n');
        var column = first - (text.LastIndexOf('\n', Math.Max(0, first - 1)) + 1) + 1;
        var c = text[first];
        throw BidiControls.Contains(c)
            ? new DocumentFormatException(
                $"column {column} holds the invisible bidirectional control U+{(int)c:X4}, which can make text display in another order than it is translated and checked (a 'Trojan Source' risk in a medical text); delete it",
                line)
            : new DocumentFormatException(
                $"column {column} holds the control character U+{(int)c:X4}{(c == '\0' ? " (NUL)" : string.Empty)}, which has no place in an article (is the file corrupt?); delete it",
                line);
    }

    private const string BidiControls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    /// <summary>Control characters but tab, line feed, form feed and carriage return; DEL; the bidi controls.</summary>
    private static readonly System.Buffers.SearchValues<char> HiddenCharacters = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + BidiControls);
}
