using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Markdown;

namespace Localize.Core.Workflow;

/// <summary>
/// Turns the bytes of a source file into an <see cref="ArticleVersion"/>, or a <see cref="DocumentFormatException"/>
/// that names the problem: the encoding, the front matter field, the line.
/// </summary>
/// <remarks>
/// Invisible characters: bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are
/// refused, because they make a text display in an order other than the one it is stored, translated and checked in
/// ("Trojan Source", CVE-2021-42574) — in a dose or a warning that is a safety risk, and no English article needs
/// them. Control characters other than tab, line feed, carriage return and form feed (NUL above all) are refused: they
/// mean a corrupt file and cannot travel in XLIFF or TMX. Zero-width characters (U+200B–U+200D, U+2060) are kept
/// as written: they do not reorder text, emoji and some names need the joiners, and removing them would change the
/// author's bytes.
/// </remarks>
public sealed partial class ArticleReader(MarkdownFilter filter)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Names a web route already uses, where an article would be unreachable, and names Windows cannot give a file
    /// (an author checking out <c>translations/es/con.md</c> there gets an error for the whole repository).
    /// </summary>
    private static readonly Dictionary<string, string> ReservedSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api"] = "the web app", ["review"] = "the web app", ["manage"] = "the web app", ["admin"] = "the web app",
        ["account"] = "the web app", ["dashboard"] = "the web app", ["openapi"] = "the web app", ["health"] = "the web app", ["sitemap"] = "the web app", ["robots"] = "the web app",
        ["css"] = "the web app", ["js"] = "the web app", ["favicon"] = "the web app",
        ["con"] = "Windows", ["prn"] = "Windows", ["aux"] = "Windows", ["nul"] = "Windows",
        ["com1"] = "Windows", ["com2"] = "Windows", ["com3"] = "Windows", ["com4"] = "Windows", ["com5"] = "Windows",
        ["com6"] = "Windows", ["com7"] = "Windows", ["com8"] = "Windows", ["com9"] = "Windows",
        ["lpt1"] = "Windows", ["lpt2"] = "Windows", ["lpt3"] = "Windows", ["lpt4"] = "Windows", ["lpt5"] = "Windows",
        ["lpt6"] = "Windows", ["lpt7"] = "Windows", ["lpt8"] = "Windows", ["lpt9"] = "Windows",
    };

    public ArticleVersion Read(string path, byte[] bytes)
    {
        var text = Decode(bytes);
        if (text.Length == 0)
        {
            throw new DocumentFormatException("the file is empty: an article needs front matter with a title and some text");
        }

        RefuseHiddenCharacters(text);
        if (text.Contains('\r') && !text.Contains('\n'))
        {
            throw new DocumentFormatException("the file has old Mac line endings (CR only); save it with LF or CRLF line endings");
        }

        var document = filter.Extract(text);
        var declared = document.Fields.TryGetValue("slug", out var value);
        var slug = declared ? value!.Trim() : SlugFromPath(path);
        if (!SlugPattern().IsMatch(slug))
        {
            throw declared
                ? new DocumentFormatException(
                    $"slug '{slug}' must be lowercase letters, digits and single hyphens (it becomes part of a web address)",
                    LineOf(text, "slug"),
                    "slug")
                : new DocumentFormatException(
                    $"the file name gives the slug '{slug}', which is not lowercase letters, digits and single hyphens (it becomes part of a web address); rename the file or add 'slug: …' to the front matter",
                    field: "slug");
        }

        if (ReservedSlugs.TryGetValue(slug, out var reservedBy))
        {
            throw new DocumentFormatException($"slug '{slug}' is reserved by {reservedBy}; choose another", LineOf(text, "slug"), "slug");
        }

        // A bare ~ or null is YAML for "no value", not a title called "null".
        if (!document.Fields.TryGetValue("title", out var title) || string.IsNullOrWhiteSpace(title) || title is "~" or "null" or "Null" or "NULL")
        {
            throw new DocumentFormatException("front matter has no title: add 'title: …' between the --- lines", LineOf(text, "title"), "title");
        }

        return new ArticleVersion(path, slug, title.Trim(), Hash(text), text, document.Segments);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The line of a top-level front matter field in a source text, when it has one, for errors about its value.</summary>
    public static int? LineOf(string text, string field)
    {
        try
        {
            return FrontMatterReader.Read(text).Scalars.FirstOrDefault(s => s.Name == field)?.Line;
        }
        catch (DocumentFormatException)
        {
            return null;
        }
    }

    internal static string Decode(byte[] bytes)
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
                throw new DocumentFormatException("this is a binary file (an image, PDF or office document?), not a Markdown article; move it out of the source folder");
            }

            var line = 1 + span[..Math.Max(0, Math.Min(ex.Index, bytes.Length))].Count((byte)'\n');
            throw new DocumentFormatException($"not valid UTF-8 (byte {ex.Index + 1}); save the file as UTF-8", line);
        }
    }

    internal static void RefuseHiddenCharacters(string text)
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

    private static string SlugFromPath(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
