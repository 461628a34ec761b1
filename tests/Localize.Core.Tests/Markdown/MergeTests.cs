using Localize.Core.Markdown;
using Markdig;

namespace Localize.Core.Tests.Markdown;

/// <summary>How translated segments are written back: codes restored, text escaped, wrapped paragraphs re-wrapped.</summary>
public sealed class MergeTests
{
    private static readonly MarkdownFilter _filter = new(new MarkdownFilterOptions("en", []));

    [Fact]
    public void A_wrapped_paragraph_is_rewrapped_at_the_authors_width_with_the_source_prefix()
    {
        var source = "> Fever is common in children and is\n> usually not dangerous. Call us when\n> the child is younger than 3 months.\n";
        var document = _filter.Extract(source);

        var merged = document.Merge([
            "La fiebre es frecuente en los niños y normalmente no es peligrosa.",
            "Llámenos cuando el niño tenga menos de 3 meses.",
        ]).Text;

        // The source's longest line is 37 characters, "> " included.
        Assert.Equal("> La fiebre es frecuente en los niños\n> y normalmente no es peligrosa.\n> Llámenos cuando el niño tenga menos\n> de 3 meses.\n", merged);
    }

    [Fact]
    public void A_one_line_paragraph_stays_on_one_line()
    {
        var document = _filter.Extract("Short text. Another sentence that is short.\n");

        var merged = document.Merge(["Texto corto.", "Otra frase que también es corta pero bastante más larga que el original."]).Text;

        Assert.Equal("Texto corto. Otra frase que también es corta pero bastante más larga que el original.\n", merged);
    }

    [Theory]
    [InlineData("- 1 or 2 # items > 3")]
    [InlineData("1. the first + second = third")]
    [InlineData("a b c d e f g h i j - k + l # m > n 1. o = p")]
    public void Wrapping_never_starts_a_line_with_block_syntax(string target)
    {
        var document = _filter.Extract("ab\ncd\n");

        var merged = document.Merge([target]).Text!;

        // Whatever the wrapping, it is still one paragraph with the target's text.
        var html = Markdig.Markdown.ToHtml(merged);
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
        Assert.Single(html.Split("<p>")[1..]);
        Assert.Equal(target, Markdig.Markdown.ToPlainText(merged).Trim().Replace('\n', ' '));
    }

    [Fact]
    public void Crlf_sources_are_rewrapped_with_crlf()
    {
        var document = _filter.Extract("one two three\r\nfour\r\n");

        Assert.Equal("uno dos tres\r\ncuatro cinco\r\n", document.Merge(["uno dos tres cuatro cinco"]).Text);
    }

    [Fact]
    public void Lone_cr_sources_are_rewrapped_with_cr()
    {
        var document = _filter.Extract("one two three\rfour\r");

        Assert.Equal("uno dos tres\rcuatro cinco\r", document.Merge(["uno dos tres cuatro cinco"]).Text);
    }

    [Theory]
    [InlineData("5 * 3 = 15 [not a link] <b>no html</b> a_b_c `tick` \\ AT&T &copy;", "5 \\* 3 = 15 \\[not a link\\] \\<b>no html\\</b> a\\_b\\_c \\`tick\\` \\\\ AT&T \\&copy;")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("> not a quote", "\\> not a quote")]
    public void Translated_text_stays_text(string target, string expected)
    {
        var document = _filter.Extract("Some text\n");

        var merged = document.Merge([System.Security.SecurityElement.Escape(target)!]).Text!;

        Assert.Equal(expected + "\n", merged);
        Assert.Equal(target, Markdig.Markdown.ToPlainText(merged).Trim());
    }

    [Fact]
    public void A_closing_hash_in_a_heading_is_escaped()
    {
        var document = _filter.Extract("## Learn about C\n");

        Assert.Equal("## Aprenda C \\#\n", document.Merge(["Aprenda C #"]).Text);
    }

    [Fact]
    public void Codes_may_move_and_are_restored_with_their_markdown()
    {
        var document = _filter.Extract("Take **two** tablets, see [the leaflet](/leaflet \"Leaflet\") and `dose`.\n");

        var merged = document.Merge(["Vea <pc id=\"2\">el prospecto</pc> y <ph id=\"3\"/>, tome <pc id=\"1\">dos</pc> comprimidos.", document.Segments[1].Text]).Text;

        Assert.Equal("Vea [el prospecto](/leaflet \"Leaflet\") y `dose`, tome **dos** comprimidos.\n", merged);
    }

    [Fact]
    public void Untranslated_units_keep_their_bytes_when_others_change()
    {
        var source = "# Title  \n\nFirst   paragraph\nwrapped.  \n\nSecond\tparagraph.\n";
        var document = _filter.Extract(source);

        var merged = document.Merge(["Título", document.Segments[1].Text, "Segundo párrafo."]).Text;

        Assert.Equal("# Título  \n\nFirst   paragraph\nwrapped.  \n\nSegundo párrafo.\n", merged);
    }

    [Fact]
    public void Link_and_image_titles_are_segments_of_their_own_after_the_sentences()
    {
        var document = _filter.Extract("Read [the leaflet](/leaflet \"Patient leaflet\"). See ![x-ray](x.png 'Chest x-ray').\n");

        Assert.Equal(
            [
                ("p1", "paragraph", "Read <pc id=\"1\">the leaflet</pc>."),
                ("p1", "paragraph", "See <pc id=\"1\">x-ray</pc>."),
                ("p1", "link-title", "Patient leaflet"),
                ("p1", "link-title", "Chest x-ray"),
            ],
            document.Segments.Select(s => (s.UnitId, s.Kind, s.Text)));
        var merged = document.Merge([
            "Lea <pc id=\"1\">el prospecto</pc>.", "Vea <pc id=\"1\">la radiografía</pc>.", "Prospecto \"oficial\"", "Radiografía d'tórax &amp; más",
        ]).Text;
        Assert.Equal("Lea [el prospecto](/leaflet \"Prospecto \\\"oficial\\\"\"). Vea ![la radiografía](x.png 'Radiografía d\\'tórax \\& más').\n", merged);
        Assert.Contains("title=\"Prospecto &quot;oficial&quot;\"", Markdig.Markdown.ToHtml(merged!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_that_is_only_an_image_is_an_image_alt_unit()
    {
        var segments = _filter.Extract("![A thermometer](thermometer.png \"Thermometer\")\n").Segments;

        Assert.Equal(
            [("img1", "image-alt", "<pc id=\"1\">A thermometer</pc>"), ("img1", "link-title", "Thermometer")],
            segments.Select(s => (s.UnitId, s.Kind, s.Text)));
    }

    [Fact]
    public void Image_alt_text_is_translated_and_shortcut_reference_labels_are_kept()
    {
        var document = _filter.Extract("![A child with fever](fever.png) and [NHS] advice.\n\n[NHS]: https://nhs.example.uk\n");

        var segment = Assert.Single(document.Segments);
        Assert.Equal("<pc id=\"1\">A child with fever</pc> and <ph id=\"2\"/> advice.", segment.Text);
        Assert.Equal("![Un niño con fiebre](fever.png) y consejo de [NHS].\n\n[NHS]: https://nhs.example.uk\n",
            document.Merge(["<pc id=\"1\">Un niño con fiebre</pc> y consejo de <ph id=\"2\"/>."]).Text);
    }
}
