using System.Text;
using Localize.Core.Glossaries;

namespace Localize.Core.Tests.Memory;

/// <summary>TBX glossaries (2008 and 2019 shapes) become preferred, forbidden and do-not-translate entries.</summary>
public sealed class TbxReaderTests
{
    private const string Tbx2008 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="en"><text><body>
          <termEntry id="1">
            <descrip type="definition">A tablet taken by mouth.</descrip>
            <langSet xml:lang="en"><tig><term>tablet</term></tig></langSet>
            <langSet xml:lang="es-ES">
              <tig><term>comprimido</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
              <tig><term>pastilla</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
            </langSet>
          </termEntry>
          <termEntry id="2">
            <langSet xml:lang="en"><ntig><termGrp><term>Ketamine</term></termGrp></ntig></langSet>
            <langSet xml:lang="es"><ntig><termGrp><term>Ketamine</term></termGrp></ntig></langSet>
          </termEntry>
          <termEntry id="3">
            <langSet xml:lang="en"><tig><term>only English</term></tig></langSet>
          </termEntry>
        </body></text></martif>
        """;

    private const string Tbx2019 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
          <conceptEntry id="c1">
            <langSec xml:lang="en"><termSec><term>headache</term></termSec></langSec>
            <langSec xml:lang="es">
              <termSec><term>dolor de cabeza</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
              <termSec><term>jaqueca</term><termNote type="administrativeStatus">notRecommended</termNote></termSec>
            </langSec>
          </conceptEntry>
        </body></text></tbx>
        """;

    public static TheoryData<string, string[]> Files => new()
    {
        { Tbx2008, ["Preferred tablet=comprimido", "Forbidden tablet=pastilla", "DoNotTranslate Ketamine=Ketamine"] },
        { Tbx2019, ["Preferred headache=dolor de cabeza", "Forbidden headache=jaqueca"] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_the_pairs_terms_with_their_status(string tbx, string[] expected)
    {
        var glossary = TbxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(tbx)), "en", "es");

        Assert.Equal(expected, glossary.Entries.Select(e => $"{e.Kind} {e.Source}={e.Target}"));
    }

    [Fact]
    public void A_broken_file_names_its_line() =>
        Assert.Equal(2, Assert.Throws<GlossaryFormatException>(() => TbxReader.Read(new MemoryStream("<martif>\n<text><body>"u8.ToArray()), "en", "es")).Line);
}
