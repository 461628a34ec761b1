using System.Globalization;

namespace Localize.Storage.Workflow;

/// <summary>
/// How times are stored: fixed-width UTC text, so ordering by these columns is ordering by time and a value reads
/// back exactly as written (the audit chain hashes it).
/// </summary>
internal static class SqlTime
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
