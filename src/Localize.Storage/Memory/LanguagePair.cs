namespace Localize.Storage.Memory;

/// <summary>How stored language codes are compared: lower case, and a language finds its regional variants.</summary>
internal static class LanguagePair
{
    public static string Normalize(string language) => language.Trim().Replace('_', '-').ToLowerInvariant();

    /// <summary>SQL matching a column against a language and its regional variants (<c>es</c> finds <c>es-es</c>).</summary>
    public static string Matches(string column, string parameter) => $"({column} = {parameter} OR {column} LIKE {parameter} || '-%')";
}
