using Localize.Core.Segments;
using Localize.Core.Translation;

namespace Localize.Core.Tests.Markdown;

public sealed class PseudoLocalizerTests
{
    [Fact]
    public void Accents_letters_brackets_and_keeps_codes_exactly()
    {
        var source = "Take <pc id=\"1\">two</pc> tablets &amp; rest<ph id=\"2\"/>.";

        var pseudo = PseudoLocalizer.Localize(source);

        Assert.Equal("[!! Táké <pc id=\"1\">twó</pc> táblétš &amp; réšt<ph id=\"2\"/>. !!]", pseudo);
        Assert.Empty(InlineMarkup.CompareCodes(source, pseudo));
    }

    [Fact]
    public void Lengthens_long_text_by_about_thirty_percent()
    {
        var source = string.Join(' ', Enumerable.Repeat("paracetamol", 20));

        var pseudo = PseudoLocalizer.Localize(source);

        Assert.InRange(pseudo.Length, (int)(source.Length * 1.25), (int)(source.Length * 1.4));
    }
}
