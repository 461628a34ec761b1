using System.Text.RegularExpressions;
using Localize.Core.Checks;
using Localize.Core.Languages;
using Localize.Core.Readability;

namespace Localize.Core.Tests.Checks;

public sealed class LanguagePacksTests
{
    [Theory]
    // locale, pack, decimal separator, group separator
    [InlineData("en", "en", '.', ',')]
    [InlineData("en-GB", "en", '.', ',')]
    [InlineData("es", "es", ',', '.')]
    [InlineData("es-ES", "es", ',', '.')]
    [InlineData("es_MX", "es", '.', ',')]
    [InlineData("es-US", "es", '.', ',')]
    [InlineData("fr", "fr", ',', '\u202F')]
    [InlineData("fr-CA", "fr", ',', '\u202F')]
    [InlineData("pt-BR", "pt", ',', '.')]
    [InlineData("zh", "zh-Hans", '.', ',')]
    [InlineData("zh-CN", "zh-Hans", '.', ',')]
    [InlineData("zh-TW", "zh-Hant", '.', ',')]
    [InlineData("zh-Hant", "zh-Hant", '.', ',')]
    [InlineData("ar-EG", "ar", '.', ',')]
    public void A_locale_falls_back_to_its_language_with_its_own_number_format(string locale, string pack, char decimalSeparator, char groupSeparator)
    {
        var found = LanguagePacks.For(locale);

        Assert.Equal(pack, found.Language);
        Assert.False(found.IsBare);
        Assert.Equal(decimalSeparator, found.DecimalSeparator);
        Assert.Equal(groupSeparator, found.GroupSeparator);
    }

    [Theory]
    [InlineData("ar", TextDirection.RightToLeft)]
    [InlineData("fa", TextDirection.RightToLeft)]
    [InlineData("he", TextDirection.RightToLeft)]
    [InlineData("ur", TextDirection.RightToLeft)]
    [InlineData("zh-Hans", TextDirection.LeftToRight)]
    [InlineData("es", TextDirection.LeftToRight)]
    public void Every_locale_knows_its_script_direction(string locale, TextDirection direction) =>
        Assert.Equal(direction, LanguagePacks.For(locale).Direction);

    [Theory]
    [InlineData("es-MX", "spa")]
    [InlineData("en", "eng")]
    [InlineData("ca", "cat")]
    [InlineData("fr", "fra")]
    public void Engines_get_the_ISO_639_3_code_from_the_pack(string locale, string code) =>
        Assert.Equal(code, LanguagePacks.For(locale).ThreeLetterCode);

    [Fact]
    public void A_language_without_a_pack_gets_a_bare_pack_that_says_what_it_does_not_check()
    {
        var swahili = LanguagePacks.For("sw");

        Assert.True(swahili.IsBare);
        Assert.Equal("Swahili", swahili.Name);
        Assert.Contains("negation and prohibitions are not checked", swahili.NotChecked);
        Assert.Contains("no language pack for Swahili", swahili.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_a_pack_raises_no_negation_error_but_still_checks_numbers()
    {
        var checker = new QualityChecker();

        var correct = checker.RunMarkdown(new SegmentPair("en", "sw", "Do not take more than 2 tablets.", "Usinywe zaidi ya vidonge 2."));
        var wrongNumber = checker.RunMarkdown(new SegmentPair("en", "sw", "Do not take more than 2 tablets.", "Usinywe zaidi ya vidonge 3."));

        Assert.DoesNotContain(correct, f => f.Severity == Severity.Error);
        Assert.Contains(wrongNumber, f => f.CheckId == "numbers" && f.Severity == Severity.Error);
    }

    [Theory]
    // language, deciding formula (null: none validated)
    [InlineData("en", "Flesch–Kincaid grade")]
    [InlineData("es", "INFLESZ (Szigriszt-Pazos)")]
    [InlineData("fr", "Kandel–Moles")]
    [InlineData("pt-BR", "Flesch (Martins et al., Portuguese)")]
    [InlineData("ru", "Oborneva (Flesch for Russian)")]
    [InlineData("de", "Amstad (Flesch for German)")]
    [InlineData("it", "Gulpease")]
    [InlineData("zh-Hans", null)]
    [InlineData("ar", null)]
    public void Readability_uses_the_published_formula_or_says_there_is_none(string language, string? formula)
    {
        var pack = LanguagePacks.For(language);
        var score = new ReadabilityScorer().Score("Texto. Text. Текст.", language);

        Assert.Equal(formula, pack.Readability?.Deciding.Name);
        if (formula is null)
        {
            Assert.Equal(ReadabilityVerdict.NotScored, score.Verdict);
            Assert.Equal($"no validated formula for {pack.Name}", score.Band);
        }
    }

    [Theory]
    [InlineData("Prenez deux comprimés par jour.", "fr", 8)]
    [InlineData("Принимайте по две таблетки.", "ru", 9)]
    public void Syllables_follow_the_pack(string text, string language, int syllables) =>
        Assert.Equal(syllables, ReadabilityScorer.Count([text], language).Syllables);

    [Fact]
    public void Chinese_sentences_end_at_their_full_stop_without_a_space()
    {
        Assert.Equal(3, ReadabilityScorer.Count(["请勿驾驶。每日两次！您过敏吗？"], "zh-Hans").Sentences);
        Assert.Equal([5, 10], Localize.Core.Segmentation.SrxRuleSet.Default.ForLanguage("zh-Hans").FindBreaks("请勿驾驶。每日两次。好的"));
    }

    public static TheoryData<string> Languages => [.. LanguagePacks.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_pack_has_negation_units_and_a_length(string language)
    {
        var pack = LanguagePacks.For(language);

        Assert.False(pack.Negation.IsEmpty);
        Assert.Contains(pack.Negation.Cues, c => c.Kind == NegationKind.Not && c.Strong);
        Assert.Contains(pack.Negation.Cues, c => c.Kind == NegationKind.Stop);
        Assert.NotNull(pack.LengthFactor);
        Assert.NotEmpty(pack.Name);
        // Every unit a patient text doses or times with has a spelling in the language or is a universal symbol.
        string[] units = ["mg", "mL", "h", "day", "week"];
        Assert.All(units, u => Assert.Contains(pack.UnitForms.Concat(Units.Symbols), f => f.UnitId == u));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_pack_s_prohibition_patterns_are_valid_compiled_regular_expressions(string language)
    {
        var prohibition = LanguagePacks.For(language).Prohibition;

        // Counting needs no compiling (whether a pack reads targets); enumerating compiles, and a pattern that is not a
        // regular expression fails here rather than in the first check of a worker that translates into the language.
        Assert.Equal(prohibition.Forbidding.Count, prohibition.Forbidding.Count(p => p.Options.HasFlag(RegexOptions.Compiled)));
        Assert.Equal(prohibition.Stating.Count, prohibition.Stating.Count(p => p.Options.HasFlag(RegexOptions.IgnoreCase)));
    }

    [Fact]
    public void Every_registered_language_finds_the_pack_that_declares_it()
    {
        // Registered by tag so that only the packs asked for are built; a tag that is not its pack's own would send
        // every locale of that language to the wrong word lists.
        Assert.Equal(LanguagePacks.Languages, LanguagePacks.All.Select(p => p.Language));
        Assert.All(LanguagePacks.Languages, language => Assert.Same(LanguagePacks.All.Single(p => p.Language == language).Negation, LanguagePacks.For(language).Negation));
        Assert.Equal(LanguagePacks.Languages.Count, LanguagePacks.Languages.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void English_and_Spanish_have_every_table(string language)
    {
        var pack = LanguagePacks.For(language);

        Assert.All(Enumerable.Range(0, 21), n => Assert.Contains(pack.NumberWords.Values, w => w.Value == n && w.Kind == NumberWordKind.Cardinal));
        Assert.Contains(pack.NumberWords.Values, w => w.Kind == NumberWordKind.Multiplier);
        Assert.Contains(pack.NumberWords.Values, w => w.Value == 0.5m);
        Assert.NotEmpty(pack.HalfSuffixes);
        Assert.Contains(pack.Negation.Cues, c => c.Kind == NegationKind.Limit);
        Assert.True(pack.FunctionWords.Count >= 50);
        Assert.NotEmpty(pack.PluralSuffixes);
        string[] units = ["mg", "mcg", "g", "kg", "mL", "L", "%", "°C", "°F", "min", "h", "day", "week", "month", "year", "tsp", "tbsp", "IU"];
        Assert.All(units, u => Assert.Contains(pack.UnitForms, f => f.UnitId == u));
    }
}
