using Localize.Core.Segments;
using Localize.Core.Translation;
using Localize.Engines.Pseudo;
using Localize.Engines.Shared;

namespace Localize.Engines.Tests;

public sealed class PseudoEngineSpec
{
    [Fact]
    public async Task Every_result_is_labelled_pseudo_and_keeps_codes_and_glossary_terms()
    {
        var translator = Translators.Create(new PseudoEngine(), doNotTranslate: ["Ketamine"]);
        var results = await translator.TranslateAsync(
            Translators.Request("pseudo", "en", ["qps-ploc", "es"], "Take <pc id=\"1\">Ketamine</pc> as told<ph id=\"2\"/>.", "Rest &amp; drink water."),
            TestContext.Current.CancellationToken);

        Assert.Equal(4, results.Count);
        Assert.True(translator.CheckAvailability("pseudo").IsPseudo);
        Assert.All(results, r =>
        {
            Assert.Null(r.Error);
            Assert.Contains(MachineTranslator.PseudoFlag, r.Flags);
            Assert.Equal("pseudo", r.EngineId);
        });
        var first = results.First(r => r.SegmentId == 1 && r.Locale == "qps-ploc");
        Assert.Empty(InlineMarkup.CompareCodes("Take <pc id=\"1\">Ketamine</pc> as told<ph id=\"2\"/>.", first.Text!));
        Assert.Contains("<pc id=\"1\">Ketamine</pc>", first.Text!, StringComparison.Ordinal);
        // Written by hand from the documented transformation, not asked of the code under test: a e i o u c n y s z
        // accented, the text bracketed [!! … !!], and no padding, since 30 % of its 14 letters is less than the brackets' 8.
        Assert.Equal("[!! Réšt &amp; dríñk wátér. !!]", results.First(r => r.SegmentId == 2).Text);
    }

    [Fact]
    public async Task A_longer_text_is_padded_to_about_a_third_more_with_a_neutral_mark()
    {
        var translator = Translators.Create(new PseudoEngine());
        var results = await translator.TranslateAsync(
            Translators.Request("pseudo", "en", ["qps-ploc"], "Rest and drink plenty of water every day."),
            TestContext.Current.CancellationToken);

        // 33 letters: 30 % is 9.9, rounded up to 10, of which the brackets give 8; two middle dots give the rest.
        Assert.Equal("[!! Réšt áñd dríñk pléñtý óf wátér évérý dáý. ·· !!]", Assert.Single(results).Text);
    }

    [Fact]
    public async Task A_segment_with_malformed_source_codes_fails_alone()
    {
        var translator = Translators.Create(new PseudoEngine());
        var results = await translator.TranslateAsync(
            Translators.Request("pseudo", "en", ["qps-ploc"], "Broken <pc id=\"1\">link", "Fine."),
            TestContext.Current.CancellationToken);

        Assert.Contains("malformed", results[0].Error, StringComparison.Ordinal);
        Assert.Null(results[0].Text);
        Assert.Null(results[1].Error);
    }

    [Fact]
    public async Task An_unknown_engine_answers_every_segment_with_an_error()
    {
        var translator = Translators.Create(new PseudoEngine());
        var results = await translator.TranslateAsync(
            Translators.Request("deepl", "en", ["es", "fr"], "One.", "Two."),
            TestContext.Current.CancellationToken);

        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Contains("not available", r.Error, StringComparison.Ordinal));
    }
}
