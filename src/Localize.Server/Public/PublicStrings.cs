using System.Globalization;
using System.Resources;

namespace Localize.Server.Public;

/// <summary>
/// The few sentences the public site says around an article, in the reader's language: <c>Resources/PublicStrings.resx</c>
/// (English, neutral) and its culture files, which go through the pipeline's translation and review like any website's
/// strings. Lookups fall back along the culture's parents to English (es-MX → es → en).
/// </summary>
public static class PublicStrings
{
    public const string Outdated = nameof(Outdated);
    public const string Pseudo = nameof(Pseudo);
    public const string Languages = nameof(Languages);
    public const string ReviewedBy = nameof(ReviewedBy);
    public const string Version = nameof(Version);
    public const string Original = nameof(Original);
    public const string PublishedArticles = nameof(PublishedArticles);
    public const string NothingPublished = nameof(NothingPublished);
    public const string NotFoundTitle = nameof(NotFoundTitle);
    public const string NotFoundText = nameof(NotFoundText);
    public const string NotFoundLink = nameof(NotFoundLink);

    private static readonly ResourceManager Resources = new("Localize.Server.Resources.PublicStrings", typeof(PublicStrings).Assembly);

    /// <remarks>Called when the site is rendered, never per request: pages are served pre-rendered.</remarks>
    public static string Get(string locale, string key) =>
        Resources.GetString(key, CultureFor(locale)) ?? throw new InvalidOperationException($"Resources/PublicStrings.resx has no entry '{key}'");

    public static string Format(string locale, string key, params object[] arguments) =>
        string.Format(CultureFor(locale), Get(locale, key), arguments);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Translations = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The language these sentences exist in for <paramref name="locale"/>: its own culture file, its parent language's
    /// (es-MX → es), or English; null when there is none. A page with no article behind it (the 404) can so speak the
    /// reader's language even where no article is published yet.
    /// </summary>
    public static string? TranslationFor(string locale)
    {
        if (Translations.TryGetValue(locale, out var known))
        {
            return known;
        }

        var culture = CultureFor(locale);
        string? found = null;
        for (var c = culture; c != CultureInfo.InvariantCulture && found is null; c = c.Parent)
        {
            found = c.TwoLetterISOLanguageName == "en" || HasOwnTranslation(c) ? c.Name : null;
        }

        // Only real cultures are remembered (CultureFor maps anything else to invariant), so the cache stays small.
        if (culture != CultureInfo.InvariantCulture)
        {
            Translations[locale] = found;
        }

        return found;
    }

    /// <summary>
    /// Whether <paramref name="culture"/> has a resource file of its own. The ResourceManager caches a parent's set under
    /// the child's name once any lookup fell back (es-MX → es), so a set is the culture's own only if it is not its parent's.
    /// </summary>
    private static bool HasOwnTranslation(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is { } own
        && !ReferenceEquals(own, Resources.GetResourceSet(culture.Parent, createIfNotExists: true, tryParents: true));

    /// <summary>The culture for dates and names; pseudo and unknown locales get the invariant one rather than an exception.</summary>
    public static CultureInfo CultureFor(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>A language's own name for itself, as a reader looks for it in a language switch ("Español", "العربية").</summary>
    public static string NativeName(string locale)
    {
        var culture = CultureFor(locale);
        if (culture == CultureInfo.InvariantCulture)
        {
            return locale;
        }

        var name = culture.NativeName;
        return name.Length == 0 ? locale : char.ToUpper(name[0], culture) + name[1..];
    }

    public static bool IsRightToLeft(string locale) => Localize.Core.Languages.LanguagePacks.For(locale).Direction == Localize.Core.Languages.TextDirection.RightToLeft;
}
