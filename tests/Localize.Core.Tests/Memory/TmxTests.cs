using System.Text;
using Localize.Core.Memory;

namespace Localize.Core.Tests.Memory;

/// <summary>TMX 1.4b in and out: inline codes mapped both ways, context kept, hostile XML refused.</summary>
public sealed class TmxTests
{
    public static TheoryData<string, string> Segments => new()
    {
        // TMX <seg> content | our inline-markup form
        { "Take two tablets.", "Take two tablets." },
        { "Take <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>two<ept i=\"1\">&lt;/b&gt;</ept> tablets.", "Take <pc id=\"1\">two</pc> tablets." },
        { "See <ph x=\"3\">&lt;img/&gt;</ph> below.", "See <ph id=\"3\"/> below." },
        { "See <ph>&lt;br/&gt;</ph> and <ph/>.", "See <ph id=\"1\"/> and <ph id=\"2\"/>." },
        { "<bpt i=\"1\">{b}</bpt>A <bpt i=\"2\">{i}</bpt>B<ept i=\"2\">{/i}</ept><ept i=\"1\">{/b}</ept>", "<pc id=\"1\">A <pc id=\"2\">B</pc></pc>" },
        // crossing pairs cannot nest: each code becomes a placeholder
        { "<bpt i=\"1\"/>A<bpt i=\"2\"/>B<ept i=\"1\"/>C<ept i=\"2\"/>", "<ph id=\"1\"/>A<pc id=\"2\">B<ph id=\"3\"/>C</pc>" },
        { "An <it pos=\"begin\">&lt;u&gt;</it>open code", "An <ph id=\"1\"/>open code" },
        { "Text <hi type=\"bold\">highlighted</hi> stays.", "Text highlighted stays." },
        { "5 &lt; 6 &amp; 7 &gt; 2", "5 &lt; 6 &amp; 7 &gt; 2" },
    };

    [Theory]
    [MemberData(nameof(Segments))]
    public void Reads_inline_codes_as_ours(string seg, string expected)
    {
        var tmx = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
            <body><tu><tuv xml:lang="en-US"><seg>{seg}</seg></tuv><tuv xml:lang="es-ES"><seg>{seg}</seg></tuv></tu></body></tmx>
            """;

        var unit = Assert.Single(Read(tmx));

        Assert.Equal(("en-US", "es-ES"), (unit.SourceLanguage, unit.TargetLanguage));
        Assert.Equal(expected, unit.Source);
        Assert.Equal(expected, unit.Target);
    }

    [Fact]
    public void What_is_written_reads_back_the_same_with_its_context()
    {
        MemoryUnit[] units =
        [
            new("en", "es", "Take <pc id=\"1\">2 <pc id=\"2\">tablets</pc></pc> a day<ph id=\"3\"/>.", "Tome <pc id=\"1\">2 <pc id=\"2\">comprimidos</pc></pc> al día<ph id=\"3\"/>.")
            {
                PreviousSource = "Before.", NextSource = "After.", Document = "migraine", CreatedBy = "Dr. Ruiz", Origin = "tmx:x.tmx",
                ChangedAt = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.Zero),
            },
            new("en", "qps-ploc", "5 &lt; 6 &amp; \"quotes\"", "[5 &lt; 6 &amp; \"qúótés\"]") { Origin = "tmx:x.tmx" },
        ];
        using var stream = new MemoryStream();
        using (var writer = new TmxWriter(stream, "en"))
        {
            foreach (var unit in units)
            {
                writer.Write(unit);
            }
        }

        stream.Position = 0;
        var read = TmxReader.Read(stream, "tmx:x.tmx").ToArray();

        Assert.Equal(units, read);
    }

    [Fact]
    public void A_unit_with_several_targets_gives_one_memory_unit_per_target_from_the_units_own_source_language()
    {
        const string tmx = """
            <tmx version="1.4"><header srclang="*all*"/><body>
            <tu srclang="en"><tuv xml:lang="fr"><seg>Prenez</seg></tuv><tuv xml:lang="en"><seg>Take</seg></tuv><tuv xml:lang="es"><seg>Tome</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>No source language anywhere: the first variant is the source.</seg></tuv><tuv xml:lang="es"><seg>Sí</seg></tuv></tu>
            </body></tmx>
            """;

        var units = Read(tmx);

        Assert.Equal(["en→fr Take=Prenez", "en→es Take=Tome", "en→es No source language anywhere: the first variant is the source.=Sí"],
            units.Select(u => $"{u.SourceLanguage}→{u.TargetLanguage} {u.Source}={u.Target}"));
    }

    public static TheoryData<string, string> Hostile => new()
    {
        {
            "entity expansion (billion laughs)",
            """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&lol3;</seg></tuv><tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>
            """
        },
        {
            "external entity (XXE)",
            """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&secret;</seg></tuv><tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>
            """
        },
        {
            "a DOCTYPE naming the TMX DTD (refused like any DOCTYPE: it is never needed)",
            """
            <?xml version="1.0"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Rest</seg></tuv><tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>
            """
        },
        {
            "a bidi override written as a character reference",
            """
            <?xml version="1.0"?>
            <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Take 5 mg</seg></tuv><tuv xml:lang="es"><seg>Tome &#x202E;5 mg</seg></tuv></tu></body></tmx>
            """
        },
        { "not TMX", "<xliff version=\"2.0\"/>" },
        { "not well-formed", "<tmx version=\"1.4\"><body><tu>" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_or_broken_files_are_refused_without_expanding_anything(string what, string tmx)
    {
        var error = Assert.Throws<TmxFormatException>(() => Read(tmx));
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(what));
    }

    private static List<MemoryUnit> Read(string tmx) => [.. TmxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(tmx)), "tmx:test")];
}
