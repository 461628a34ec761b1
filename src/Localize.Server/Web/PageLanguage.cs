namespace Localize.Server.Web;

/// <summary>
/// A locale as an HTML <c>lang</c> value. A pseudo-locale (<c>qps-ploc</c>) is English with accents, not a language a
/// screen reader knows: it is written <c>en-x-qps-ploc</c>, English with a private-use tag, which is valid BCP 47 and
/// still names the locale.
/// </summary>
public static class PageLanguage
{
    public static string Of(string locale) =>
        locale.StartsWith("qps", StringComparison.OrdinalIgnoreCase) ? $"en-x-{locale}" : locale;
}
