using Localize.Core.Languages;

namespace Localize.Core.Tests.Checks;

public sealed class LanguagePacksTests
{
    [Theory]
    // locale, language, decimal separator, group separator
    [InlineData("en", "en", '.', ',')]
    [InlineData("en-GB", "en", '.', ',')]
    [InlineData("es", "es", ',', '.')]
    [InlineData("es-ES", "es", ',', '.')]
    [InlineData("es_MX", "es", '.', ',')]
    [InlineData("es-US", "es", '.', ',')]
    [InlineData("fr", "fr", ',', '\u202F')]
    public void A_locale_falls_back_to_its_language_with_its_own_number_format(string locale, string language, char decimalSeparator, char groupSeparator)
    {
        var profile = LanguagePacks.For(locale);

        Assert.Equal(language, profile.Language);
        Assert.Equal(decimalSeparator, profile.DecimalSeparator);
        // .NET's culture data decides for languages without a profile; ICU versions differ on the French space.
        if (profile.NumberWords.Count > 0)
        {
            Assert.Equal(groupSeparator, profile.GroupSeparator);
        }
    }

    public static TheoryData<string> Languages => ["en", "es"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_profile_has_every_table(string language)
    {
        var profile = LanguagePacks.For(language);

        Assert.All(Enumerable.Range(0, 21), n => Assert.Contains(profile.NumberWords.Values, w => w.Value == n && w.Kind == NumberWordKind.Cardinal));
        Assert.Contains(profile.NumberWords.Values, w => w.Kind == NumberWordKind.Multiplier);
        Assert.Contains(profile.NumberWords.Values, w => w.Value == 0.5m);
        Assert.NotEmpty(profile.HalfSuffixes);
        Assert.Contains(profile.Negation.Cues, c => c.Kind == NegationKind.Not && c.Strong);
        Assert.Contains(profile.Negation.Cues, c => c.Kind == NegationKind.Stop);
        Assert.Contains(profile.Negation.Cues, c => c.Kind == NegationKind.Limit);
        Assert.True(profile.FunctionWords.Count >= 50);
        Assert.NotEmpty(profile.PluralSuffixes);
        // Every unit a patient text doses or times with has a spelling in the language.
        string[] units = ["mg", "mcg", "g", "kg", "mL", "L", "%", "°C", "°F", "min", "h", "day", "week", "month", "year", "tsp", "tbsp", "IU"];
        Assert.All(units, u => Assert.Contains(profile.UnitForms, f => f.UnitId == u));
    }
}
