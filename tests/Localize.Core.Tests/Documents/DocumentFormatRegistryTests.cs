using Localize.Core.Documents;
using Localize.Core.Markdown;
using Localize.Core.Pipelines;
using Localize.Core.Resx;

namespace Localize.Core.Tests.Documents;

/// <summary>Which registered format reads each file a pipeline's folders list, and which one a stored article names.</summary>
public sealed class DocumentFormatRegistryTests
{
    private static readonly PipelineDefinition Pipeline = new(
        "site", "pipelines/site.yaml", new SourceSettings("content", "**/*", "en", ["title"]), [new LocaleTarget("es", "pseudo", "pseudo", "apertium"), new LocaleTarget("fr", "pseudo", "pseudo", "apertium")],
        new ReviewRule(1), new PublishTarget("translations"))
    {
        Strings = [new StringsSource("content/strings", "**/*.resx")],
    };

    private static readonly DocumentFormatRegistry Formats = new([new MarkdownDocumentFormat(), new ResxDocumentFormat()]);

    public static TheoryData<SourceRole, string, string?> Files => new()
    {
        // folder role | path | format id that reads it (null: no source)
        { SourceRole.Articles, "content/asthma.md", "markdown" },
        { SourceRole.Articles, "content/notes.txt", "markdown" },
        { SourceRole.Articles, "content/strings/Site.resx", null },
        { SourceRole.Strings, "content/strings/Site.resx", "resx" },
        { SourceRole.Strings, "content/strings/web/Pages.Review.resx", "resx" },
        { SourceRole.Strings, "content/strings/Site.es.resx", null },
        { SourceRole.Strings, "content/strings/Site.fr-CA.resx", null },
        { SourceRole.Strings, "content/strings/Site.qps-ploc.resx", null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_listed_file_is_read_by_the_format_that_claims_it(SourceRole role, string path, string? expected)
    {
        var folder = role == SourceRole.Articles ? "content" : "content/strings";

        Assert.Equal(expected, Formats.For(new SourceFile(Pipeline, role, folder, path))?.Id);
    }

    [Fact]
    public void A_format_that_reads_a_file_wins_over_the_folder_s_catch_all_whatever_the_registration_order()
    {
        var claimsText = new ClaimingFormat("text", ".txt");
        var registry = new DocumentFormatRegistry([new MarkdownDocumentFormat(), claimsText]);

        Assert.Same(claimsText, registry.For(new SourceFile(Pipeline, SourceRole.Articles, "content", "content/notes.txt")));
        Assert.Equal("markdown", registry.For(new SourceFile(Pipeline, SourceRole.Articles, "content", "content/asthma.md"))!.Id);
    }

    [Fact]
    public void A_stored_article_s_format_is_found_by_id_and_an_unknown_id_is_named()
    {
        Assert.IsType<ResxDocumentFormat>(Formats.Get("resx"));
        var unknown = Assert.Throws<InvalidOperationException>(() => Formats.Get("dita"));
        Assert.Contains("'dita'", unknown.Message);
        Assert.Contains("markdown, resx", unknown.Message);
    }

    [Theory]
    [InlineData("markdown", "field:title", "field", "title")]
    [InlineData("markdown", "p3", "paragraph", "paragraph")]
    [InlineData("resx", "ReviewedBy", "resource", "ReviewedBy")]
    public void The_reviewer_sees_each_segment_named_as_its_format_says(string format, string unitId, string kind, string label) =>
        Assert.Equal(label, Formats.Get(format).ReviewLabel(unitId, kind));

    [Fact]
    public void Two_formats_may_not_share_an_id()
    {
        var clash = Assert.Throws<InvalidOperationException>(() => new DocumentFormatRegistry([new MarkdownDocumentFormat(), new ClaimingFormat("markdown", ".txt")]));
        Assert.Contains("'markdown'", clash.Message);
    }

    /// <summary>Reads the articles folder's files with one extension; nothing else is needed to choose it.</summary>
    private sealed class ClaimingFormat(string id, string extension) : IDocumentFormat
    {
        public string Id => id;

        public string Description => id;

        public SegmentPresentation Presentation => SegmentPresentation.Sentences;

        public FileClaim Claim(SourceFile file) =>
            file.Role == SourceRole.Articles && file.Path.EndsWith(extension, StringComparison.Ordinal) ? FileClaim.Reads : FileClaim.None;

        public Core.Workflow.ArticleVersion Read(SourceFile file, byte[] bytes) => throw new NotSupportedException();

        public int? SlugLine(Core.Workflow.ArticleVersion version) => null;

        public Core.Content.LocalizableDocument Extract(PipelineDefinition pipeline, string sourceText) => throw new NotSupportedException();

        public string ReviewLabel(string unitId, string kind) => kind;

        public IReadOnlyDictionary<string, string> ReviewerComments(string sourceText) => new Dictionary<string, string>();

        public string PublishedPath(PipelineDefinition pipeline, Core.Workflow.StoredArticle article, string locale) => throw new NotSupportedException();
    }
}
