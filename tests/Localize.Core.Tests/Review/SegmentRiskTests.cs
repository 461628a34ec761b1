using Localize.Core.Languages;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Tests.Review;

public sealed class SegmentRiskTests
{
    private static readonly LanguagePack English = LanguagePacks.For("en");

    [Theory]
    // source, target (Spanish), expected class, what it was read from
    [InlineData("Take 2 tablets with water.", "Tome 2 pastillas con agua.", RiskClass.DoseOrNumber, "“2”")]
    [InlineData("Take two tablets a day.", "Tome dos pastillas al día.", RiskClass.DoseOrNumber, "“two”")]
    [InlineData("The usual dose is 0.5 mg/kg.", "La dosis habitual es de 0,5 mg/kg.", RiskClass.DoseOrNumber, "“0.5 mg/kg”")]
    [InlineData("Take one hour before food.", "Tómelo una hora antes de comer.", RiskClass.DoseOrNumber, "“one hour”")]
    [InlineData("Mix it with a teaspoon of honey.", "Mézclelo con una cucharadita de miel.", RiskClass.DoseOrNumber, "“teaspoon”")]
    [InlineData("A normal reading is below 120/80.", "Una lectura normal es inferior a 120/80.", RiskClass.DoseOrNumber, "“120”")]
    [InlineData("Do not take more than 4 doses.", "No tome más de 4 dosis.", RiskClass.DoseOrNumber, "“4”")]
    [InlineData("Call 911 if you cannot breathe.", "Llame al 911 si no puede respirar.", RiskClass.DoseOrNumber, "“911”")]
    [InlineData("Take it with food.", "Tómelo con 2 comidas.", RiskClass.DoseOrNumber, "“2”")]
    [InlineData("Do not drive yourself home.", "No conduzca a casa.", RiskClass.Prohibition, "“Do not”")]
    [InlineData("You must not drink alcohol.", "No debe beber alcohol.", RiskClass.Prohibition, "“must not”")]
    [InlineData("Never share your medicine.", "Nunca comparta su medicamento.", RiskClass.Prohibition, "“Never”")]
    [InlineData("No smoking near the oxygen.", "Prohibido fumar cerca del oxígeno.", RiskClass.Prohibition, "“No smoking”")]
    [InlineData("Rest, and don't lift heavy things.", "Descanse y no levante cosas pesadas.", RiskClass.Prohibition, "“don't”")]
    [InlineData("Do not stop taking it suddenly.", "No deje de tomarlo de golpe.", RiskClass.Prohibition, "“Do not”")]
    [InlineData("Seek emergency care if your lips swell.", "Busque atención de urgencia si se le hinchan los labios.", RiskClass.Warning, "“Seek emergency”")]
    [InlineData("Stop taking it if you get a rash.", "Deje de tomarlo si le sale un sarpullido.", RiskClass.Warning, "“Stop taking”")]
    [InlineData("Warning: keep it away from children.", "Advertencia: manténgalo fuera del alcance de los niños.", RiskClass.Warning, "“Warning”")]
    [InlineData("It can cause a life-threatening reaction.", "Puede causar una reacción mortal.", RiskClass.Warning, "“life-threatening”")]
    [InlineData("Call your doctor if the pain gets worse.", "Llame a su médico si el dolor empeora.", RiskClass.Warning, "“Call your doctor”")]
    [InlineData("Migraine is a common condition.", "La migraña es una afección frecuente.", RiskClass.Plain, "no number, prohibition or warning")]
    [InlineData("This is not contagious.", "Esto no es contagioso.", RiskClass.Plain, "no number, prohibition or warning")]
    [InlineData("One of the nurses will help you.", "Una de las enfermeras le ayudará.", RiskClass.Plain, "no number, prohibition or warning")]
    [InlineData("It may last for hours.", "Puede durar horas.", RiskClass.Plain, "no number, prohibition or warning")]
    [InlineData("Drop by the clinic when you can.", "Pase por la clínica cuando pueda.", RiskClass.Plain, "no number, prohibition or warning")]
    public void A_segment_is_as_risky_as_the_worst_thing_it_holds(string source, string target, RiskClass expected, string because)
    {
        var risk = SegmentRisk.Classify(source, target, [], English, LanguagePacks.For("es"));

        Assert.Equal((expected, because), (risk.Class, risk.Because));
        Assert.Equal(expected is RiskClass.DoseOrNumber or RiskClass.Prohibition, risk.NeedsOneByOne);
    }

    [Theory]
    [InlineData("check:numbers", RiskClass.DoseOrNumber, "a finding of the numbers check")]
    [InlineData("check:units", RiskClass.DoseOrNumber, "a finding of the units check")]
    [InlineData("check:prohibition", RiskClass.Prohibition, "a finding of the prohibition check")]
    [InlineData("check:negation", RiskClass.Prohibition, "a finding of the negation check")]
    [InlineData("check:glossary", RiskClass.Plain, "no number, prohibition or warning")]
    [InlineData("engine:apertium", RiskClass.Plain, "no number, prohibition or warning")]
    public void A_finding_about_numbers_or_negation_makes_the_segment_risky_whatever_the_text(string origin, RiskClass expected, string because)
    {
        // The engine dropped the number or the "not": the text alone no longer shows it, the finding does.
        var notes = new[] { new SegmentNote(NoteOrigin.Parse(origin), NoteSeverity.Error, "something is wrong") };

        var risk = SegmentRisk.Classify("Rest at home.", "Descanse en casa.", notes, English, LanguagePacks.For("es"));

        Assert.Equal((expected, because), (risk.Class, risk.Because));
    }

    [Fact]
    public void The_highest_class_wins()
    {
        var risk = SegmentRisk.Classify("Warning: do not take more than 3 tablets.", "Advertencia: no tome más de 3 pastillas.", [], English, LanguagePacks.For("es"));

        Assert.Equal(RiskClass.DoseOrNumber, risk.Class);
        Assert.True(RiskClass.DoseOrNumber > RiskClass.Prohibition && RiskClass.Prohibition > RiskClass.Warning && RiskClass.Warning > RiskClass.Plain);
    }

    [Fact]
    public void Inline_codes_are_read_through_and_an_untranslated_segment_is_read_from_its_source()
    {
        Assert.Equal(RiskClass.Prohibition, SegmentRisk.Classify("Do <pc id=\"1\">not</pc> drive.", null, [], English, LanguagePacks.For("es")).Class);
        Assert.Equal(RiskClass.DoseOrNumber, SegmentRisk.Classify("Take <pc id=\"1\">20 mg</pc>.", "  ", [], English, LanguagePacks.For("es")).Class);
    }

    [Theory]
    [InlineData("dose-or-number", RiskClass.DoseOrNumber)]
    [InlineData("dose or number", RiskClass.DoseOrNumber)]
    [InlineData("DoseOrNumber", RiskClass.DoseOrNumber)]
    [InlineData("prohibition", RiskClass.Prohibition)]
    [InlineData("Warning", RiskClass.Warning)]
    [InlineData("plain", RiskClass.Plain)]
    [InlineData("3", null)]
    [InlineData("dose", null)]
    [InlineData("", null)]
    public void A_risk_class_is_named_by_its_label(string text, RiskClass? expected)
    {
        Assert.Equal(expected, SegmentRisk.Parse(text));
        if (expected is { } risk)
        {
            Assert.Equal(risk, SegmentRisk.Parse(SegmentRisk.LabelOf(risk)));
        }
    }
}
