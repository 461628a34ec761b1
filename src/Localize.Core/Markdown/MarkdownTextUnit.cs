using System.Text;
using Localize.Core.Content;
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
    private readonly LinkTitle[] _titles;
    private readonly UnitLayout _layout;

    public MarkdownTextUnit(int start, int end, int firstSegment, string[] separators, LinkTitle[] titles, UnitLayout layout)
        : base(start, end, firstSegment, separators.Length + 1 + titles.Length)
    {
        _separators = separators;
        _titles = titles;
        _layout = layout;
    }

    private int SentenceCount => _separators.Length + 1;

    public override void AppendTranslated(StringBuilder output, IReadOnlyList<SourceSegment> segments, IReadOnlyList<InlinePart>[] targets, MergeScratch scratch)
    {
        var rendered = scratch.Rendered.Clear();
        var breakable = scratch.Breakable;
        breakable.Clear();
        for (var k = 0; k < SentenceCount; k++)
        {
            if (k > 0)
            {
                AppendSeparator(rendered, _separators[k - 1], breakable);
            }

            var segment = segments[FirstSegment + k];
            AppendSegment(rendered, targets, k, segment.Codes, breakable, k == SentenceCount - 1);
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

    private void AppendSegment(StringBuilder rendered, IReadOnlyList<InlinePart>[] targets, int sentence, IReadOnlyList<InlineCode> codes, List<int> breakable, bool lastSegment)
    {
        var parts = targets[FirstSegment + sentence];
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
                    AppendClosing(rendered, codes[part.CodeId - 1].Closing, TitleOf(sentence, part.CodeId), targets);
                    break;
            }
        }
    }

    private LinkTitle? TitleOf(int sentence, int codeId)
    {
        foreach (var title in _titles)
        {
            if (title.Sentence == sentence && title.CodeId == codeId)
            {
                return title;
            }
        }

        return null;
    }

    private void AppendClosing(StringBuilder rendered, string closing, LinkTitle? title, IReadOnlyList<InlinePart>[] targets)
    {
        if (title is null)
        {
            rendered.Append(closing);
            return;
        }

        rendered.Append(closing, 0, title.Offset);
        var closer = title.Quote == '(' ? ')' : title.Quote;
        foreach (var part in targets[FirstSegment + title.Segment])
        {
            if (part.Kind != InlinePartKind.Text)
            {
                continue;
            }

            foreach (var c in part.Text)
            {
                if (c == '\\' || c == title.Quote || c == closer || c == '&')
                {
                    // Inside a title a backslash escapes any punctuation, so escaping '&' keeps "&copy;" literal too.
                    rendered.Append('\\');
                }

                rendered.Append(c is '\r' or '\n' ? ' ' : c);
            }
        }

        rendered.Append(closing, title.Offset + title.Length, closing.Length - title.Offset - title.Length);
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

/// <summary>A link or image title in the closing code <see cref="CodeId"/> of sentence <see cref="Sentence"/>: at
/// <see cref="Offset"/> in that code's markup, <see cref="Length"/> long, between <see cref="Quote"/>s; translated by the
/// unit's segment <see cref="Segment"/>.</summary>
internal sealed record LinkTitle(int Sentence, int CodeId, int Offset, int Length, char Quote, int Segment);

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
