using System.Collections.Concurrent;
using System.Globalization;

namespace Localize.Core.Languages;

/// <summary>
/// The registered language packs, and the lookup every other part of Localize uses: with Humanizer-style fallback,
/// es-MX → es (with Mexico's number format) and zh-TW → zh-Hant, zh → zh-Hans, then a bare pack built from .NET's culture
/// data (separators, direction, name), which raises only the findings it can justify.
/// </summary>
public static class LanguagePacks
{
    // Every registered pack by the tag it is found by; adding a language is one folder and one line here. A pack is
    // built the first time it is asked for: a short command needs one or two (`localize roundtrip` only its source
    // language's sentence rules), and building all of them took ~40 ms of every command's start-up.
    private static readonly (string Language, Func<LanguagePack> Build)[] _registered =
    [
        ("en", () => EnglishPack.Pack),
        ("es", () => SpanishPack.Pack),
        ("fr", () => FrenchPack.Pack),
        ("pt", () => PortuguesePack.Pack),
        ("it", () => ItalianPack.Pack),
        ("de", () => GermanPack.Pack),
        ("pl", () => PolishPack.Pack),
        ("ru", () => RussianPack.Pack),
        ("vi", () => VietnamesePack.Pack),
        ("tl", () => TagalogPack.Pack),
        ("ht", () => HaitianCreolePack.Pack),
        ("zh-Hans", () => ChinesePacks.Simplified),
        ("zh-Hant", () => ChinesePacks.Traditional),
        ("ja", () => JapanesePack.Pack),
        ("ko", () => KoreanPack.Pack),
        ("ar", () => ArabicPack.Pack),
        ("fa", () => PersianPack.Pack),
    ];

    private static readonly Dictionary<string, Lazy<LanguagePack>> _byTag = _registered.ToDictionary(
        r => r.Language,
        r => new Lazy<LanguagePack>(() => Complete(r.Build(), r.Language)),
        StringComparer.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<string, LanguagePack> _cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tags of the registered packs, in registration order; no pack is built to list them.</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. _registered.Select(r => r.Language)];

    /// <summary>Every registered pack, in registration order (builds each that was not built yet).</summary>
    public static IReadOnlyList<LanguagePack> All => [.. _registered.Select(r => _byTag[r.Language].Value)];

    /// <summary>The pack for a locale ("es-MX", "zh_TW", "sw"); never null.</summary>
    public static LanguagePack For(string locale) => _cache.GetOrAdd(locale, Resolve);

    private static LanguagePack Resolve(string locale)
    {
        var normalized = locale.Replace('_', '-').Trim();
        var culture = Culture(normalized);
        foreach (var tag in Chain(normalized, culture))
        {
            if (_byTag.TryGetValue(tag, out var registered))
            {
                return ForRegion(registered.Value, normalized, culture);
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
    private static LanguagePack Complete(LanguagePack pack, string registeredAs)
    {
        if (!string.Equals(pack.Language, registeredAs, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"language pack '{pack.Language}' is registered as '{registeredAs}'");
        }

        return Culture(pack.Language) is { } culture
            ? pack with
            {
                Locale = pack.Language,
                Name = pack.Name.Length > 0 ? pack.Name : culture.EnglishName,
                ThreeLetterCode = pack.ThreeLetterCode.Length > 0 ? pack.ThreeLetterCode : culture.ThreeLetterISOLanguageName,
                Direction = culture.TextInfo.IsRightToLeft ? TextDirection.RightToLeft : pack.Direction,
            }
            : pack with { Locale = pack.Language };
    }

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
