using System.Xml.Linq;
using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Markdown;
using Localize.Core.Pipelines;
using Localize.Core.Resx;
using Localize.Core.Segments;
using Localize.Testing;

namespace Localize.Core.Tests.Resx;

/// <summary>
/// The .resx filter: each translatable entry is one segment with its placeholders and HTML protected; a culture file
/// is the neutral file's bytes with translated values spliced in, untranslated entries left out.
/// </summary>
public sealed class ResxFilterTests
{
    private static readonly string Neutral = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "content", "strings", "Site.resx"));

    private static string Resx(string body) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <root>
          <resheader name="resmimetype">
            <value>text/microsoft-resx</value>
          </resheader>
        {body}
        </root>
        """;

    [Fact]
    public void Each_translatable_entry_is_one_segment_keyed_by_its_name_and_invariant_entries_are_none()
    {
        var document = ResxFilter.Extract(Neutral);

        Assert.Equal(["LastUpdated", "ReviewedBy", "ReadInEnglish", "OutdatedNotice", "Articles"], document.Segments.Select(s => s.UnitId));
        Assert.All(document.Segments, s => Assert.Equal(ResxFilter.SegmentKind, s.Kind));
        Assert.Equal("Last updated", document.Segments[0].Text);
    }

    public static TheoryData<string, string, string[]> Values => new()
    {
        // value | segment text | what each code stands for
        { "Reviewed by {0}", """Reviewed by <ph id="1"/>""", ["{0}"] },
        { "{0:N2} mg in {1,-8} ({{total}})", """<ph id="1"/> mg in <ph id="2"/> (<ph id="3"/>total<ph id="4"/>)""", ["{0:N2}", "{1,-8}", "{{", "}}"] },
        { "Hello {name}", """Hello <ph id="1"/>""", ["{name}"] },
        { "Read in <a href=\"{0}\">English</a>.", """Read in <pc id="1">English</pc>.""", ["<a href=\"{0}\">…</a>"] },
        { "<b>Stop</b> taking it<br/>now &amp; call", """<pc id="1">Stop</pc> taking it<ph id="2"/>now <ph id="3"/> call""", ["<b>…</b>", "<br/>", "&amp;"] },
        { "a < b and <i>x</b>", """a &lt; b and <ph id="1"/>x<ph id="2"/>""", ["<i>", "</b>"] },
        { "no codes & fine", "no codes &amp; fine", [] },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Placeholders_and_html_are_protected_codes(string value, string text, string[] codes)
    {
        var (tagged, inline) = ResxValueCodes.Protect(value);

        Assert.Equal(text, tagged);
        Assert.Equal(codes, inline.Select(c => c.Closing.Length > 0 ? $"{c.Opening}…{c.Closing}" : c.Opening));
        Assert.Equal(value, ResxValueCodes.Restore(InlineMarkup.Parse(tagged), inline));
    }

    [Fact]
    public void Merging_the_sources_back_gives_the_neutral_file_byte_for_byte()
    {
        var everything = Resx("""
              <data name="A" xml:space="preserve">
                <value>Plain &amp; simple</value>
                <comment>first</comment>
              </data>
              <data name="B"><value>With <![CDATA[<b>bold</b>]]> text</value></data>
            """);
        var document = ResxFilter.Extract(everything);

        var merged = document.Merge([.. document.Segments.Select(s => s.Text)]);

        Assert.True(merged.Succeeded);
        Assert.Equal(everything.Replace("<![CDATA[<b>bold</b>]]>", "&lt;b&gt;bold&lt;/b&gt;"), merged.Text);
    }

    [Fact]
    public void A_culture_file_keeps_header_schema_order_and_comments_and_has_no_untranslated_entry()
    {
        var document = ResxFilter.Extract(Neutral);
        string[] targets =
        [
            "Última actualización",
            """Revisado por <ph id="1"/>""",
            """Lea este artículo en <pc id="1">inglés</pc>.""",
            """El artículo en inglés cambió. <pc id="1">Consulte a su médico</pc> antes de seguirlo.""",
            "Artículos",
        ];

        var merged = document.Merge(targets);

        Assert.True(merged.Succeeded, string.Join("; ", merged.Failures.Select(f => f.Message)));
        var culture = merged.Text!;
        var headerEnd = Neutral.IndexOf("  <data ", StringComparison.Ordinal);
        Assert.Equal(Neutral[..headerEnd], culture[..headerEnd]);
        var entries = XDocument.Parse(culture).Root!.Elements("data").ToArray();
        Assert.Equal(["LastUpdated", "ReviewedBy", "ReadInEnglish", "OutdatedNotice", "Articles"], entries.Select(e => (string)e.Attribute("name")!));
        Assert.Equal("Revisado por {0}", (string)entries[1].Element("value")!);
        Assert.Equal("Lea este artículo en <a href=\"{0}\">inglés</a>.", (string)entries[2].Element("value")!);
        Assert.Equal("{0} is the name of the medical reviewer who signed the translation off", (string)entries[1].Element("comment")!);
        Assert.DoesNotContain("SiteName", culture);
        Assert.DoesNotContain("SupportEmail", culture);
        Assert.EndsWith("  </data>\n</root>\n", culture);
    }

    [Fact]
    public void A_target_that_drops_a_placeholder_is_not_merged()
    {
        var document = ResxFilter.Extract(Neutral);

        var merged = document.Merge(["Última actualización", "Revisado por", "x <pc id=\"1\">y</pc>", "z <pc id=\"1\">w</pc>", "Artículos"]);

        Assert.False(merged.Succeeded);
        Assert.Equal(1, Assert.Single(merged.Failures).SegmentIndex);
        Assert.Contains("placeholder 1 is missing", merged.Failures[0].Message);
    }

    [Fact]
    public void Images_binary_and_empty_entries_and_designer_metadata_are_not_segments()
    {
        var document = ResxFilter.Extract(Resx("""
              <data name="Logo" type="System.Drawing.Bitmap, System.Drawing" mimetype="application/x-microsoft.net.object.bytearray.base64"><value>AAAA</value></data>
              <data name="Count" type="System.Int32, mscorlib"><value>3</value></data>
              <data name="Empty"><value /></data>
              <data name="&gt;&gt;button1.Name"><value>button1</value></data>
              <data name="Typed" type="System.String, mscorlib"><value>Typed text</value></data>
            """));

        Assert.Equal(["Typed"], document.Segments.Select(s => s.UnitId));
    }

    public static TheoryData<string, string, int, string> Malformed => new()
    {
        // what | file | line | words
        { "bad XML", Resx("""  <data name="A"><value>x</valu></data>"""), 6, "not valid XML" },
        { "duplicate key", Resx("""
              <data name="A"><value>x</value></data>
              <data name="A"><value>y</value></data>
            """), 7, "key 'A' is given twice (first at line 6)" },
        { "external entity", """
            <?xml version="1.0"?>
            <!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <root><data name="A"><value>&xxe;</value></data></root>
            """, 2, "DOCTYPE" },
        { "not a resx", "<html><body/></html>", 1, "expected <root>" },
        { "wrong mime type", "<root><resheader name=\"resmimetype\"><value>text/plain</value></resheader></root>", 1, "resmimetype" },
        { "no name", Resx("""  <data><value>x</value></data>"""), 6, "has no name" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_is_one_error_with_its_line(string what, string text, int line, string words)
    {
        var error = Assert.Throws<DocumentFormatException>(() => ResxFilter.Extract(text));

        Assert.True(error.Line == line, $"{what}: expected line {line}, got {error.Line} ({error.Message})");
        Assert.Contains(words, error.Message);
    }

    [Theory]
    [InlineData("Strings.resx", false)]
    [InlineData("Strings.es.resx", true)]
    [InlineData("Strings.es-MX.resx", true)]
    [InlineData("Strings.qps-ploc.resx", true)]
    [InlineData("Pages.Review.resx", false)]
    [InlineData("web/Site.fr.resx", true)]
    public void Culture_files_are_told_from_neutral_ones(string path, bool isCulture) =>
        Assert.Equal(isCulture, ResxDocumentFormat.IsCultureFile(path, ["es"]));

    [Fact]
    public void A_file_is_read_with_a_slug_from_its_path_below_the_strings_folder()
    {
        var pipeline = new PipelineDefinition(
            "strings", "pipelines/strings.yaml", new SourceSettings("content", "**/*.md", "en", []), [new LocaleTarget("es", "pseudo", "pseudo", "apertium")], new ReviewRule(1), new PublishTarget("translations"));
        var file = new SourceFile(pipeline, SourceRole.Strings, "content/strings", "content/strings/web/SiteStrings.resx");

        var version = new ResxDocumentFormat().Read(file, System.Text.Encoding.UTF8.GetBytes(Neutral));

        Assert.Equal("web-site-strings", version.Slug);
        Assert.Equal("SiteStrings.resx", version.Title);
        Assert.Equal("content/strings/web/SiteStrings.es.resx", ResxDocumentFormat.CulturePath("content/strings/web/SiteStrings.resx", "es"));
    }
}
