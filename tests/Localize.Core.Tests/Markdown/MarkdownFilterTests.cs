using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Segments;

namespace Localize.Core.Tests.Markdown;

public sealed class MarkdownFilterTests
{
    private static readonly MarkdownFilter _filter = new(new MarkdownFilterOptions("en", ["title", "description"]));

    private const string Article = """
        ---
        title: Fever in children
        description: "What to do. When to call Dr. Smith."
        slug: fever-in-children
        updated: 2026-01-05
        ---
        # Fever *basics*

        A fever is 38.5 °C or more. See [the guide](https://example.org/fever "Guide") first.
        Take `paracetamol` if needed!

        - one **item**
        - two

        ```
        not translated
        ```

        """;

    [Fact]
    public void Front_matter_fields_are_read_and_translatable_ones_come_first_as_segments()
    {
        var document = _filter.Extract(Article);

        Assert.Equal("fever-in-children", document.Fields["slug"]);
        Assert.Equal("2026-01-05", document.Fields["updated"]);
        Assert.Equal(
            [
                ("field:title", "field", "Fever in children"),
                ("field:description", "field", "What to do."),
                ("field:description", "field", "When to call Dr. Smith."),
                ("h1", "heading", "Fever <pc id=\"1\">basics</pc>"),
                ("p1", "paragraph", "A fever is 38.5 °C or more."),
                ("p1", "paragraph", "See <pc id=\"1\">the guide</pc> first."),
                ("p1", "paragraph", "Take <ph id=\"1\"/> if needed!"),
                ("p1", "link-title", "Guide"),
                ("li1", "list-item", "one <pc id=\"1\">item</pc>"),
                ("li2", "list-item", "two"),
            ],
            document.Segments.Select(s => (s.UnitId, s.Kind, s.Text)));
    }

    [Fact]
    public void Codes_carry_the_markdown_they_stand_for()
    {
        var segments = _filter.Extract(Article).Segments;

        Assert.Equal(new InlineCode(1, "link", "[", "](https://example.org/fever \"Guide\")"), segments[5].Codes.Single());
        Assert.Equal(new InlineCode(1, "code", "`paracetamol`", ""), segments[6].Codes.Single());
        Assert.Equal(new InlineCode(1, "strong", "**", "**"), segments[8].Codes.Single());
    }

    [Theory]
    [InlineData("Line one\r\nline two\r\n\r\n- item\r\n")]
    [InlineData("Trailing spaces   \nand a hard break  \nhere\t\n")]
    [InlineData("> quoted and\nlazy continuation\n> more\n")]
    [InlineData("\tindented code\n\nText with\ttab\n")]
    [InlineData("No final newline")]
    [InlineData("Mixed\r\nline\nends\r\n")]
    [InlineData("\uFEFF# Heading after a BOM\n")]
    public void Identity_merge_is_byte_identical(string source)
    {
        var document = _filter.Extract(source);

        Assert.Equal(source, document.Merge(document.Segments.Select(s => s.Text).ToList()).Text);
    }

    [Theory]
    [InlineData("Voir la <pc id=\"1\">fiche</pc>.", null)]
    [InlineData("Voir la fiche.", "paired code 1 is missing")]
    [InlineData("Voir <pc id=\"1\">la</pc> <pc id=\"1\">fiche</pc>.", "paired code 1 appears 2 times")]
    [InlineData("Voir la <pc id=\"1\">fiche.", "malformed inline codes")]
    [InlineData("Voir la <pc id=\"1\">fiche</pc> <ph id=\"2\"/>.", "placeholder 2 is not in the source")]
    public void A_target_with_broken_codes_fails_its_segment_and_nothing_is_published(string target, string? finding)
    {
        var document = _filter.Extract("See the [sheet](/sheet).\n");

        var result = document.Merge([target]);

        if (finding is null)
        {
            Assert.True(result.Succeeded);
            Assert.Equal("Voir la [fiche](/sheet).\n", result.Text);
        }
        else
        {
            Assert.Null(result.Text);
            var failure = Assert.Single(result.Failures);
            Assert.Equal(0, failure.SegmentIndex);
            Assert.Contains(finding, failure.Message);
        }
    }

    [Fact]
    public void Translated_front_matter_values_are_quoted_and_other_fields_kept_byte_for_byte()
    {
        var document = _filter.Extract(Article);
        var targets = document.Segments.Select(s => s.Text).ToList();
        targets[0] = "Fiebre: en niños";
        targets[1] = "Qué \"hacer\".";

        var merged = document.Merge(targets).Text!;

        Assert.StartsWith("""
            ---
            title: "Fiebre: en niños"
            description: "Qué \"hacer\". When to call Dr. Smith."
            slug: fever-in-children
            updated: 2026-01-05
            ---
            # Fever *basics*
            """, merged);
    }

    [Fact]
    public void Code_blocks_html_blocks_and_reference_definitions_are_never_sent()
    {
        var document = _filter.Extract("```\ncode text\n```\n\n<div>\nhtml text\n</div>\n\n[ref]: /url \"ref title\"\n\nSee <https://example.org> &amp; more.\n");

        Assert.Equal(["See <ph id=\"1\"/> <ph id=\"2\"/> more."], document.Segments.Select(s => s.Text));
    }
}
