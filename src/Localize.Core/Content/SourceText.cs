using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Content;

/// <summary>What every text source must be, whatever its format: UTF-8, without hidden characters.</summary>
/// <remarks>
/// Invisible characters: bidi controls and control characters are refused (see <see cref="HiddenCharacters"/>), in the
/// bytes of the file here and in values as their format decodes them (YAML escapes, XML character references).
/// Zero-width characters (U+200B–U+200D, U+2060) are kept as written: they do not reorder text, emoji and some names
/// need the joiners, and removing them would change the author's bytes.
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

    /// <summary>Refuses the first bidi control or control character (<see cref="HiddenCharacters"/>) with its line and column.</summary>
    public static void RefuseHiddenCharacters(string text)
    {
        // Almost every file has none; only then is it worth counting lines and columns.
        var first = HiddenCharacters.IndexOf(text);
        if (first < 0)
        {
            return;
        }

        var line = 1 + text.AsSpan(0, first).Count('\n');
        var column = first - (text.LastIndexOf('\n', Math.Max(0, first - 1)) + 1) + 1;
        throw new DocumentFormatException($"column {column} holds {HiddenCharacters.Describe(text[first])}", line);
    }
}
