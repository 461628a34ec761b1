using System.Text;
using System.Xml.Linq;
using Localize.Core.Workflow;
using Localize.Core.Xliff;

namespace Localize.Core.Tests.Xliff;

/// <summary>
/// XLIFF 2.0 out and back: inline codes as &lt;pc&gt;/&lt;ph&gt; both ways, notes with findings and context, and an
/// import plan that refuses the whole file for any unit that is wrong, stale or tampered with, naming file and unit.
/// </summary>
public sealed class XliffTests
{
    private const string Slug = "asthma-inhalers";
    private const string Hash = "5f3c0ffee5f3c0ffee5f3c0ffee";

    private static readonly ReviewItem[] Segments =
    [
        Item(1, "Use <pc id=\"1\">two puffs</pc> a day.", "Use <pc id=\"1\">dos inhalaciones</pc> al día.", SegmentState.InReview,
            notes: [new SegmentNote(NoteOrigin.Check("numbers"), NoteSeverity.Error, "the source says 2, the target says dos")]),
        Item(2, "See <ph id=\"1\"/> and rinse &amp; spit.", "Vea <ph id=\"1\"/> y enjuague &amp; escupa.", SegmentState.InReview),
        Item(3, "Call 911.", "Llame al 911.", SegmentState.Approved),
        Item(4, "Keep it dry.", "Manténgalo.", SegmentState.Rejected),
        Item(5, "Shake it well.", null, SegmentState.New),
    ];

    [Fact]
    public void Writes_open_segments_with_codes_notes_and_context()
    {
        var xliff = XDocument.Parse(Export());
        XNamespace x = XliffWriter.Namespace;

        var units = xliff.Descendants(x + "unit").ToArray();
        // Approved (done) and new (waiting for the machine) segments are not sent.
        Assert.Equal(["t1", "t2", "t4"], units.Select(u => (string)u.Attribute("id")!));
        var first = units[0];
        Assert.Equal("""<source xmlns="urn:oasis:names:tc:xliff:document:2.0">Use <pc id="1">two puffs</pc> a day.</source>""", first.Descendants(x + "source").Single().ToString(SaveOptions.DisableFormatting));
        Assert.Contains(first.Descendants(x + "note"), n => (string)n.Attribute("category")! == "check:numbers" && n.Value.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(first.Descendants(x + "note"), n => (string)n.Attribute("category")! == "context:next" && n.Value == "See  and rinse & spit.");
        Assert.Equal("Manténgalo.", units[2].Descendants(x + "target").Single().Value);
        Assert.Equal(("en", "es"), ((string)xliff.Root!.Attribute("srcLang")!, (string)xliff.Root.Attribute("trgLang")!));
    }

    [Fact]
    public void Export_then_edit_then_import_round_trips_with_codes_intact()
    {
        var edited = Export()
            .Replace("<pc id=\"1\">dos inhalaciones</pc> al día.", "<pc id=\"1\">2 inhalaciones</pc> al día.", StringComparison.Ordinal)
            .Replace("<target>Manténgalo.</target>", "<target>Manténgalo seco.</target>", StringComparison.Ordinal);

        var plan = Plan(edited);

        Assert.Empty(plan.Problems);
        Assert.Equal(
            [(1L, "Use <pc id=\"1\">2 inhalaciones</pc> al día."), (4L, "Manténgalo seco.")],
            plan.Edits.Select(e => (e.TranslationId, e.Target)));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        // what the vendor (or an attacker) changed | replaced by | the problem named
        { "<pc id=\"1\">dos inhalaciones</pc> al día.", "dos inhalaciones al día.", "unit 't1': the target's inline codes do not match the source" },
        { "Vea <ph id=\"1\" /> y", "Vea <ph id=\"7\" /> y", "unit 't2': the target's inline codes do not match the source" },
        { "Use <pc id=\"1\">two puffs</pc> a day.</source>", "Use <pc id=\"1\">three puffs</pc> a day.</source>", "unit 't1': its source is not the article's" },
        { "<unit id=\"t2\"", "<unit id=\"t99\"", "unit 't99': not a segment of 'asthma-inhalers' in es" },
        { "name=\"p1\" loc:version=\"1\"", "name=\"p1\" loc:version=\"0\"", "changed in Localize since the export (version 1, the file has 0)" },
        { $"loc:sourceHash=\"{Hash}\"", "loc:sourceHash=\"0000\"", "the English source of 'asthma-inhalers' changed since this file was exported" },
        { "y enjuague &amp; escupa.", "y <mrk id=\"m1\">enjuague</mrk>.", "unit 't2': inline element <mrk> is not supported" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_wrong_unit_refuses_the_whole_file_naming_file_and_unit(string original, string tampered, string problem)
    {
        // Another unit carries a valid edit: it must not be imported either.
        var xml = Export()
            .Replace("<target>Manténgalo.</target>", "<target>Manténgalo seco.</target>", StringComparison.Ordinal);
        Assert.Contains(original, xml);
        xml = xml.Replace(original, tampered, StringComparison.Ordinal);
        if (tampered.Contains("version=\"0\"", StringComparison.Ordinal))
        {
            // A version mismatch matters only for a unit whose target the vendor changed.
            xml = xml.Replace("<pc id=\"1\">dos inhalaciones</pc>", "<pc id=\"1\">2 inhalaciones</pc>", StringComparison.Ordinal);
        }

        ImportPlan plan;
        try
        {
            plan = Plan(xml);
        }
        catch (XliffException ex)
        {
            Assert.Contains("vendor.xlf", ex.Message);
            Assert.Contains(problem, ex.Message);
            return;
        }

        Assert.Empty(plan.Edits);
        var message = Assert.Single(plan.Problems);
        Assert.StartsWith("vendor.xlf", message, StringComparison.Ordinal);
        Assert.Contains(problem, message);
    }

    [Fact]
    public void A_target_for_a_segment_that_waits_for_the_machine_is_refused_rather_than_half_imported()
    {
        // t5 went back to the machine (its source changed) after a file naming it was exported.
        var xml = Export()
            .Replace("<unit id=\"t4\" name=\"p4\"", "<unit id=\"t5\" name=\"p5\"", StringComparison.Ordinal)
            .Replace("Keep it dry.</source>", "Shake it well.</source>", StringComparison.Ordinal)
            .Replace("<target>Manténgalo.</target>", "<target>Agítelo bien.</target>", StringComparison.Ordinal);

        var plan = Plan(xml);

        Assert.Empty(plan.Edits);
        Assert.Equal("vendor.xlf, unit 't5': its source changed and it waits for machine translation in Localize (New); export again after the next run", Assert.Single(plan.Problems));
    }

    [Fact]
    public void A_file_for_another_locale_or_article_is_refused()
    {
        var file = XliffReader.Read(Stream(Export()), "vendor.xlf");

        Assert.Contains("is not translated into 'es'", Assert.Single(XliffImportPlan.Make(file, Article(), []).Problems));
        Assert.Contains("article 'asthma-inhalers' does not exist here", Assert.Single(XliffImportPlan.Make(file, null, Segments).Problems));
    }

    public static TheoryData<string> HostileDocuments => new()
    {
        // XXE: an external entity reading a local file
        """<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f">&xxe;</file></xliff>""",
        // billion laughs: nested entity expansion
        """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f">&lol3;</file></xliff>""",
    };

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void A_dtd_is_refused_before_any_entity_is_read(string xml)
    {
        var refused = Assert.Throws<XliffException>(() => XliffReader.Read(Stream(xml), "evil.xlf"));

        Assert.StartsWith("evil.xlf: a DOCTYPE (DTD) is not accepted", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<xliff version=\"2.0\"/>", "evil.xlf: not an XLIFF 2 document")]
    [InlineData("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"1.2\" srcLang=\"en\" trgLang=\"es\"/>", "XLIFF version '1.2' is not 2.x")]
    [InlineData("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"es\"><</xliff>", "evil.xlf:1: not well-formed XML")]
    public void A_file_that_is_not_our_xliff_is_refused_with_its_name(string xml, string expected)
    {
        var refused = Assert.Throws<XliffException>(() => XliffReader.Read(Stream(xml), "evil.xlf"));

        Assert.Contains(expected, refused.Message);
    }

    private static string Export() =>
        XliffWriter.Write(new XliffArticle(Slug, "Asthma inhalers", "content/asthma-inhalers.md", Hash, "en", "es", Segments));

    private static ImportPlan Plan(string xml) => XliffImportPlan.Make(XliffReader.Read(Stream(xml), "vendor.xlf"), Article(), Segments);

    private static StoredArticle Article() => new(7, Slug, "patient-articles", "content/asthma-inhalers.md", "Asthma inhalers", Hash, "…", [], "markdown");

    private static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));

    private static ReviewItem Item(long id, string source, string? target, SegmentState state, IReadOnlyList<SegmentNote>? notes = null) =>
        new(id, Slug, "patient-articles", "Asthma inhalers", "es", (int)id, $"p{id}", "paragraph", source, target, target, "apertium", state, 1, notes ?? [], [], DateTimeOffset.UnixEpoch);
}
