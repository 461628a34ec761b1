namespace Localize.Core.Tests.Checks;

public sealed class UnitsCheckTests
{
    [Theory]
    // source, target, expected finding (null: none)
    [InlineData("Take 5 mcg.", "Tome 5 µg.", null)]
    [InlineData("Take 5 micrograms.", "Tome 5 mcg.", null)]
    [InlineData("Take 5 IU.", "Tome 5 UI.", null)]
    [InlineData("Take 5 units.", "Tome 5 unidades internacionales.", null)]
    [InlineData("A fever of 100 degrees.", "Una fiebre de 100 °F.", null)]
    [InlineData("Wait 2 hours.", "Espere 2 h.", null)]
    [InlineData("For several weeks.", "Durante varias semanas.", null)]
    [InlineData("Take it daily.", "Tómelo todos los días.", null)]
    [InlineData("Take 5 mg.", "Tome 5 mcg.", "became \"mcg\"")]
    [InlineData("Wait 2 hours.", "Espere 2 días.", "became \"días\" (day)")]
    [InlineData("Wait 30 minutes.", "Espere 30 segundos.", "became \"segundos\" (s)")]
    [InlineData("Use 1 tablespoon.", "Use 1 cucharadita.", "became \"cucharadita\" (tsp)")]
    [InlineData("It lasts for weeks.", "Dura meses.", "the source measures in \"weeks\"")]
    [InlineData("Weigh 10 kg.", "Pese 10 lb.", "became \"lb\"")]
    public void A_quantity_keeps_its_unit(string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("units", source, target), expected);
}
