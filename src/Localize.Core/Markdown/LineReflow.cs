using System.Text;

namespace Localize.Core.Markdown;

/// <summary>
/// Re-wraps a translated paragraph the way the author wrapped its source: lines no longer than the source's longest
/// line, continuation lines starting with the source's continuation prefix. Translations are rarely the same length as
/// their source, so keeping the source's line ends would leave ragged or over-long lines; keeping the author's width
/// keeps diffs and reviews of the Markdown readable.
/// </summary>
/// <remarks>
/// A line is only ever started with a letter or an opening quote or bracket, so wrapping can never turn text into
/// block syntax (a heading "#", a list "-" "+" "1.", a quote "&gt;", a setext underline "=", a fence).
/// </remarks>
internal static class LineReflow
{
    public static void Append(StringBuilder output, StringBuilder rendered, List<int> breakable, UnitLayout layout)
    {
        var text = rendered.ToString();
        var breaks = new List<int>();
        var lineStart = 0;
        var column = layout.FirstColumn;
        var candidate = -1;
        foreach (var space in breakable)
        {
            if (space + 1 >= text.Length || !CanStartLine(text[space + 1]) || space <= lineStart)
            {
                continue;
            }

            var newLine = text.AsSpan(lineStart, space - lineStart).LastIndexOfAny('\n', '\r');
            if (newLine >= 0)
            {
                // A hard break (or other code) already ended a line here.
                lineStart += newLine + 1;
                column = 0;
                candidate = -1;
            }

            if (column + (space - lineStart) > layout.Width && candidate >= 0)
            {
                breaks.Add(candidate);
                lineStart = candidate + 1;
                column = layout.ContinuationPrefix.Length;
                candidate = -1;
            }

            if (column + (space - lineStart) > layout.Width)
            {
                // One word longer than the width: it gets a line of its own.
                breaks.Add(space);
                lineStart = space + 1;
                column = layout.ContinuationPrefix.Length;
                continue;
            }

            candidate = space;
        }

        if (candidate >= 0 && column + (text.Length - lineStart) > layout.Width && text.AsSpan(lineStart).IndexOfAny('\n', '\r') < 0)
        {
            breaks.Add(candidate);
        }

        var copied = 0;
        foreach (var at in breaks)
        {
            output.Append(text, copied, at - copied).Append(layout.NewLine).Append(layout.ContinuationPrefix);
            copied = at + 1;
        }

        output.Append(text, copied, text.Length - copied);
    }

    private static bool CanStartLine(char c) => char.IsLetter(c) || c is '(' or '"' or '\'' or '¿' or '¡' or '«' or '“' or '‘';
}
