using System.Runtime.CompilerServices;
using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Workflow;

namespace Localize.Core.Markdown;

/// <summary>Markdown articles with front matter, in the pipeline's <c>source:</c> folder: read by
/// <see cref="ArticleReader"/> (every listed file no other format reads, so a stray file gets an error that names it),
/// reviewed sentence by sentence, published to <c>&lt;publish folder&gt;/&lt;locale&gt;/&lt;slug&gt;.md</c> and shown as
/// a page.</summary>
public sealed class MarkdownDocumentFormat : IPageFormat
{
    public const string FormatId = "markdown";

    // One filter per pipeline definition (its source language and translatable fields); a reloaded definition gets its own.
    private readonly ConditionalWeakTable<PipelineDefinition, ArticleReader> _readers = [];

    public string Id => FormatId;

    public string Description => "Markdown with front matter";

    public SegmentPresentation Presentation => SegmentPresentation.Sentences;

    public FileClaim Claim(SourceFile file) => file.Role == SourceRole.Articles ? FileClaim.ReadsIfNoOtherDoes : FileClaim.None;

    public ArticleVersion Read(SourceFile file, byte[] bytes) => ReaderFor(file.Pipeline).Read(file.Path, bytes);

    public int? SlugLine(ArticleVersion version) => ArticleReader.LineOf(version.SourceText, "slug");

    public LocalizableDocument Extract(PipelineDefinition pipeline, string sourceText) => ReaderFor(pipeline).Filter.Extract(sourceText);

    /// <summary>A front matter field by its name (<c>title</c>), any other unit by its kind (<c>paragraph</c>).</summary>
    public string ReviewLabel(string unitId, string kind) =>
        unitId.StartsWith(MarkdownFilter.FieldUnitPrefix, StringComparison.Ordinal) ? unitId[MarkdownFilter.FieldUnitPrefix.Length..] : kind;

    public IReadOnlyDictionary<string, string> ReviewerComments(string sourceText) => new Dictionary<string, string>();

    public string PublishedPath(PipelineDefinition pipeline, StoredArticle article, string locale) =>
        Publishing.PublishedPath.For(pipeline.Publish.Folder, locale, article.Slug);

    public PublishedPage RenderPage(string text) => PublishedPageRenderer.Render(text);

    private ArticleReader ReaderFor(PipelineDefinition pipeline) =>
        _readers.GetValue(pipeline, p => new ArticleReader(new MarkdownFilter(new MarkdownFilterOptions(p.Source.Language, p.Source.TranslatableFields))));
}
