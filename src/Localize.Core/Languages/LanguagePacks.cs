using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace Localize.Core.Languages;

/// <summary>
/// The registered language packs, and the lookup every other part of Localize uses: with Humanizer-style fallback,
/// es-MX → es (with Mexico's number format) and zh-TW → zh-Hant, zh → zh-Hans, then a bare pack built from .NET's culture
/// data (separators, direction, name), which raises only the findings it can justify.
/// </summary>
public static class LanguagePacks
{
    /// <summary>Every registered pack; adding a language is one folder and one line here.</summary>
    public static IReadOnlyList<LanguagePack> All { get; } = Complete(
    [
        EnglishPack.Pack,
        SpanishPack.Pack,
        FrenchPack.Pack,
        PortuguesePack.Pack,
        ItalianPack.Pack,
        GermanPack.Pack,
        PolishPack.Pack,
        RussianPack.Pack,
        VietnamesePack.Pack,
        TagalogPack.Pack,
        HaitianCreolePack.Pack,
        ChinesePacks.Simplified,
        ChinesePacks.Traditional,
        JapanesePack.Pack,
        KoreanPack.Pack,
        ArabicPack.Pack,
        PersianPack.Pack,
    ]);

    private static readonly FrozenDictionary<string, LanguagePack> _byTag =
        All.ToFrozenDictionary(p => p.Language, StringComparer.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<string, LanguagePack> _cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The pack for a locale ("es-MX", "zh_TW", "sw"); never null.</summary>
    public static LanguagePack For(string locale) => _cache.GetOrAdd(locale, Resolve);

    private static LanguagePack Resolve(string locale)
    {
        var normalized = locale.Replace('_', '-').Trim();
        var culture = Culture(normalized);
        foreach (var tag in Chain(normalized, culture))
        {
            if (_byTag.TryGetValue(tag, out var pack))
            {
                return ForRegion(pack, normalized, culture);
            }
        }

        return Bare(normalized, culture);
    }

    // The locale itself, its .NET parents (zh-TW → zh-Hant → zh) and its first subtag.
    private static IEnumerable<string> Chain(string locale, CultureInfo? culture)
    {
        yield return locale;
        for (var c = culture; c is not null && c.Name.Length > 0; c = c.Parent)
        {
            yield return c.Name;
        }

        // A bare language takes its usual script and region: zh → zh-CN → zh-Hans.
        if (culture is { IsNeutralCulture: true })
        {
            CultureInfo? specific = null;
            try
            {
                specific = CultureInfo.CreateSpecificCulture(culture.Name);
            }
            catch (CultureNotFoundException)
            {
            }

            for (var c = specific; c is not null && c.Name.Length > 0; c = c.Parent)
            {
                yield return c.Name;
            }
        }

        yield return locale.Split('-')[0];
    }

    private static LanguagePack ForRegion(LanguagePack pack, string locale, CultureInfo? culture)
    {
        var region = culture is { IsNeutralCulture: false } ? locale.Split('-')[^1] : string.Empty;
        var localized = pack with { Locale = locale };
        return pack.RegionalNumberFormats.TryGetValue(region, out var format)
            ? localized with { DecimalSeparator = format.Decimal, GroupSeparator = format.Group }
            : localized;
    }

    private static LanguagePack Bare(string locale, CultureInfo? culture)
    {
        var language = locale.Split('-')[0].ToLowerInvariant();
        if (culture is null)
        {
            return new LanguagePack { Language = language, Name = locale, Locale = locale, IsBare = true, Punctuation = Punctuation.Universal };
        }

        var format = culture.NumberFormat;
        var neutral = culture.IsNeutralCulture || culture.Parent.Name.Length == 0 ? culture : culture.Parent;
        return new LanguagePack
        {
            Language = language,
            Name = neutral.EnglishName,
            Locale = locale,
            IsBare = true,
            ThreeLetterCode = culture.ThreeLetterISOLanguageName,
            Direction = culture.TextInfo.IsRightToLeft ? TextDirection.RightToLeft : TextDirection.LeftToRight,
            DecimalSeparator = format.NumberDecimalSeparator.Length == 1 ? format.NumberDecimalSeparator[0] : '.',
            GroupSeparator = format.NumberGroupSeparator.Length == 1 ? format.NumberGroupSeparator[0] : ',',
            Punctuation = Punctuation.Universal,
        };
    }

    // What .NET's culture data knows need not be written in a pack: its English name, ISO 639-3 code and direction.
    private static List<LanguagePack> Complete(LanguagePack[] packs) =>
        packs.Select(pack => Culture(pack.Language) is { } culture
                ? pack with
                {
                    Locale = pack.Language,
                    Name = pack.Name.Length > 0 ? pack.Name : culture.EnglishName,
                    ThreeLetterCode = pack.ThreeLetterCode.Length > 0 ? pack.ThreeLetterCode : culture.ThreeLetterISOLanguageName,
                    Direction = culture.TextInfo.IsRightToLeft ? TextDirection.RightToLeft : pack.Direction,
                }
                : pack with { Locale = pack.Language })
            .ToList();

    private static CultureInfo? Culture(string locale)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
            return culture.Name.Length == 0 ? null : culture;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
