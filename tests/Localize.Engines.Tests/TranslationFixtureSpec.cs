using Localize.Core.Translation;
using Localize.Engines.Azure;
using Localize.TranslatorEmulator;
using Microsoft.Extensions.Options;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;

namespace Localize.Engines.Tests;

/// <summary>
/// The emulator's fixture of real translations, through the Azure engine: what the fixture has comes back as written
/// (with its inline codes), in both directions; what it lacks is pseudo-translated; a malformed file is refused with
/// its name and the entry at fault.
/// </summary>
public sealed class TranslationFixtureSpec : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"fixture-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task The_fixture_answers_both_directions_and_the_rest_is_pseudo_translated()
    {
        File.WriteAllText(_path, """
            [
              { "source": "Do <span id=\"c1\">not</span> crush the tablets.", "locale": "fr", "target": "<span id=\"c1\">N'écrasez pas</span> les comprimés." },
              { "source": "Take 1 tablet.", "locale": "fr", "target": "Prenez 1 comprimé.", "note": "any other field is ignored" }
            ]
            """);
        await using var emulator = await Emulator.StartAsync(new TranslatorEmulatorOptions { Fixture = TranslationFixture.Load(_path) });
        var translator = Translators.Create(new AzureTranslatorEngine(Options.Create(new AzureTranslatorOptions { Key = emulator.Key, Endpoint = emulator.BaseAddress })));

        var forward = await translator.TranslateAsync(
            new MachineTranslationRequest("azure", "en", ["fr"], [new(1, "a", "Do <pc id=\"1\">not</pc> crush the tablets."), new(2, "a", "Drink water.")]),
            TestContext.Current.CancellationToken);
        var back = await translator.TranslateAsync(
            new MachineTranslationRequest("azure", "fr", ["en"], [new(3, "a", "Prenez 1 comprimé.")]), TestContext.Current.CancellationToken);

        Assert.Equal("<pc id=\"1\">N'écrasez pas</pc> les comprimés.", forward.Single(r => r.SegmentId == 1).Text);
        Assert.Equal(Emulator.Translate("Drink water.", "fr", html: true), forward.Single(r => r.SegmentId == 2).Text);
        Assert.Equal("Take 1 tablet.", back.Single().Text);
    }

    [Theory]
    [InlineData("""[{ "source": "Take 1 tablet.", "locale": "fr" }]""", "entry 1 has no \"target\" text")]
    [InlineData("""[{ "source": "a", "locale": "fr", "target": "b" }, { "source": "a", "locale": "fr", "target": "c" }]""", "entry 2 translates \"a\" into fr a second time")]
    [InlineData("""{ "fr": {} }""", "expected a JSON array")]
    [InlineData("""[{ "source": "a", """, "not valid JSON")]
    public void A_malformed_fixture_is_refused_naming_the_file_and_the_entry(string json, string expected)
    {
        File.WriteAllText(_path, json);

        var error = Assert.Throws<FormatException>(() => TranslationFixture.Load(_path));

        Assert.StartsWith(_path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
