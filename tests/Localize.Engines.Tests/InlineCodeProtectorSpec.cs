using Localize.Core.Translation;
using Localize.Engines.Protection;

namespace Localize.Engines.Tests;

/// <summary>How codes and glossary terms travel through each engine's markup, and what counts as broken on return.</summary>
public sealed class InlineCodeProtectorSpec
{
    private static readonly string[] _glossary = ["Ketamine", "NHS 111"];

    [Theory]
    [InlineData(EngineMarkup.HtmlPaired, "See <pc id=\"1\">side effects</pc>.", "See <span id=\"c1\">side effects</span>.")]
    [InlineData(EngineMarkup.HtmlIsolated, "See <pc id=\"1\">side effects</pc>.", "See <x id=\"o1\"/>side effects<x id=\"c1\"/>.")]
    [InlineData(EngineMarkup.InlineMarkup, "See <pc id=\"1\">side effects</pc>.", "See <pc id=\"1\">side effects</pc>.")]
    [InlineData(EngineMarkup.HtmlPaired, "Call<ph id=\"2\"/> NHS 111 &amp; rest", "Call<x id=\"p2\"/> <span translate=\"no\" id=\"t1\">NHS 111</span> &amp; rest")]
    [InlineData(EngineMarkup.HtmlIsolated, "ketamine, not Ketamines", "<x id=\"t1\"/>, not Ketamines")]
    [InlineData(EngineMarkup.InlineMarkup, "Take Ketamine.", "Take <ph id=\"1000001\"/>.")]
    public void Protect_writes_codes_and_glossary_terms_in_the_engine_markup(EngineMarkup markup, string source, string expected)
    {
        Assert.Equal(expected, InlineCodeProtector.Protect(source, _glossary, markup).EngineInput);
    }

    [Theory]
    // What engines really send back: Apertium's <x></x>, Azure keeping spans, numeric entities, a leading space.
    [InlineData(EngineMarkup.HtmlIsolated, "See <pc id=\"1\">side effects</pc>.", " Ve <x id=\"o1\"></x>efectos secundarios<x id=\"c1\"></x>.", "Ve <pc id=\"1\">efectos secundarios</pc>.")]
    [InlineData(EngineMarkup.HtmlPaired, "Call<ph id=\"2\"/> NHS 111", "Llame<x id=\"p2\"/> <span translate=\"no\" id=\"t1\">NHS 111</span>", "Llame<ph id=\"2\"/> NHS 111")]
    [InlineData(EngineMarkup.HtmlPaired, "Ketamine &amp; you", "<span translate=\"no\" id=\"t1\">ketamina</span> &#38; t&uacute;", "Ketamine &amp; tú")]
    public void Restore_reads_engine_output_back_into_inline_markup(EngineMarkup markup, string source, string output, string expected)
    {
        var protectedText = InlineCodeProtector.Protect(source, _glossary, markup);
        var restored = InlineCodeProtector.Restore(source, output, protectedText, markup);
        Assert.Empty(restored.Problems);
        Assert.Equal(expected, restored.Text);
    }

    [Theory]
    // Apertium splitting a link (apertium.md): the same paired code twice.
    [InlineData(EngineMarkup.HtmlIsolated, "See <pc id=\"1\">side effects</pc>.", "Ve <x id=\"o1\"></x>efectos<x id=\"c1\"></x> de <x id=\"o1\"></x>lado<x id=\"c1\"></x>.", "appears 2 times")]
    [InlineData(EngineMarkup.HtmlIsolated, "See <pc id=\"1\">side effects</pc>.", "Ve efectos secundarios.", "missing")]
    [InlineData(EngineMarkup.HtmlIsolated, "<pc id=\"1\">a <pc id=\"2\">b</pc></pc>", "<x id=\"o1\"/>a <x id=\"o2\"/>b<x id=\"c1\"/><x id=\"c2\"/>", "closed out of order")]
    [InlineData(EngineMarkup.HtmlPaired, "Take Ketamine.", "Tome.", "'Ketamine' was lost")]
    [InlineData(EngineMarkup.HtmlPaired, "Rest.", "<b>Descanse</b>.", "not ours")]
    [InlineData(EngineMarkup.HtmlPaired, "Rest<ph id=\"1\"/>.", "Descanse<x id=\"p1\"/><x id=\"p7\"/>.", "placeholder 7 is not in the source")]
    [InlineData(EngineMarkup.InlineMarkup, "Take Ketamine.", "[Táké <ph id=\"1000001\"/><ph id=\"1000001\"/>]", "appears 2 times")]
    public void Restore_refuses_output_whose_codes_or_terms_were_damaged(EngineMarkup markup, string source, string output, string problem)
    {
        var protectedText = InlineCodeProtector.Protect(source, _glossary, markup);
        var restored = InlineCodeProtector.Restore(source, output, protectedText, markup);
        Assert.Null(restored.Text);
        Assert.Contains(restored.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    // Azure's dynamic dictionary; Apertium an isolated element we fill in; pseudo places no term. The source's case decides.
    [InlineData(EngineMarkup.HtmlPaired, "Ketamine &amp; infusions", "<mstrans:dictionary translation=\"Ketamina\">Ketamine</mstrans:dictionary> &amp; infusions", "Ketamina &amp; infusiones", "Ketamina &amp; infusiones")]
    [InlineData(EngineMarkup.HtmlIsolated, "Take <pc id=\"1\">ketamine</pc>.", "Take <x id=\"o1\"/><x id=\"g1\" data-term=\"ketamina\"/><x id=\"c1\"/>.", "Tome <x id=\"o1\"></x><x id=\"g1\" data-term=\"ketamina\"></x><x id=\"c1\"></x>.", "Tome <pc id=\"1\">ketamina</pc>.")]
    [InlineData(EngineMarkup.InlineMarkup, "Take ketamine.", "Take ketamine.", "[Táké kétàmïné.]", "[Táké kétàmïné.]")]
    public void Preferred_glossary_terms_travel_by_each_engines_own_means(EngineMarkup markup, string source, string input, string output, string expected)
    {
        var protectedText = InlineCodeProtector.Protect(source, [], [new TermTranslation("ketamine", "ketamina")], markup);
        Assert.Equal(input, protectedText.EngineInput);

        var restored = InlineCodeProtector.Restore(source, output, protectedText, markup);

        Assert.Equal(expected, restored.Text);
        Assert.Equal(markup == EngineMarkup.InlineMarkup ? 0 : 1, restored.EnforcedTerms.Count);
    }

    [Fact]
    public void A_glossary_term_Apertium_lost_makes_the_output_broken()
    {
        var protectedText = InlineCodeProtector.Protect("Take ketamine.", [], [new TermTranslation("ketamine", "ketamina")], EngineMarkup.HtmlIsolated);

        var restored = InlineCodeProtector.Restore("Take ketamine.", "Tome.", protectedText, EngineMarkup.HtmlIsolated);

        Assert.Null(restored.Text);
        Assert.Contains("glossary term 'ketamine' was lost", restored.Problems);
    }
}
