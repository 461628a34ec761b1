using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Markdown;

namespace Localize.Core.Workflow;

/// <summary>
/// Turns the bytes of a source file into an <see cref="ArticleVersion"/>, or a <see cref="DocumentFormatException"/>
/// that names the problem: the encoding, the front matter field, the line.
/// </summary>
public sealed partial class ArticleReader(MarkdownFilter filter)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Names a web route already uses; an article with one of these slugs would be unreachable.</summary>
    private static readonly HashSet<string> ReservedSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "review", "manage", "admin", "account", "health", "sitemap", "robots", "css", "js", "favicon",
    };

    public ArticleVersion Read(string path, byte[] bytes)
    {
        var text = Decode(bytes);
        var document = filter.Extract(text);
        var slug = document.Fields.TryGetValue("slug", out var declared) ? declared.Trim() : SlugFromPath(path);
        if (!SlugPattern().IsMatch(slug))
        {
            throw new DocumentFormatException(
                $"slug '{slug}' must be lowercase letters, digits and single hyphens (it becomes part of a web address)",
                field: "slug");
        }

        if (ReservedSlugs.Contains(slug))
        {
            throw new DocumentFormatException($"slug '{slug}' is reserved by the web app; choose another", field: "slug");
        }

        if (!document.Fields.TryGetValue("title", out var title) || string.IsNullOrWhiteSpace(title))
        {
            throw new DocumentFormatException("front matter has no title: add 'title: …' between the --- lines", field: "title");
        }

        return new ArticleVersion(path, slug, title.Trim(), Hash(text), text, document.Segments);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
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
            var line = 1 + bytes.AsSpan(0, Math.Max(0, Math.Min(ex.Index, bytes.Length))).Count((byte)'\n');
            throw new DocumentFormatException($"not valid UTF-8 (byte {ex.Index + 1}); save the file as UTF-8", line);
        }
    }

    private static string SlugFromPath(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
