using System.Globalization;
using System.Text.RegularExpressions;
using Humanizer;
using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Markdown;
using Localize.Core.Workflow;

namespace Localize.Core.Resx;

/// <summary>
/// Neutral .resx files (e.g. <c>content/strings/Strings.resx</c>): each translatable entry is a segment; a locale's
/// version is the culture file beside the neutral one (<c>Strings.es.resx</c>), where ResXResourceManager and MSBuild
/// look for it. The slug, which names the file in review and sign-off, is the path below the strings folder in
/// lowercase with hyphens (<c>web/SiteStrings.resx</c> → <c>web-site-strings</c>). Read from the pipeline's
/// <c>strings:</c> folders (culture files there are output, not sources; a .resx file in the articles folder is none
/// either), reviewed as keyed strings with their comments, served as strings by <c>/api/strings</c>, never as a page.
/// </summary>
public sealed partial class ResxDocumentFormat : IStringsFormat
{
    public const string FormatId = "resx";

    public string Id => FormatId;

    public string Description => "a .resx file";

    public SegmentPresentation Presentation => SegmentPresentation.Strings;

    public FileClaim Claim(SourceFile file) =>
        !file.Path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase) ? FileClaim.None
        : file.Role == SourceRole.Strings && !IsCultureFile(file.Path, file.Pipeline.Locales.Select(l => l.Code)) ? FileClaim.Reads
        : FileClaim.NotASource;

    public ArticleVersion Read(SourceFile file, byte[] bytes)
    {
        var path = file.Path;
        var text = SourceText.Decode(bytes, "a .resx file");
        if (text.Length == 0)
        {
            throw new DocumentFormatException("the file is empty: a .resx file needs a <root> with <data> entries");
        }

        SourceText.RefuseHiddenCharacters(text);
        var document = ResxFilter.Extract(text);
        var slug = SlugFor(file.Folder, path);
        if (slug.Length == 0)
        {
            throw new DocumentFormatException("the file name gives no slug (letters or digits); rename the file");
        }

        return new ArticleVersion(path, slug, Path.GetFileName(path), ContentHash.Of(text), text, document.Segments);
    }

    public int? SlugLine(ArticleVersion version) => null;

    public LocalizableDocument Extract(PipelineDefinition pipeline, string sourceText) => ResxFilter.Extract(sourceText);

    /// <summary>An entry by its key.</summary>
    public string ReviewLabel(string unitId, string kind) => unitId;

    /// <summary>The entries' comments (without their '@Invariant' markers): the context the developer left for translators.</summary>
    public IReadOnlyDictionary<string, string> ReviewerComments(string sourceText) =>
        ResxReader.Read(sourceText).Entries
            .Where(e => e.ReviewerNote is not null)
            .ToDictionary(e => e.Name, e => e.ReviewerNote!, StringComparer.Ordinal);

    public string PublishedPath(PipelineDefinition pipeline, StoredArticle article, string locale) => CulturePath(article.Path, locale);

    public string ResourceName(PipelineDefinition pipeline, string path) => ResourceName(pipeline.StringsFolderOf(path), path);

    public IReadOnlyDictionary<string, string> ReadStrings(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in ResxReader.Read(text).Entries.Where(e => e.IsUserString))
        {
            values[entry.Name] = entry.Value;
        }

        return values;
    }

    /// <summary><c>dir/Strings.resx</c> → <c>dir/Strings.es.resx</c>.</summary>
    public static string CulturePath(string neutralPath, string locale)
    {
        var extension = Path.GetExtension(neutralPath);
        return $"{neutralPath[..^extension.Length]}.{locale}{extension}";
    }

    /// <summary>
    /// Whether a file is a culture file (<c>Strings.es.resx</c>, <c>Strings.qps-ploc.resx</c>) rather than a neutral one:
    /// what precedes <c>.resx</c> is a culture name. Intake skips those; they are the pipeline's output, or a
    /// translator's, never a source.
    /// </summary>
    public static bool IsCultureFile(string path, IEnumerable<string> locales)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var dot = stem.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var suffix = stem[(dot + 1)..];
        if (locales.Contains(suffix, StringComparer.OrdinalIgnoreCase) || suffix.StartsWith("qps-", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            return CultureTag().IsMatch(suffix) && CultureInfo.GetCultureInfo(suffix, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static string SlugFor(string folder, string path) =>
        NotSlug().Replace(ResourceName(folder, path).Replace('/', '-').Replace('.', '-').Kebaberize(), "-").Trim('-');

    /// <summary><c>content/strings/web/Site.resx</c> under the strings folder <c>content/strings</c> → <c>web/Site</c>; the
    /// file's own name when it is not under <paramref name="folder"/>.</summary>
    public static string ResourceName(string? folder, string path)
    {
        var relative = !string.IsNullOrEmpty(folder) && path.StartsWith(folder + "/", StringComparison.Ordinal) ? path[(folder.Length + 1)..] : Path.GetFileName(path);
        return relative[..^Path.GetExtension(relative).Length];
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex CultureTag();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
