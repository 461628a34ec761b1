using System.Text;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Workflow;

namespace Localize.Core.Tests.Markdown;

/// <summary>What makes a source file an article, and the error a user sees when it is not.</summary>
public sealed class ArticleReaderTests
{
    private static readonly ArticleReader Reader = new(new MarkdownFilter(new MarkdownFilterOptions("en", ["title", "description"])));

    [Fact]
    public void The_slug_comes_from_the_front_matter_or_else_the_file_name()
    {
        Assert.Equal("flu-shots", Reader.Read("content/x.md", Utf8("---\ntitle: Flu shots\nslug: flu-shots\n---\n\nText.\n")).Slug);
        Assert.Equal("flu-shots", Reader.Read("content/Flu-Shots.md", Utf8("---\ntitle: Flu shots\n---\n\nText.\n")).Slug);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        var article = Reader.Read("content/a.md", [0xEF, 0xBB, 0xBF, .. Utf8("---\ntitle: T\n---\n\nText.\n")]);

        Assert.StartsWith("---", article.SourceText);
    }

    public static TheoryData<string, byte[], string, string?> BadFiles => new()
    {
        { "no title", Utf8("---\nslug: a\n---\n\nText.\n"), "no title", "title" },
        { "empty title", Utf8("---\ntitle: \"\"\nslug: a\n---\n\nText.\n"), "no title", "title" },
        { "slug with a path", Utf8("---\ntitle: T\nslug: ../etc/passwd\n---\n\nText.\n"), "lowercase letters", "slug" },
        { "reserved slug", Utf8("---\ntitle: T\nslug: review\n---\n\nText.\n"), "reserved", "slug" },
        { "UTF-16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("---\ntitle: T\n---\n")], "UTF-16", null },
        { "invalid UTF-8", [.. Utf8("---\ntitle: T\n---\n\nCaf"), 0xE9, .. Utf8("\n")], "not valid UTF-8", null },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_file_that_is_not_an_article_is_one_clear_error(string what, byte[] bytes, string words, string? field)
    {
        var error = Assert.Throws<DocumentFormatException>(() => Reader.Read("content/bad.md", bytes));

        Assert.True(error.Message.Contains(words, StringComparison.Ordinal), $"{what}: {error.Message}");
        Assert.Equal(field, error.Field);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
