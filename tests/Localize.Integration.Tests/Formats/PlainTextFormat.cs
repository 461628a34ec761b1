using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Segments;
using Localize.Core.Workflow;

namespace Localize.Integration.Tests.Formats;

/// <summary>
/// A format a newcomer adds with this one class and one registration: plain-text leaflets (<c>*.txt</c> in the
/// pipeline's articles folder). Each paragraph (a run of non-blank lines) is one segment, the first one the title; the
/// slug is the file's name. A locale's version is the source with each paragraph replaced by its translation, published
/// as <c>&lt;locale&gt;/&lt;slug&gt;.txt</c> and shown as a page of the public site.
/// </summary>
public sealed partial class PlainTextFormat : IPageFormat
{
    public const string FormatId = "plain-text";

    public string Id => FormatId;

    public string Description => "a plain-text leaflet";

    public SegmentPresentation Presentation => SegmentPresentation.Sentences;

    public FileClaim Claim(SourceFile file) =>
        file.Role == SourceRole.Articles && file.Path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? FileClaim.Reads : FileClaim.None;

    public ArticleVersion Read(SourceFile file, byte[] bytes)
    {
        var text = SourceText.Decode(bytes, Description);
        SourceText.RefuseHiddenCharacters(text);
        var document = Extract(file.Pipeline, text);
        if (document.Segments.Count == 0)
        {
            throw new DocumentFormatException("the leaflet is empty: its first paragraph is its title");
        }

        var slug = Path.GetFileNameWithoutExtension(file.Path);
        return new ArticleVersion(file.Path, slug, InlineMarkup.PlainText(document.Segments[0].Text), ContentHash.Of(text), text, document.Segments);
    }

    public int? SlugLine(ArticleVersion version) => null;

    public LocalizableDocument Extract(PipelineDefinition pipeline, string sourceText)
    {
        var paragraphs = Paragraph().Matches(sourceText);
        var segments = paragraphs.Select((p, i) => new SourceSegment($"p{i + 1}", i == 0 ? "title" : "paragraph", InlineMarkup.Escape(p.Value), [])).ToArray();
        return new LocalizableDocument(new Dictionary<string, string>(), segments, targets => Merge(sourceText, paragraphs, segments, targets));
    }

    public string ReviewLabel(string unitId, string kind) => kind;

    public IReadOnlyDictionary<string, string> ReviewerComments(string sourceText) => new Dictionary<string, string>();

    public string PublishedPath(PipelineDefinition pipeline, StoredArticle article, string locale) => $"{pipeline.Publish.Folder}/{locale}/{article.Slug}.txt";

    public PublishedPage RenderPage(string text)
    {
        var paragraphs = Paragraph().Matches(text).Select(p => p.Value).ToArray();
        var html = string.Concat(paragraphs.Skip(1).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
        return new PublishedPage(paragraphs.FirstOrDefault() ?? string.Empty, null, new Dictionary<string, string>(), html);
    }

    private static MergeResult Merge(string source, MatchCollection paragraphs, SourceSegment[] segments, IReadOnlyList<string> targets)
    {
        var failures = new List<MergeFailure>();
        var output = new StringBuilder(source.Length);
        var copied = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            var problems = InlineMarkup.CompareCodes(segments[i].Text, targets[i]);
            if (problems.Count > 0)
            {
                failures.Add(new MergeFailure(i, string.Join("; ", problems)));
                continue;
            }

            output.Append(source, copied, paragraphs[i].Index - copied).Append(InlineMarkup.PlainText(targets[i]));
            copied = paragraphs[i].Index + paragraphs[i].Length;
        }

        return failures.Count > 0 ? new MergeResult(null, failures) : new MergeResult(output.Append(source, copied, source.Length - copied).ToString(), []);
    }

    /// <summary>Non-blank lines in a row, from the first to the last character that is not white space.</summary>
    [GeneratedRegex(@"\S(?:[^\r\n]*\S)?(?:\r?\n[ \t]*\S(?:[^\r\n]*\S)?)*")]
    private static partial Regex Paragraph();
}
