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
    /// <summary>Intake: the bytes of a source file as a version to store, or a <see cref="DocumentFormatException"/>
    /// naming the line and field.</summary>
    /// <param name="path">Relative to the repository root, e.g. <c>content/strings/Strings.resx</c>.</param>
    ArticleVersion Read(string path, byte[] bytes);

    /// <summary>Publishing and sign-off: the stored source text's segments and skeleton, to merge targets into.</summary>
    LocalizableDocument Extract(string sourceText);

    /// <summary>Where a locale's version of a stored document is published in the content store.</summary>
    string PublishedPath(string publishFolder, StoredArticle article, string locale);
}
