using System.Text.RegularExpressions;
using Localize.Core.Content;
using Localize.Core.Workflow;

namespace Localize.Core.Markdown;

/// <summary>
/// Turns the bytes of a source file into an <see cref="ArticleVersion"/>, or a <see cref="DocumentFormatException"/>
/// that names the problem: the encoding, the front matter field, the line. What any text source must be (UTF-8, no
/// hidden characters) is <see cref="SourceText"/>'s to check.
/// </summary>
public sealed partial class ArticleReader(MarkdownFilter filter)
{
    /// <summary>The filter the reader splits articles with, to extract a stored source the same way.</summary>
    public MarkdownFilter Filter => filter;

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

    /// <summary>
    /// Far above any real slug (they are a few words), and short enough that <c>translations/&lt;locale&gt;/&lt;slug&gt;.md</c>
    /// stays within every file system's 255-byte name limit and a web address stays readable.
    /// </summary>
    public const int MaxSlugLength = 100;

    public ArticleVersion Read(string path, byte[] bytes)
    {
        var text = SourceText.Decode(bytes, "a Markdown article");
        if (text.Length == 0)
        {
            throw new DocumentFormatException("the file is empty: an article needs front matter with a title and some text");
        }

        SourceText.RefuseHiddenCharacters(text);
        if (text.Contains('\r') && !text.Contains('\n'))
        {
            throw new DocumentFormatException("the file has old Mac line endings (CR only); save it with LF or CRLF line endings");
        }

        var document = filter.Extract(text);
        var declared = document.Fields.TryGetValue("slug", out var value);
        if (!declared && StructuredFieldLine(text, "slug") is { } listLine)
        {
            // Not quietly the file name: the author meant to set the slug, and a list or mapping cannot be one.
            throw new DocumentFormatException("slug must be one value (slug: my-article), not a list or a mapping", listLine, "slug");
        }

        var slug = declared ? value!.Trim() : SlugFromPath(path);
        if (slug.Length > MaxSlugLength)
        {
            throw new DocumentFormatException(
                declared
                    ? $"slug '{slug[..20]}…' is {slug.Length} characters long; a slug is at most {MaxSlugLength} (it becomes part of a web address and a file name)"
                    : $"the file name gives a slug of {slug.Length} characters; a slug is at most {MaxSlugLength} (it becomes part of a web address and a file name) — rename the file or add 'slug: …' to the front matter",
                declared ? LineOf(text, "slug") : null,
                "slug");
        }

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

        return new ArticleVersion(path, slug, title.Trim(), ContentHash.Of(text), text, document.Segments);
    }

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

    /// <summary>The line of a top-level front matter field whose value is a list or a mapping, when there is one.</summary>
    private static int? StructuredFieldLine(string text, string field)
    {
        if (!text.Contains(field, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return FrontMatterReader.Read(text).Structured.TryGetValue(field, out var line) ? line : null;
        }
        catch (DocumentFormatException)
        {
            return null;
        }
    }

    private static string SlugFromPath(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
