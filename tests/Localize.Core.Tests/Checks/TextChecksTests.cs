namespace Localize.Core.Tests.Checks;

/// <summary>The untranslated check and the expert warnings, each as (check, source, target, expected finding).</summary>
public sealed class TextChecksTests
{
    [Theory]
    [InlineData("untranslated", "Aspirin", "Aspirin", null)]
    [InlineData("untranslated", "Call 911.", "Call 911.", null)]
    [InlineData("untranslated", "Read the American Heart Association guide.", "Lea la guía de la American Heart Association.", null)]
    [InlineData("untranslated", "Rest at home.", "Rest at home.", "the target is the source")]
    [InlineData("untranslated", "Rest.", "   ", "the target is empty")]
    [InlineData("untranslated", "Rest at home.", "", "the target is empty")]
    [InlineData("untranslated", "Apple Watch", "Apple Watch", "the target is the source")]
    [InlineData("untranslated", "Take it with food.", "Tome it with the food.", "still mostly en")]
    [InlineData("length-ratio", "Take one tablet by mouth every morning.", "Tome un comprimido por vía oral cada mañana.", null)]
    [InlineData("length-ratio", "Take one tablet by mouth every morning with food.", "Tome.", "something may be missing")]
    [InlineData("machine-mark", "You may feel dizziness.", "Puede sentir *dizziness.", "\"*dizziness\" carries the engine's unknown-word mark (*): \"dizziness\" was not translated")]
    [InlineData("machine-mark", "Take *two* tablets.", "Tome *dos* tabletas.", null)]
    [InlineData("machine-mark", "Take it.", "#Tomar lo.", "\"#Tomar\" carries the engine's generation mark (#)")]
    [InlineData("machine-mark", "Drugs have been used since the 1970s.", "Las drogas han sido utilizadas desde el @1970s.", "\"@1970s\" carries the engine's transfer mark (@)")]
    [InlineData("machine-mark", "Email help@example.org or use #2.", "Escriba a help@example.org o use #2.", null)]
    [InlineData("double-space", "Take it.", "Tómelo  ya.", "two spaces")]
    [InlineData("double-space", "Take it.", "Tómelo ya.", null)]
    [InlineData("edge-whitespace", "Take it. ", "Tómelo.", "trailing white space differs")]
    [InlineData("edge-whitespace", " Take it.", " Tómelo.", null)]
    [InlineData("end-punctuation", "Is it safe?", "¿Es seguro?", null)]
    [InlineData("end-punctuation", "Wait...", "Espere…", null)]
    [InlineData("end-punctuation", "Is it safe?", "Es seguro.", "the source ends with \"?\", the target with \".\"")]
    [InlineData("end-punctuation", "Symptoms include:", "Los síntomas incluyen", "ends with \":\"")]
    [InlineData("opening-marks", "Is it safe? Ask!", "¿Es seguro? ¡Pregunte!", null)]
    [InlineData("opening-marks", "Is it safe?", "Es seguro?", "needs an opening \"¿\"")]
    [InlineData("repeated-word", "Take the tablet.", "Tome la la tableta.", "\"la\" is repeated")]
    [InlineData("brackets", "Take 1 teaspoon (5 mL).", "Tome 1 cucharadita (5 ml).", null)]
    [InlineData("brackets", "Take 1 teaspoon (5 mL).", "Tome 1 cucharadita (5 ml.", "\"()\" marks")]
    public void A_text_check_finds_what_it_guards_against(string checkId, string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run(checkId, source, target), expected);

    [Fact]
    public void A_segment_of_do_not_translate_terms_may_stay_as_it_is() =>
        CheckSpec.Expect(CheckSpec.Run("untranslated", "Apple Watch", "Apple Watch", glossary: Localize.Core.Glossaries.GlossaryCsvReader.Parse("Apple Watch,,")), null);
}
