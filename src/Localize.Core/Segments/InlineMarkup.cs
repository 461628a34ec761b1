using System.Text;

namespace Localize.Core.Segments;

/// <summary>
/// The one textual form of a segment that every component shares (store, engines, checks, review UI, XLIFF):
/// text with XLIFF 2 style inline codes. Paired codes are <c>&lt;pc id="1"&gt;…&lt;/pc&gt;</c>, isolated ones
/// <c>&lt;ph id="2"/&gt;</c>; literal <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> in text are escaped as in XML.
/// Why this form: engines in HTML mode keep such tags, XLIFF export is a copy, and one parser validates all.
/// </summary>
public static class InlineMarkup
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '>', '&') < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    public static string OpenTag(int id) => $"<pc id=\"{id}\">";

    public const string CloseTag = "</pc>";

    public static string PlaceholderTag(int id) => $"<ph id=\"{id}\"/>";

    /// <summary>Splits tagged text into text runs and codes; throws <see cref="InlineMarkupException"/> on malformed tags.</summary>
    public static IReadOnlyList<InlinePart> Parse(string tagged)
    {
        var parts = new List<InlinePart>();
        var text = new StringBuilder();
        var open = new Stack<int>();
        var i = 0;
        while (i < tagged.Length)
        {
            var c = tagged[i];
            if (c == '&')
            {
                // Only the five XML entities are decoded, so look no further than the longest ("&apos;"): searching the
                // whole rest for ';' made each bare '&' copy the rest of the text (quadratic on long segments).
                var end = tagged.IndexOf(';', i, Math.Min(6, tagged.Length - i));
                var entity = end < 0 ? string.Empty : tagged[i..(end + 1)];
                var decoded = entity switch
                {
                    "&lt;" => "<",
                    "&gt;" => ">",
                    "&amp;" => "&",
                    "&quot;" => "\"",
                    "&apos;" => "'",
                    _ => null,
                };
                if (decoded is null)
                {
                    // A bare ampersand is text, as engines and people often leave it.
                    text.Append('&');
                    i++;
                    continue;
                }

                text.Append(decoded);
                i = end + 1;
                continue;
            }

            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }

            var close = tagged.IndexOf('>', i);
            if (close < 0)
            {
                throw new InlineMarkupException($"unclosed tag at character {i + 1}");
            }

            var tag = tagged.AsSpan(i + 1, close - i - 1).Trim();
            FlushText(parts, text);
            if (tag.SequenceEqual("/pc"))
            {
                if (open.Count == 0)
                {
                    throw new InlineMarkupException($"closing </pc> without an opening code at character {i + 1}");
                }

                parts.Add(new InlinePart(InlinePartKind.Close, string.Empty, open.Pop()));
            }
            else if (tag.StartsWith("pc ") || tag.StartsWith("ph "))
            {
                var isolated = tag.EndsWith("/");
                var id = ReadId(tag, i);
                if (tag.StartsWith("ph "))
                {
                    parts.Add(new InlinePart(InlinePartKind.Placeholder, string.Empty, id));
                }
                else if (isolated)
                {
                    throw new InlineMarkupException($"paired code {id} is written self-closing at character {i + 1}");
                }
                else
                {
                    open.Push(id);
                    parts.Add(new InlinePart(InlinePartKind.Open, string.Empty, id));
                }
            }
            else
            {
                throw new InlineMarkupException($"unknown tag <{tag.ToString()}> at character {i + 1}");
            }

            i = close + 1;
        }

        FlushText(parts, text);
        if (open.Count > 0)
        {
            throw new InlineMarkupException($"code {open.Peek()} is opened but never closed");
        }

        return parts;
    }

    /// <summary>The text a reader sees, without codes.</summary>
    public static string PlainText(string tagged)
    {
        var sb = new StringBuilder(tagged.Length);
        foreach (var part in Parse(tagged))
        {
            if (part.Kind == InlinePartKind.Text)
            {
                sb.Append(part.Text);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Compares the codes of a translation with its source: none missing, none duplicated, none invented, pairs balanced.
    /// Returns an empty list when the target is safe to merge.
    /// </summary>
    public static IReadOnlyList<string> CompareCodes(string sourceTagged, string targetTagged)
    {
        IReadOnlyList<InlinePart> target;
        try
        {
            target = Parse(targetTagged);
        }
        catch (InlineMarkupException ex)
        {
            return [$"malformed inline codes: {ex.Message}"];
        }

        var expected = CodeCounts(Parse(sourceTagged));
        var actual = CodeCounts(target);
        var problems = new List<string>();
        foreach (var (code, count) in expected)
        {
            actual.TryGetValue(code, out var seen);
            if (seen == 0)
            {
                problems.Add($"{Describe(code)} is missing");
            }
            else if (seen > count)
            {
                problems.Add($"{Describe(code)} appears {seen} times");
            }
        }

        foreach (var code in actual.Keys.Where(k => !expected.ContainsKey(k)).OrderBy(k => k.Id))
        {
            problems.Add($"{Describe(code)} is not in the source");
        }

        return problems;
    }

    private static Dictionary<(int Id, bool Paired), int> CodeCounts(IEnumerable<InlinePart> parts)
    {
        var counts = new Dictionary<(int Id, bool Paired), int>();
        foreach (var part in parts)
        {
            if (part.Kind is InlinePartKind.Open or InlinePartKind.Placeholder)
            {
                var key = (part.CodeId, part.Kind == InlinePartKind.Open);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    private static string Describe((int Id, bool Paired) code) =>
        code.Paired ? $"paired code {code.Id}" : $"placeholder {code.Id}";

    private static int ReadId(ReadOnlySpan<char> tag, int position)
    {
        var at = tag.IndexOf("id=\"");
        if (at < 0)
        {
            throw new InlineMarkupException($"code without id at character {position + 1}");
        }

        var rest = tag[(at + 4)..];
        var end = rest.IndexOf('"');
        if (end < 0 || !int.TryParse(rest[..end], out var id))
        {
            throw new InlineMarkupException($"code with a bad id at character {position + 1}");
        }

        return id;
    }

    private static void FlushText(List<InlinePart> parts, StringBuilder text)
    {
        if (text.Length > 0)
        {
            parts.Add(new InlinePart(InlinePartKind.Text, text.ToString(), 0));
            text.Clear();
        }
    }
}

public enum InlinePartKind
{
    Text,
    Open,
    Close,
    Placeholder,
}

/// <summary>A run of text, or one inline code (by id).</summary>
public readonly record struct InlinePart(InlinePartKind Kind, string Text, int CodeId);

public sealed class InlineMarkupException(string message) : FormatException(message);
