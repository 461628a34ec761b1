using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Publishing;
using Localize.Core.Workflow;

namespace Localize.Core.Markdown;

/// <summary>Markdown articles with front matter: read by <see cref="ArticleReader"/>, published to
/// <c>&lt;publish folder&gt;/&lt;locale&gt;/&lt;slug&gt;.md</c>.</summary>
public sealed class MarkdownDocumentFormat(MarkdownFilterOptions options) : IDocumentFormat
{
    private readonly MarkdownFilter _filter = new(options);
    private readonly ArticleReader _reader = new(new MarkdownFilter(options));

    public string Description => "Markdown with front matter";

    public ArticleVersion Read(string path, byte[] bytes) => _reader.Read(path, bytes);

    public LocalizableDocument Extract(string sourceText) => _filter.Extract(sourceText);

    public int? SlugLine(ArticleVersion version) => ArticleReader.LineOf(version.SourceText, "slug");

    public string PublishedPath(string publishFolder, StoredArticle article, string locale) => Publishing.PublishedPath.For(publishFolder, locale, article.Slug);
}
