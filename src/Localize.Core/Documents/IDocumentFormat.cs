using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Workflow;

namespace Localize.Core.Documents;

/// <summary>
/// A kind of source document (Okapi's filter): how intake reads a file into segments, and how publishing rebuilds a
/// locale's version from the stored source and its targets. Markdown articles and .resx resource files go through
/// the same steps, review and sign-off; only this differs.
/// </summary>
public interface IDocumentFormat
{
    /// <summary>What a file of this format is, for a reader that fails: "Markdown with front matter", "a .resx file".</summary>
    string Description { get; }

    /// <summary>Intake: the bytes of a source file as a version to store, or a <see cref="DocumentFormatException"/>
    /// naming the line and field.</summary>
    /// <param name="path">Relative to the repository root, e.g. <c>content/strings/Strings.resx</c>.</param>
    ArticleVersion Read(string path, byte[] bytes);

    /// <summary>Publishing and sign-off: the stored source text's segments and skeleton, to merge targets into.</summary>
    LocalizableDocument Extract(string sourceText);

    /// <summary>The line that sets a version's slug, for errors about it; null when the slug comes from the file's name.</summary>
    int? SlugLine(ArticleVersion version);

    /// <summary>Where a locale's version of a stored document is published in the content store.</summary>
    string PublishedPath(string publishFolder, StoredArticle article, string locale);
}
