using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace Localize.Core.Checks.Languages;

/// <summary>
/// Finds the profile for a locale with Humanizer-style fallback: es-MX → es with Mexico's number format → a bare
/// profile built from .NET's culture data, so an unknown language still gets number checks but no word rules.
/// </summary>
public static class LanguageProfiles
{
    private static readonly FrozenDictionary<string, LanguageProfile> _byLanguage =
        new[] { English.Profile, Spanish.Profile }.ToFrozenDictionary(p => p.Language, StringComparer.OrdinalIgnoreCase);

    // Locales whose number format differs from their language's default: Mexico, the US and most of Latin America
    // write 1,000.5 in Spanish, as in English.
    private static readonly FrozenDictionary<string, (char Decimal, char Group)> _numberFormatByLocale =
        new Dictionary<string, (char, char)>(StringComparer.OrdinalIgnoreCase)
        {
            ["es-MX"] = ('.', ','),
            ["es-US"] = ('.', ','),
            ["es-419"] = ('.', ','),
            ["es-GT"] = ('.', ','),
            ["es-DO"] = ('.', ','),
            ["es-PR"] = ('.', ','),
            ["es-PA"] = ('.', ','),
            ["es-HN"] = ('.', ','),
            ["es-NI"] = ('.', ','),
            ["es-SV"] = ('.', ','),
            ["en-ZA"] = (',', '\u00A0'),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<string, LanguageProfile> _cache = new(StringComparer.OrdinalIgnoreCase);

    public static LanguageProfile For(string locale) => _cache.GetOrAdd(locale, Resolve);

    private static LanguageProfile Resolve(string locale)
    {
        var normalized = locale.Replace('_', '-').Trim();
        var language = normalized.Split('-')[0];
        if (_byLanguage.TryGetValue(language, out var profile))
        {
            return _numberFormatByLocale.TryGetValue(normalized, out var format)
                ? profile with { DecimalSeparator = format.Decimal, GroupSeparator = format.Group }
                : profile;
        }

        return FromCulture(normalized, language);
    }

    private static LanguageProfile FromCulture(string locale, string language)
    {
        try
        {
            var format = CultureInfo.GetCultureInfo(locale).NumberFormat;
            var decimalSeparator = format.NumberDecimalSeparator.Length == 1 ? format.NumberDecimalSeparator[0] : '.';
            var groupSeparator = format.NumberGroupSeparator.Length == 1 ? format.NumberGroupSeparator[0] : ',';
            return new LanguageProfile
            {
                Language = language.ToLowerInvariant(),
                DecimalSeparator = decimalSeparator,
                GroupSeparator = groupSeparator,
                UnitForms = [],
            };
        }
        catch (CultureNotFoundException)
        {
            return new LanguageProfile { Language = language.ToLowerInvariant() };
        }
    }
}
