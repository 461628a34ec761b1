using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Markdown;

/// <summary>
/// A paragraph, heading, list item paragraph, quote paragraph or table cell. Rebuilt from its targets by replacing
/// each code with the Markdown it stood for, escaping the translated text so it stays text, and re-wrapping it when the
/// author had wrapped the source.
/// </summary>
internal sealed class MarkdownTextUnit : TextUnit
{
    private readonly string[] _separators;
    private readonly UnitLayout _layout;

    public MarkdownTextUnit(int start, int end, int firstSegment, string[] separators, UnitLayout layout)
        : base(start, end, firstSegment, separators.Length + 1)
    {
        _separators = separators;
        _layout = layout;
    }

    public override void AppendTranslated(StringBuilder output, IReadOnlyList<SourceSegment> segments, IReadOnlyList<InlinePart>[] targets, MergeScratch scratch)
    {
        var rendered = scratch.Rendered.Clear();
        var breakable = scratch.Breakable;
        breakable.Clear();
        for (var k = 0; k < SegmentCount; k++)
        {
            if (k > 0)
            {
                AppendSeparator(rendered, _separators[k - 1], breakable);
            }

            var segment = segments[FirstSegment + k];
            AppendSegment(rendered, targets[FirstSegment + k], segment.Codes, breakable, k == SegmentCount - 1);
        }

        if (_layout.Width > 0)
        {
            LineReflow.Append(output, rendered, breakable, _layout);
        }
        else
        {
            output.Append(rendered);
        }
    }

    private void AppendSegment(StringBuilder rendered, IReadOnlyList<InlinePart> parts, IReadOnlyList<InlineCode> codes, List<int> breakable, bool lastSegment)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    var next = i + 1 < parts.Count && parts[i + 1].Kind != InlinePartKind.Text && parts[i + 1].Kind != InlinePartKind.Close
                        ? codes[parts[i + 1].CodeId - 1].Opening
                        : null;
                    MarkdownTextEscaper.Append(rendered, part.Text, new EscapeContext(
                        AtLineStart: rendered.Length == 0 && _layout.StartsLine,
                        InTableCell: _layout.InTableCell,
                        AtHeadingEnd: _layout.IsAtxHeading && lastSegment && i == parts.Count - 1,
                        NextMarkup: next), breakable);
                    break;
                case InlinePartKind.Open:
                case InlinePartKind.Placeholder:
                    rendered.Append(codes[part.CodeId - 1].Opening);
                    break;
                case InlinePartKind.Close:
                    rendered.Append(codes[part.CodeId - 1].Closing);
                    break;
            }
        }
    }

    private static void AppendSeparator(StringBuilder rendered, string separator, List<int> breakable)
    {
        if (separator.AsSpan().IndexOfAny('\r', '\n') >= 0 || separator.Length == 0)
        {
            // The source wrapped here; the reflow decides where the target wraps.
            breakable.Add(rendered.Length);
            rendered.Append(' ');
            return;
        }

        foreach (var c in separator)
        {
            if (c == ' ')
            {
                breakable.Add(rendered.Length);
            }

            rendered.Append(c);
        }
    }
}

/// <summary>What the rebuild of a unit needs to know about where it sits.</summary>
/// <param name="StartsLine">The unit is the first thing on its line after container markers (block syntax could start).</param>
/// <param name="Width">The longest source line of a wrapped unit; 0 when the author did not wrap it.</param>
/// <param name="FirstColumn">Characters before the unit on its first line.</param>
/// <param name="NewLine">The source's line end inside the unit.</param>
/// <param name="ContinuationPrefix">What starts each continuation line in the source (indentation, "&gt; ").</param>
internal sealed record UnitLayout(
    bool StartsLine,
    bool InTableCell,
    bool IsAtxHeading,
    int Width,
    int FirstColumn,
    string NewLine,
    string ContinuationPrefix);
