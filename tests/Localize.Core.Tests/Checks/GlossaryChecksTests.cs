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
        infusion,infusión,
        young person,persona joven,
        Tylenol,,
        COVID-19,,
        Suicide & Crisis Lifeline,,
        """);

    [Theory]
    // check, source, target, expected finding (null: none)
    [InlineData("glossary", "Check your blood pressure.", "Controle su presión arterial.", null)]
    [InlineData("glossary", "Check your blood pressure.", "Controle su tensión arterial.", null)]
    [InlineData("glossary", "Side effects are rare.", "Los efectos secundarios son raros.", null)]
    [InlineData("glossary", "Take it with food.", "Tómelo con comida.", null)]
    [InlineData("glossary", "Check your blood pressure.", "Controle su presión sanguínea.", "\"blood pressure\" should be translated as \"presión arterial\" or \"tensión arterial\"")]
    [InlineData("glossary", "It has few effects.", "Tiene pocos efectos de lado.", "\"efecto de lado\" is a forbidden translation")]
    // A correct plural is no finding, even where the plural moves the written accent.
    [InlineData("glossary", "You will have 6 infusions.", "Recibirá 6 infusiones.", null)]
    [InlineData("glossary", "Young people also get migraine.", "Las personas jóvenes también tienen migraña.", null)]
    [InlineData("glossary", "You will have 6 infusions.", "Recibirá 6 perfusiones.", "\"infusion\" should be translated as \"infusión\"")]
    [InlineData("do-not-translate", "Take Tylenol.", "Tome Tylenol.", null)]
    [InlineData("do-not-translate", "Call the Suicide &amp; Crisis Lifeline.", "Llame a Suicide &amp; Crisis Lifeline.", null)]
    [InlineData("do-not-translate", "Call the Suicide &amp; Crisis Lifeline.", "Llame a la línea de crisis.", "\"Suicide & Crisis Lifeline\" must stay")]
    [InlineData("do-not-translate", "Get a COVID-19 test.", "Hágase una prueba de COVID-19.", null)]
    [InlineData("do-not-translate", "Take Tylenol.", "Tome tylenol.", "\"Tylenol\" must stay as it is")]
    [InlineData("do-not-translate", "Get a COVID-19 test.", "Hágase una prueba de COVID.", "\"COVID-19\" must stay")]
    public void Terms_follow_the_glossary(string checkId, string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run(checkId, source, target, glossary: _glossary), expected);

    [Theory]
    // The "&" became an inline code (or an entity placeholder) when the article was read; the name is still found.
    [InlineData("Call the Suicide <ph id=\"1\"/> Crisis Lifeline.", "Llame a Suicide <ph id=\"1\"/> Crisis Lifeline.", null)]
    [InlineData("Call the <pc id=\"1\">Suicide &amp; Crisis Lifeline</pc>.", "Llame a <pc id=\"1\">Suicide &amp; Crisis Lifeline</pc>.", null)]
    [InlineData("Call the Suicide <ph id=\"1\"/> Crisis Lifeline.", "Llame a la línea <ph id=\"1\"/> de crisis.", "\"Suicide & Crisis Lifeline\" must stay")]
    [InlineData("Get a COVID-19 test.", "Hágase una prueba de COVID <ph id=\"1\"/>.", "\"COVID-19\" must stay")]
    public void Do_not_translate_names_are_found_across_inline_codes(string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("do-not-translate", source, target, tagged: true, glossary: _glossary), expected);

    [Fact]
    public void Without_a_glossary_the_term_checks_find_nothing() =>
        Assert.Empty(CheckSpec.Run("glossary", "Side effects.", "Efectos de lado."));
}
