using Localize.Core.Glossaries;

namespace Localize.Core.Tests.Checks;

public sealed class GlossaryChecksTests
{
    private static readonly Glossary _glossary = GlossaryCsvReader.Parse("""
        source,target,note
        blood pressure,presión arterial,
        blood pressure,tensión arterial,Spain
        side effect,efecto secundario,
        side effect,efecto de lado,forbidden: calque
        Tylenol,,
        COVID-19,,
        """);

    [Theory]
    // check, source, target, expected finding (null: none)
    [InlineData("glossary", "Check your blood pressure.", "Controle su presión arterial.", null)]
    [InlineData("glossary", "Check your blood pressure.", "Controle su tensión arterial.", null)]
    [InlineData("glossary", "Side effects are rare.", "Los efectos secundarios son raros.", null)]
    [InlineData("glossary", "Take it with food.", "Tómelo con comida.", null)]
    [InlineData("glossary", "Check your blood pressure.", "Controle su presión sanguínea.", "\"blood pressure\" should be translated as \"presión arterial\" or \"tensión arterial\"")]
    [InlineData("glossary", "It has few effects.", "Tiene pocos efectos de lado.", "\"efecto de lado\" is a forbidden translation")]
    [InlineData("do-not-translate", "Take Tylenol.", "Tome Tylenol.", null)]
    [InlineData("do-not-translate", "Get a COVID-19 test.", "Hágase una prueba de COVID-19.", null)]
    [InlineData("do-not-translate", "Take Tylenol.", "Tome tylenol.", "\"Tylenol\" must stay as it is")]
    [InlineData("do-not-translate", "Get a COVID-19 test.", "Hágase una prueba de COVID.", "\"COVID-19\" must stay")]
    public void Terms_follow_the_glossary(string checkId, string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run(checkId, source, target, glossary: _glossary), expected);

    [Fact]
    public void Without_a_glossary_the_term_checks_find_nothing() =>
        Assert.Empty(CheckSpec.Run("glossary", "Side effects.", "Efectos de lado."));
}
