using Localize.Core.Segments;

namespace Localize.Core.Tests.Segments;

/// <summary>The shared segment form: codes can move but not break, and broken targets are named precisely.</summary>
public sealed class InlineMarkupTests
{
    private const string Source = """Take <pc id="1">two</pc> tablets<ph id="2"/> with water &amp; food.""";

    public static TheoryData<string, string[]> Targets => new()
    {
        { """Tome <pc id="1">dos</pc> comprimidos<ph id="2"/> con agua y comida.""", [] },
        { """<ph id="2"/>Con agua, tome <pc id="1">dos</pc> comprimidos.""", [] },
        { """Tome dos comprimidos<ph id="2"/> con agua.""", ["paired code 1 is missing"] },
        { """Tome <pc id="1">dos</pc> <pc id="1">comprimidos</pc><ph id="2"/>.""", ["paired code 1 appears 2 times"] },
        { """Tome <pc id="1">dos</pc> comprimidos<ph id="2"/><ph id="3"/>.""", ["placeholder 3 is not in the source"] },
        { """Tome <pc id="1">dos comprimidos<ph id="2"/>.""", ["malformed inline codes: code 1 is opened but never closed"] },
        { """Tome dos</pc> comprimidos<ph id="2"/>.""", ["malformed inline codes: closing </pc> without an opening code at character 9"] },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Compares_the_codes_of_a_target_with_its_source(string target, string[] problems)
    {
        Assert.Equal(problems, InlineMarkup.CompareCodes(Source, target));
    }

    [Fact]
    public void Plain_text_unescapes_and_drops_codes()
    {
        Assert.Equal("Take two tablets with water & food.", InlineMarkup.PlainText(Source));
    }

    [Fact]
    public void Escaped_text_round_trips_through_parse()
    {
        var text = "1 < 2 && 3 > 2";

        Assert.Equal(text, InlineMarkup.PlainText(InlineMarkup.Escape(text)));
    }
}
