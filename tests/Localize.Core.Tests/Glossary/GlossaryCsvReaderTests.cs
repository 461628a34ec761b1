using Localize.Core.Glossaries;

namespace Localize.Core.Tests.Glossaries;

public sealed class GlossaryCsvReaderTests
{
    [Fact]
    public void Rows_become_preferred_forbidden_and_do_not_translate_entries()
    {
        var glossary = GlossaryCsvReader.Parse(""""
            source,target,note
            side effect,efecto secundario,
            side effect,efecto de lado,Forbidden: calque
            Tylenol,,brand
            "heart attack, acute","infarto ""agudo""","quoted, with commas"
            """");

        Assert.Equal(
            [
                new GlossaryEntry("side effect", "efecto secundario", "", GlossaryEntryKind.Preferred),
                new GlossaryEntry("side effect", "efecto de lado", "Forbidden: calque", GlossaryEntryKind.Forbidden),
                new GlossaryEntry("Tylenol", "Tylenol", "brand", GlossaryEntryKind.DoNotTranslate),
                new GlossaryEntry("heart attack, acute", "infarto \"agudo\"", "quoted, with commas", GlossaryEntryKind.Preferred),
            ],
            glossary.Entries);
        Assert.Single(glossary.DoNotTranslate);
        Assert.Single(glossary.Forbidden);
    }

    [Fact]
    public void The_header_is_optional_and_blank_lines_and_crlf_are_ignored()
    {
        var glossary = GlossaryCsvReader.Parse("MyChart\r\n\r\ntablet,comprimido\r\n");

        Assert.Equal(["MyChart", "tablet"], glossary.Entries.Select(e => e.Source));
    }

    [Theory]
    [InlineData("source,target,note\nok,bien,\n,vacío,\n", 3, "the source term is empty")]
    [InlineData("a,b,c,d\n", 1, "found 4 fields")]
    [InlineData("ok,bien\n\"never closed,x\n", 2, "never closed")]
    public void A_bad_row_is_reported_with_its_line(string csv, int line, string message)
    {
        var error = Assert.Throws<GlossaryFormatException>(() => GlossaryCsvReader.Parse(csv));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
