using System.Buffers;
using System.Text;

namespace Localize.Core.Markdown;

/// <param name="AtLineStart">The text starts a line, where "#", "&gt;", "-", "1." … would start a block.</param>
/// <param name="AtHeadingEnd">The text ends an ATX heading, where " #" would be read as a closing sequence.</param>
/// <param name="NextMarkup">The Markdown of the code right after the text, if any ("!" before "[" makes an image).</param>
internal readonly record struct EscapeContext(bool AtLineStart, bool InTableCell, bool AtHeadingEnd, string? NextMarkup);

/// <summary>
/// Writes translated text into Markdown so that it stays text: a translator's "*" or "[" must not become emphasis or a
/// link, and a sentence moved to the start of a line must not become a heading or a list. Escapes only what could be
/// read as markup, so the output stays readable for authors.
/// </summary>
internal static class MarkdownTextEscaper
{
    private static readonly SearchValues<char> _special = SearchValues.Create("\r\n\t \\`*_[]<~|&!#");

    /// <summary>Appends <paramref name="text"/>, recording the positions of its spaces (where a reflow may wrap).</summary>
    public static void Append(StringBuilder output, string text, EscapeContext context, List<int> breakable)
    {
        if (context.AtLineStart)
        {
            EscapeBlockStart(output, text.AsSpan().TrimStart(), ref text);
        }

        for (var i = 0; i < text.Length; i++)
        {
            // Most of a translation is letters: copy them in runs up to the next character that needs a look.
            var run = text.AsSpan(i).IndexOfAny(_special);
            if (run != 0)
            {
                var length = run < 0 ? text.Length - i : run;
                output.Append(text.AsSpan(i, length));
                i += length;
                if (i == text.Length)
                {
                    break;
                }
            }

            var c = text[i];
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    // A line end in a translation would end the paragraph or start a block; it is wrapping, not content.
                    breakable.Add(output.Length);
                    output.Append(' ');
                    continue;
                case ' ':
                    breakable.Add(output.Length);
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '~':
                    output.Append('\\');
                    break;
                case '|' when context.InTableCell:
                    output.Append('\\');
                    break;
                case '&' when LooksLikeEntity(text.AsSpan(i)):
                    output.Append('\\');
                    break;
                case '!' when i == text.Length - 1 && context.NextMarkup is { } next && next.StartsWith('['):
                    output.Append('\\');
                    break;
                case '#' when context.AtHeadingEnd && IsClosingSequence(text, i):
                    output.Append('\\');
                    break;
            }

            output.Append(c);
        }
    }

    // At the start of a line: ATX heading, block quote, list markers (bullet or "1." / "1)"), setext underline, fence.
    private static void EscapeBlockStart(StringBuilder output, ReadOnlySpan<char> trimmed, ref string text)
    {
        if (trimmed.IsEmpty)
        {
            return;
        }

        var first = trimmed[0];
        if (first is '#' or '>' or '-' or '+' or '=')
        {
            output.Append('\\').Append(first);
            text = trimmed[1..].ToString();
            return;
        }

        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < trimmed.Length && trimmed[digits] is '.' or ')')
        {
            output.Append(trimmed[..digits]).Append('\\').Append(trimmed[digits]);
            text = trimmed[(digits + 1)..].ToString();
        }
        else
        {
            text = trimmed.ToString();
        }
    }

    // "&copy;", "&#169;", "&#xA9;" would be read as entities.
    private static bool LooksLikeEntity(ReadOnlySpan<char> text)
    {
        var i = 1;
        if (i < text.Length && text[i] == '#')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && i - start < 32 && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > start && i < text.Length && text[i] == ';';
    }

    // A run of "#" at the very end of a heading, after a space, is its optional closing sequence.
    private static bool IsClosingSequence(string text, int at)
    {
        if (at > 0 && text[at - 1] == '#')
        {
            return false;
        }

        var end = at;
        while (end < text.Length && text[end] == '#')
        {
            end++;
        }

        return end == text.Length;
    }
}
