using Localize.Core.Segmentation;

namespace Localize.Core.Tests.Segmentation;

/// <summary>The shipped SRX rules, as a table of (language, text, expected sentences).</summary>
public sealed class SentenceSegmenterTests
{
    public static TheoryData<string, string, string[]> Sentences() => new()
    {
        { "en", "Drink water. Rest well.", ["Drink water.", "Rest well."] },
        { "en", "Is it serious? Call us! We answer.", ["Is it serious?", "Call us!", "We answer."] },
        { "en", "Dr. Smith will see you.", ["Dr. Smith will see you."] },
        { "en", "Take a painkiller, e.g. Paracetamol, i.e. Tylenol.", ["Take a painkiller, e.g. Paracetamol, i.e. Tylenol."] },
        { "en", "Aspirin vs. Ibuprofen. Both help.", ["Aspirin vs. Ibuprofen.", "Both help."] },
        { "en", "Take 500 mg. Twice a day is enough.", ["Take 500 mg. Twice a day is enough."] },
        { "en", "It lasts approx. 3 days. Then it fades.", ["It lasts approx. 3 days.", "Then it fades."] },
        { "en", "A fever is 38.5 °C or more. Measure it.", ["A fever is 38.5 °C or more.", "Measure it."] },
        { "en", "Give 1.5 ml. Wait an hour.", ["Give 1.5 ml. Wait an hour."] },
        { "en", "Wait... then try again. And again… Or not.", ["Wait... then try again.", "And again…", "Or not."] },
        { "en", "He said \"Stop.\" Then he left.", ["He said \"Stop.\"", "Then he left."] },
        { "en", "Read it (twice.) Then sleep.", ["Read it (twice.)", "Then sleep."] },
        { "en", "Ask J. R. Smith. He knows.", ["Ask J. R. Smith.", "He knows."] },
        { "en", "Version 2. 3 patients improved.", ["Version 2.", "3 patients improved."] },
        { "en", "Use it at 8 a.m. Every day.", ["Use it at 8 a.m. Every day."] },
        { "en", "1. Blocking the NMDA receptor", ["1. Blocking the NMDA receptor"] },
        { "en", "2. Rest. Then drink water.", ["2. Rest.", "Then drink water."] },
        { "en", "\uE0013.\uE002 Call your doctor.", ["\uE0013.\uE002 Call your doctor."] },
        { "es", "Beba agua. Descanse.", ["Beba agua.", "Descanse."] },
        { "es", "¿Es grave? ¡Llame ya! Le atendemos.", ["¿Es grave?", "¡Llame ya!", "Le atendemos."] },
        { "es", "El Sr. García y la Sra. López esperan.", ["El Sr. García y la Sra. López esperan."] },
        { "es", "Tome un analgésico, p. ej. Paracetamol. Luego descanse.", ["Tome un analgésico, p. ej. Paracetamol.", "Luego descanse."] },
        { "es", "Dura aprox. 3 días. La Dra. Ruiz lo confirma.", ["Dura aprox. 3 días.", "La Dra. Ruiz lo confirma."] },
        { "es", "La fiebre es de 38,5 °C o más. Mídala.", ["La fiebre es de 38,5 °C o más.", "Mídala."] },
        { "de", "Trinken Sie Wasser. Ruhen Sie sich aus.", ["Trinken Sie Wasser.", "Ruhen Sie sich aus."] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Splits_into_sentences(string language, string text, string[] expected)
    {
        var breaks = SrxRuleSet.Default.ForLanguage(language).FindBreaks(text);

        Assert.Equal(expected, Split(text, breaks));
    }

    [Fact]
    public void Never_breaks_inside_a_paired_code()
    {
        var open = SentenceSegmenter.OpenCode;
        var close = SentenceSegmenter.CloseCode;
        var text = $"Read {open}this. And this{close} now. {open}Bold.{close} End.";

        var sentences = Split(text, SrxRuleSet.Default.ForLanguage("en").FindBreaks(text));

        // Inside the code "this. And" is no break; after a closed code "Bold." is one.
        Assert.Equal([$"Read {open}this. And this{close} now.", $"{open}Bold.{close}", "End."], sentences);
    }

    [Fact]
    public void Rules_are_data_a_deployment_can_replace()
    {
        var rules = SrxRuleSet.Parse("""
            <srx xmlns="http://www.lisa.org/srx20" version="2.0">
              <header cascade="no"/>
              <body>
                <languagerules>
                  <languagerule languagerulename="Semicolons">
                    <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\s</afterbreak></rule>
                  </languagerule>
                </languagerules>
                <maprules><languagemap languagepattern=".*" languagerulename="Semicolons"/></maprules>
              </body>
            </srx>
            """);

        var text = "One; two. Three";

        Assert.Equal(["One;", "two. Three"], Split(text, rules.ForLanguage("en").FindBreaks(text)));
    }

    private static string[] Split(string text, IReadOnlyList<int> breaks)
    {
        var pieces = new List<string>();
        var from = 0;
        foreach (var at in breaks.Append(text.Length))
        {
            pieces.Add(text[from..at].Trim());
            from = at;
        }

        return [.. pieces];
    }
}
