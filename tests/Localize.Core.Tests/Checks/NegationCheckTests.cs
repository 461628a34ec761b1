namespace Localize.Core.Tests.Checks;

public sealed class NegationCheckTests
{
    [Theory]
    // source, target, from, to, expected finding (null: none)
    [InlineData("Don’t crush the tablet.", "No triture la tableta.", "en", "es", null)]
    [InlineData("You can't drive.", "No puede conducir.", "en", "es", null)]
    [InlineData("Take it unless you feel sick.", "Tómelo a menos que se sienta mal.", "en", "es", null)]
    [InlineData("You are unable to keep fluids down.", "No puede retener líquidos.", "en", "es", null)]
    [InlineData("It is not only safe but effective.", "Es seguro y eficaz.", "en", "es", null)]
    [InlineData("However, call us.", "Sin embargo, llámenos.", "en", "es", null)]
    [InlineData("Nevertheless, call us.", "No obstante, llámenos.", "en", "es", null)]
    [InlineData("Never stop suddenly.", "Nunca deje de tomarlo de golpe.", "en", "es", null)]
    [InlineData("No lo tome con alcohol.", "Do not take it with alcohol.", "es", "en", null)]
    [InlineData("Evite el sol.", "Avoid the sun.", "es", "en", null)]
    [InlineData("Do not crush the tablet.", "Triture la tableta.", "en", "es", "the source is negated (\"not\") but the target is not")]
    [InlineData("Crush the tablet.", "No triture la tableta.", "en", "es", "the target is negated (\"No\") but the source is not")]
    [InlineData("Nunca lo tome con alcohol.", "Take it with alcohol.", "es", "en", "the source is negated (\"Nunca\")")]
    [InlineData("Tómelo con agua.", "Take it without water.", "es", "en", "the target is negated (\"without\")")]
    [InlineData("Do not stop taking it.", "Deje de tomarlo.", "en", "es", "the source is negated (\"not\")")]
    [InlineData("Stop taking it.", "No lo tome.", "en", "es", "tells the reader to stop (\"Stop\") but the target does not")]
    [InlineData("Take no more than 2 a day.", "No tome más de 2 al día.", "en", "es", null)]
    [InlineData("No more than 3 doses a day.", "Un máximo de 3 dosis al día.", "en", "es", null)]
    [InlineData("Do not exceed 4 doses.", "No más de 4 dosis.", "en", "es", null)]
    [InlineData("Call no later than 2 hours after.", "Llame a más tardar 2 horas después.", "en", "es", null)]
    [InlineData("Take it until you feel better.", "Tómelo hasta que se sienta mejor.", "en", "es", null)]
    [InlineData("No matter what, call us.", "Pase lo que pase, llámenos.", "en", "es", null)]
    [InlineData("No matter what, call us.", "No importa lo que pase, llámenos.", "en", "es", null)]
    [InlineData("It is not only safe but effective.", "No solo es seguro, sino eficaz.", "en", "es", null)]
    [InlineData("Take no more than 2 a day.", "Tome más de 2 al día.", "en", "es", "the source sets a limit (\"no more than\") but the target does not")]
    [InlineData("Do *not* drive.", "*No* conduzca.", "en", "es", null)]
    [InlineData("Do **never** drive.", "**Nunca** conduzca.", "en", "es", null)]
    [InlineData("Do **not** drive.", "No conduzca.", "en", "es", "emphasizes the negation \"not\"")]
    public void A_negation_is_neither_lost_nor_added(string source, string target, string from, string to, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("negation", source, target, from, to), expected);

    [Theory]
    [InlineData("Do <pc id=\"1\">not</pc> drive.", "<pc id=\"1\">No</pc> conduzca.", null)]
    [InlineData("Do <pc id=\"1\">not</pc> drive.", "No <pc id=\"1\">conduzca</pc>.", "emphasizes the negation")]
    public void Emphasis_on_a_negation_is_kept_in_tagged_segments(string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("negation", source, target, tagged: true), expected);

    [Theory]
    [InlineData("Do not drive and do not drink.", "No conduzca ni beba.", null)]
    [InlineData("Do not drive and do not drink.", "No conduzca y beba.", "the source has 2 negations but the target only 1")]
    public void Fewer_negations_in_the_target_is_a_warning(string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("negation-count", source, target), expected);
}
