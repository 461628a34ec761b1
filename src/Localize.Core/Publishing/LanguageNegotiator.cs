using System.Globalization;

namespace Localize.Core.Publishing;

/// <summary>
/// Chooses the locale a reader gets from the locales an article is available in, given their <c>Accept-Language</c>
/// (RFC 9110 q-values, <c>*</c>, <c>q=0</c> meaning "not this one") and an optional explicit choice (<c>?lang=</c>).
/// Each range the reader names, best first, tries: itself, its configured fallbacks (e.g. <c>ca → es</c>), its
/// truncations (<c>es-MX → es</c>, RFC 4647 lookup) and then any available region of it (<c>es → es-MX</c>); only when
/// no range the reader named is available does it take the default chain (e.g. <c>en</c>). Something is always
/// chosen: a page in the default language helps a reader more than a 406.
/// </summary>
public sealed class LanguageNegotiator
{
    private readonly Dictionary<string, string[]> _fallbacks;
    private readonly string[] _defaultChain;

    public LanguageNegotiator(IReadOnlyDictionary<string, string[]> fallbacks, IReadOnlyList<string> defaultChain)
    {
        _fallbacks = new Dictionary<string, string[]>(fallbacks, StringComparer.OrdinalIgnoreCase);
        _defaultChain = [.. defaultChain];
    }

    /// <param name="available">Non-empty; the order is the tie-breaker of last resort.</param>
    public string Choose(string? acceptLanguage, IReadOnlyList<string> available, string? explicitChoice = null)
    {
        var ranges = Parse(acceptLanguage);
        if (!string.IsNullOrWhiteSpace(explicitChoice))
        {
            ranges.Insert(0, new LanguageRange(explicitChoice.Trim(), 2.0));
        }

        var excluded = ranges.Where(r => r.Quality <= 0).Select(r => r.Tag).ToArray();
        var wildcardExcluded = excluded.Contains("*");
        var preferred = ranges.Where(r => r.Quality > 0).OrderByDescending(r => r.Quality).ToArray();
        foreach (var range in preferred)
        {
            if (range.Tag == "*")
            {
                // Any language the reader did not refuse, ours in our default order.
                if (FirstAllowed(_defaultChain.Concat(available), available, excluded, wildcardExcluded: false) is { } any)
                {
                    return any;
                }

                continue;
            }

            foreach (var candidate in Candidates(range.Tag, available))
            {
                if (!IsExcluded(candidate, excluded, wildcardExcluded, explicitlyNamed: true))
                {
                    return candidate;
                }
            }
        }

        return FirstAllowed(_defaultChain.Concat(available), available, excluded, wildcardExcluded)
            ?? FirstAvailable(_defaultChain, available)
            ?? available[0];
    }

    private IEnumerable<string> Candidates(string tag, IReadOnlyList<string> available)
    {
        for (var prefix = tag; prefix.Length > 0; prefix = Truncate(prefix))
        {
            if (Find(prefix, available) is { } exact)
            {
                yield return exact;
            }

            if (_fallbacks.TryGetValue(prefix, out var fallbacks))
            {
                foreach (var fallback in fallbacks)
                {
                    if (Find(fallback, available) is { } configured)
                    {
                        yield return configured;
                    }
                }
            }
        }

        var language = tag.Split('-')[0];
        foreach (var locale in available)
        {
            if (locale.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase))
            {
                yield return locale;
            }
        }
    }

    private static string? FirstAllowed(IEnumerable<string> order, IReadOnlyList<string> available, string[] excluded, bool wildcardExcluded)
    {
        foreach (var tag in order)
        {
            if (Find(tag, available) is { } locale && !IsExcluded(locale, excluded, wildcardExcluded, explicitlyNamed: false))
            {
                return locale;
            }
        }

        return null;
    }

    private static string? FirstAvailable(IEnumerable<string> order, IReadOnlyList<string> available) =>
        order.Select(tag => Find(tag, available)).FirstOrDefault(l => l is not null);

    /// <summary>
    /// <c>es;q=0</c> refuses <c>es</c> and every region of it; <c>*;q=0</c> refuses whatever the reader did not name.
    /// </summary>
    private static bool IsExcluded(string locale, string[] excluded, bool wildcardExcluded, bool explicitlyNamed)
    {
        foreach (var tag in excluded)
        {
            if (tag != "*" && (locale.Equals(tag, StringComparison.OrdinalIgnoreCase)
                || (locale.Length > tag.Length && locale[tag.Length] == '-' && locale.StartsWith(tag, StringComparison.OrdinalIgnoreCase))))
            {
                return true;
            }
        }

        return wildcardExcluded && !explicitlyNamed;
    }

    private static string? Find(string tag, IReadOnlyList<string> available)
    {
        foreach (var locale in available)
        {
            if (locale.Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return locale;
            }
        }

        return null;
    }

    private static string Truncate(string tag)
    {
        var dash = tag.LastIndexOf('-');
        return dash > 0 ? tag[..dash] : string.Empty;
    }

    /// <summary>The ranges in the order written; a malformed entry is skipped, as RFC 9110 lets a server do.</summary>
    public static List<LanguageRange> Parse(string? header)
    {
        var ranges = new List<LanguageRange>();
        if (string.IsNullOrWhiteSpace(header))
        {
            return ranges;
        }

        foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(';', StringSplitOptions.TrimEntries);
            var tag = parts[0].Replace('_', '-');
            if (tag.Length == 0 || tag.Length > 35 || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '*'))
            {
                continue;
            }

            var quality = 1.0;
            var valid = true;
            foreach (var parameter in parts.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
                {
                    valid = double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality) && quality is >= 0 and <= 1;
                }
            }

            if (valid)
            {
                ranges.Add(new LanguageRange(tag, quality));
            }
        }

        return ranges;
    }
}

public readonly record struct LanguageRange(string Tag, double Quality);
