using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace Localize.Core.Markdown;

/// <summary>
/// Writes a translated front matter value as one YAML scalar token. Keeps the author's quoting style where it can
/// hold the value; a plain scalar that would read as something else (a number, a boolean, a mapping because of ": ",
/// a comment because of " #") is double-quoted instead.
/// </summary>
internal static class YamlScalarWriter
{
    public static string Write(string value, ScalarStyle sourceStyle) => sourceStyle switch
    {
        ScalarStyle.SingleQuoted => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
        ScalarStyle.Plain when IsSafePlain(value) => value,
        _ => DoubleQuoted(value),
    };

    private static string DoubleQuoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\t' => sb.Append("\\t"),
                _ when char.IsControl(c) => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    private static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0]))
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':')
            || value.AsSpan().IndexOfAny('\r', '\n', '\t') >= 0 || value.Any(char.IsControl))
        {
            return false;
        }

        // Values YAML would read as another type.
        return !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && value.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n");
    }
}
