using System.Collections.Frozen;
using System.Globalization;

namespace Localize.Server.Public;

/// <summary>
/// The few sentences the public site says around an article, in the reader's language, with language → default
/// fallback (es-MX → es → en). A table in code until the .resx issue lands; a test checks every key in every language.
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

    public static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Table = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new Dictionary<string, string>
        {
            [Outdated] = "The original article has been updated; a reviewed translation of the new version is on its way.",
            [Pseudo] = "This is pseudo-localised text for testing layouts, not a translation.",
            [Languages] = "Read in",
            [ReviewedBy] = "Medically reviewed translation by {0}, {1}",
            [Version] = "version {0}",
            [Original] = "Original article",
            [PublishedArticles] = "Published articles",
            [NothingPublished] = "Nothing is published yet.",
        }.ToFrozenDictionary(),
        ["es"] = new Dictionary<string, string>
        {
            [Outdated] = "El artículo original se ha actualizado; pronto publicaremos una traducción revisada de la nueva versión.",
            [Pseudo] = "Este es un texto pseudolocalizado para probar el diseño, no una traducción.",
            [Languages] = "Leer en",
            [ReviewedBy] = "Traducción revisada por personal médico: {0}, {1}",
            [Version] = "versión {0}",
            [Original] = "Artículo original",
            [PublishedArticles] = "Artículos publicados",
            [NothingPublished] = "Todavía no hay nada publicado.",
        }.ToFrozenDictionary(),
        ["ar"] = new Dictionary<string, string>
        {
            [Outdated] = "تم تحديث المقال الأصلي؛ ترجمة مراجَعة للنسخة الجديدة قيد الإعداد.",
            [Pseudo] = "هذا نص تجريبي لاختبار التخطيط، وليس ترجمة.",
            [Languages] = "اقرأ بلغة",
            [ReviewedBy] = "ترجمة راجعها مختصون طبيون: {0}، {1}",
            [Version] = "الإصدار {0}",
            [Original] = "المقال الأصلي",
            [PublishedArticles] = "المقالات المنشورة",
            [NothingPublished] = "لم يُنشر شيء بعد.",
        }.ToFrozenDictionary(),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string Get(string locale, string key)
    {
        for (var tag = locale; tag.Length > 0; tag = tag.Contains('-') ? tag[..tag.LastIndexOf('-')] : string.Empty)
        {
            if (Table.TryGetValue(tag, out var strings) && strings.TryGetValue(key, out var text))
            {
                return text;
            }
        }

        return Table["en"][key];
    }

    public static string Format(string locale, string key, params object[] arguments) =>
        string.Format(CultureFor(locale), Get(locale, key), arguments);

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

    public static bool IsRightToLeft(string locale) => CultureFor(locale).TextInfo.IsRightToLeft;
}
