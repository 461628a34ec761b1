using Localize.Core.Checks.Analysis;
using Localize.Core.Languages;

namespace Localize.Core.Tests.Checks;

public sealed class NumbersCheckTests
{
    [Theory]
    // source, target, from, to, expected finding (null: none)
    [InlineData("Take 1,000 mg.", "Tome 1.000 mg.", "en", "es", null)]
    [InlineData("Take 1,000,000 units.", "Tome 1.000.000 unidades.", "en", "es", null)]
    [InlineData("Give 0.25 mL.", "Administre 0,25 ml.", "en", "es", null)]
    [InlineData("Call 555.123.4567.", "Llame al 555.123.4567.", "en", "es", null)]
    [InlineData("Born 12/31/2025.", "Nacido el 31/12/2025.", "en", "es", null)]
    [InlineData("Take one hundred and five.", "Tome 105.", "en", "es", null)]
    [InlineData("Take twenty-five.", "Tome 25.", "en", "es", null)]
    [InlineData("Take 120.", "Tome ciento veinte.", "en", "es", null)]
    [InlineData("Take 35.", "Tome treinta y cinco.", "en", "es", null)]
    [InlineData("Take 2,300 mg.", "Tome dos mil trescientos mg.", "en", "es", null)]
    [InlineData("Use 1½ cups.", "Use 1,5 tazas.", "en", "es", null)]
    [InlineData("Take ¾ of a cup.", "Tome 3/4 de taza.", "en", "es", null)]
    [InlineData("Both kidneys.", "Los dos riñones.", "en", "es", null)]
    [InlineData("Neither drug is safe.", "Ninguno de los dos medicamentos es seguro.", "en", "es", null)]
    [InlineData("Take the two tablets.", "Tome las tres tabletas.", "en", "es", "\"two\" in the source is missing")]
    [InlineData("Wait 2 and a half hours.", "Espere 2,5 horas.", "en", "es", null)]
    [InlineData("Wait 2 and a half hours.", "Espere 2 horas y media.", "en", "es", null)]
    [InlineData("Use 1 and a half teaspoons.", "Use una cucharadita y media.", "en", "es", null)]
    [InlineData("Tome 1.000 mg.", "Take 1,000 mg.", "es", "en", null)]
    [InlineData("Tome 0,5 ml.", "Take 0.5 mL.", "es", "en", null)]
    [InlineData("Take 1,000 mg.", "Tome 1,000 mg.", "en", "es", "reads as 1: write 1.000")]
    [InlineData("Take 1.5 mg.", "Tome 1.5 mg.", "en", "es", "write 1,5")]
    [InlineData("Keep below -5 °C.", "Mantener por debajo de 5 °C.", "en", "es", "\"-5\" in the source is missing")]
    [InlineData("Take 2 tablets.", "Tome 2 tabletas 2 veces.", "en", "es", "\"2\" appears 2 times in the target but 1 in the source")]
    [InlineData("Take 3 tablets.", "Tome 3 tabletas 2 veces.", "en", "es", "\"2\" in the target is not in the source")]
    [InlineData("Take 2 tablets 2 times.", "Tome 2 tabletas.", "en", "es", "\"2\" appears 2 times in the source but 1 in the target")]
    [InlineData("Take 10 mg.", "Tome 1 mg.", "en", "es", "\"10\" in the source is missing")]
    public void Numbers_keep_their_value_in_the_target_locale_format(string source, string target, string from, string to, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("numbers", source, target, from, to), expected);

    [Theory]
    // numeral, locale, value (null: not a number there)
    [InlineData("1,000", "en", "1000")]
    [InlineData("1.000", "es", "1000")]
    [InlineData("1,000", "es", "1")]
    [InlineData("1.000,5", "es", "1000.5")]
    [InlineData("1,000.5", "es-MX", "1000.5")]
    [InlineData("10\u00A0000", "es", "10000")]
    [InlineData("0.5", "es", null)]
    [InlineData("12,34", "en", null)]
    [InlineData("1.2.3", "en", null)]
    public void A_numeral_is_read_as_its_locale_writes_it(string numeral, string locale, string? expected)
    {
        var profile = LanguagePacks.For(locale);

        var value = NumberReader.Interpret(numeral, profile.DecimalSeparator, profile.GroupSeparator);

        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }
}
