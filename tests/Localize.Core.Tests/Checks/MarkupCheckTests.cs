namespace Localize.Core.Tests.Checks;

public sealed class MarkupCheckTests
{
    [Theory]
    // Markdown inline source, target, expected finding (null: none)
    [InlineData("See [the guide](https://a.example/g \"Guide\").", "Vea [la guía](https://a.example/g \"Guía\").", null)]
    [InlineData("**Warning:** call *now*.", "**Advertencia:** llame *ahora*.", null)]
    [InlineData("Use `--dose` and ![chart](c.png).", "Use `--dose` y ![gráfico](c.png).", null)]
    [InlineData("Line one  \nline two", "Línea uno  \nlínea dos", null)]
    [InlineData("Press <kbd>Enter</kbd>.", "Pulse <kbd>Enter</kbd>.", null)]
    [InlineData("Write to help@example.org.", "Escriba a help@example.org.", null)]
    [InlineData("Use 5 \\* 2 tablets.", "Use 5 \\* 2 tabletas.", null)]
    [InlineData("See [the guide](https://a.example/g).", "Vea la guía.", "link to https://a.example/g is missing")]
    [InlineData("See [the guide](https://a.example/g).", "Vea [la guía](https://a.example/g) y [más](https://a.example/g).", "link to https://a.example/g is in the target but not in the source")]
    [InlineData("**Warning:** call.", "Advertencia: llame.", "strong is missing")]
    [InlineData("Call.", "Llame <img src=x onerror=alert(1)>.", "raw HTML <img src=x onerror=alert(1)>")]
    [InlineData("Press <kbd>Enter</kbd>.", "Pulse Enter.", "HTML <kbd> is missing")]
    [InlineData("Use ![chart](c.png).", "Use ![gráfico](grafico.png).", "image c.png is missing")]
    [InlineData("Write to help@example.org.", "Escriba a ayuda@example.org.", "address help@example.org is missing")]
    public void Markdown_markup_is_kept(string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("markup", source, target), expected);

    [Theory]
    // tagged source, target, expected finding (null: none)
    [InlineData("See <pc id=\"1\">this</pc> and <ph id=\"2\"/>.", "Vea <ph id=\"2\"/> y <pc id=\"1\">esto</pc>.", null)]
    [InlineData("Keep &lt;5 mg.", "Mantenga &lt;5 mg.", null)]
    [InlineData("See <pc id=\"1\">this</pc>.", "Vea esto.", "paired code 1 is missing")]
    [InlineData("See this.", "Vea <ph id=\"3\"/>esto.", "placeholder 3 is not in the source")]
    [InlineData("See <pc id=\"1\">this</pc>.", "Vea <pc id=\"1\">esto.", "malformed inline codes")]
    [InlineData("See this.", "Vea &lt;script&gt;alert()&lt;/script&gt; esto.", "raw HTML <script>")]
    [InlineData("See this.", "Vea [esto](https://evil.example).", "link to https://evil.example is in the target")]
    public void Tagged_codes_are_kept_and_no_markup_leaks_into_text(string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("markup", source, target, tagged: true), expected);
}
