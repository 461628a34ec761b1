using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace Localize.Core.Markdown;

/// <summary>
/// Turns the inline tree of one Markdig leaf block into a flat run of <see cref="UnitAtom"/>s that covers the unit's
/// source without gaps or overlaps, using only source positions. Text is kept as written; everything that is markup
/// becomes a code whose source is copied verbatim, so the unit can be rebuilt byte for byte.
/// </summary>
/// <remarks>
/// Returns null when Markdig's spans do not tile the source (never seen on the spec or the corpus, but an extension or
/// a parser bug must cost a translation, not a corrupted article): the caller then keeps the block in the skeleton.
/// </remarks>
internal sealed class InlineAtomReader
{
    // Deeper nesting (hostile input) is kept whole as one placeholder, so the walk never recurses without bound.
    private const int MaxDepth = 24;

    private readonly string _source;
    private readonly int _offset;
    private readonly List<UnitAtom> _marks = [];
    private readonly List<UnitAtom> _atoms = [];
    private bool _broken;

    /// <param name="offset">Where the parsed text starts in <paramref name="source"/> (after front matter).</param>
    public InlineAtomReader(string source, int offset)
    {
        _source = source;
        _offset = offset;
    }

    /// <summary>The atoms of one block, in a list reused by the next call; null when the spans do not tile.</summary>
    public List<UnitAtom>? Read(ContainerInline root)
    {
        _marks.Clear();
        _broken = false;
        Children(root, 0);
        return _broken || _marks.Count == 0 ? null : FillGaps();
    }

    private void Children(ContainerInline container, int depth)
    {
        for (var child = container.FirstChild; child is not null && !_broken; child = child.NextSibling)
        {
            Visit(child, depth);
        }
    }

    private void Visit(Inline inline, int depth)
    {
        var start = inline.Span.Start + _offset;
        var end = inline.Span.End + 1 + _offset;
        if (inline.Span.IsEmpty)
        {
            // Synthesized by an extension (a footnote's back link): not in the source, so nothing to keep.
            return;
        }

        if (start < 0 || end > _source.Length)
        {
            _broken = true;
            return;
        }

        switch (inline)
        {
            case LiteralInline literal:
                Literal(literal, start, end);
                break;
            case LineBreakInline lineBreak:
                Add(lineBreak.IsHard ? AtomKind.Placeholder : AtomKind.SoftBreak, start, end, "break");
                break;
            case CodeInline:
                Add(AtomKind.Placeholder, start, end, "code");
                break;
            case HtmlInline:
                Add(AtomKind.Placeholder, start, end, "html");
                break;
            case HtmlEntityInline:
                Add(AtomKind.Placeholder, start, end, "entity");
                break;
            case AutolinkInline:
                Add(AtomKind.Placeholder, start, end, "autolink");
                break;
            case TaskList:
                Add(AtomKind.Placeholder, start, end, "task");
                break;
            case LinkInline link:
                Paired(link, start, end, depth, link.IsAutoLink ? "autolink" : link.IsImage ? "image" : "link", KeepsLinkTextWhole(link));
                break;
            case EmphasisInline emphasis:
                Paired(emphasis, start, end, depth, emphasis.DelimiterCount >= 2 ? "strong" : "emphasis", wholeAsPlaceholder: false);
                break;
            default:
                // Footnote references and anything an extension adds: protected as written.
                Add(AtomKind.Placeholder, start, end, "markup");
                break;
        }
    }

    // The text of a shortcut or collapsed reference link ([foo], [foo][]) is also its label: translating it would
    // unlink it. Extended autolinks (www.example.com) are addresses, not text.
    private static bool KeepsLinkTextWhole(LinkInline link) =>
        link.IsAutoLink || (link.Reference is not null && link.LocalLabel != LocalLabel.Local) || (link.IsShortcut && link.LocalLabel != LocalLabel.Local);

    private void Paired(ContainerInline container, int start, int end, int depth, string kind, bool wholeAsPlaceholder)
    {
        var first = container.FirstChild;
        var last = container.LastChild;
        if (wholeAsPlaceholder || first is null || last is null || depth >= MaxDepth)
        {
            Add(AtomKind.Placeholder, start, end, kind);
            return;
        }

        var contentStart = first.Span.Start + _offset;
        var contentEnd = last.Span.End + 1 + _offset;
        // Both delimiters must be non-empty: a paired code is told from a placeholder by its closing markup.
        if (first.Span.IsEmpty || last.Span.IsEmpty || contentStart <= start || contentEnd >= end || contentStart >= contentEnd)
        {
            _broken = true;
            return;
        }

        Add(AtomKind.Open, start, contentStart, kind);
        Children(container, depth + 1);
        var (titleStart, titleEnd) = container is LinkInline link ? TranslatableTitle(link, contentEnd, end) : (0, 0);
        _marks.Add(new UnitAtom(AtomKind.Close, contentEnd, end, kind, titleStart, titleEnd));
    }

    // The title of an inline link or image, without its quotes, when it is plain text on one line. A title with
    // escapes or entities stays as written: it is rare, and rewriting it safely would need its own escaping rules.
    private (int Start, int End) TranslatableTitle(LinkInline link, int closeStart, int closeEnd)
    {
        if (link.Reference is not null || string.IsNullOrEmpty(link.Title) || link.TitleSpan.IsEmpty)
        {
            return (0, 0);
        }

        var start = link.TitleSpan.Start + _offset + 1;
        var end = link.TitleSpan.End + _offset;
        if (start <= closeStart || end >= closeEnd || start >= end || _source[start - 1] is not ('"' or '\'' or '(')
            || _source.AsSpan(start, end - start).IndexOfAny("\\&\r\n") >= 0 || !_source.AsSpan(start, end - start).ContainsAnyExcept(' '))
        {
            return (0, 0);
        }

        return (start, end);
    }

    private void Literal(LiteralInline literal, int start, int end)
    {
        var content = literal.Content.AsSpan();
        var written = _source.AsSpan(start, end - start);
        if (literal.IsFirstCharacterEscaped && written.Length >= 2 && written[0] == '\\' && !content.IsEmpty && written[1] == content[0])
        {
            // "\*" and the like: what is shown differs from what is written, so it is protected as written. A pipe
            // table's "\|" comes with the rest of the cell text in the same literal.
            Add(AtomKind.Placeholder, start, start + 2, "escape");
            content = content[1..];
            start += 2;
            written = written[2..];
            if (written.IsEmpty)
            {
                return;
            }
        }

        if (content.SequenceEqual(written))
        {
            Add(AtomKind.Text, start, end, string.Empty);
        }
        else if (TrimmedWithin(content, written) is { } lead)
        {
            // Pipe table cells: the span includes the spaces around the cell text, the content does not.
            Add(AtomKind.Text, start + lead, start + lead + content.Trim().Length, string.Empty);
        }
        else if (IsTextWithNulls(content, written))
        {
            // CommonMark shows U+0000 as U+FFFD; a NUL is kept as written, as a placeholder, and never sent to engines.
            var run = start;
            for (var i = start; i < end; i++)
            {
                if (_source[i] == '\0')
                {
                    Add(AtomKind.Text, run, i, string.Empty);
                    Add(AtomKind.Placeholder, i, i + 1, "nul");
                    run = i + 1;
                }
            }

            Add(AtomKind.Text, run, end, string.Empty);
        }
        else
        {
            Add(AtomKind.Placeholder, start, end, "markup");
        }
    }

    // The start of the text within the written span when both are the same text but for surrounding whitespace.
    private static int? TrimmedWithin(ReadOnlySpan<char> content, ReadOnlySpan<char> written)
    {
        var text = content.Trim();
        var lead = written.Length - written.TrimStart().Length;
        if (text.IsEmpty || !written.Trim().SequenceEqual(text))
        {
            return null;
        }

        return lead;
    }

    private static bool IsTextWithNulls(ReadOnlySpan<char> content, ReadOnlySpan<char> written)
    {
        if (content.Length != written.Length || written.IndexOf('\0') < 0)
        {
            return false;
        }

        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] != written[i] && !(written[i] == '\0' && content[i] == '\uFFFD'))
            {
                return false;
            }
        }

        return true;
    }

    private void Add(AtomKind kind, int start, int end, string codeKind)
    {
        if (start == end && kind is AtomKind.Text or AtomKind.Placeholder)
        {
            return;
        }

        _marks.Add(new UnitAtom(kind, start, end, codeKind));
    }

    /// <summary>
    /// Markdig leaves some source outside any inline: trailing spaces before a line end, the next line's indentation
    /// and block quote markers. They belong to the line break next to them; anything else left over is protected.
    /// </summary>
    private List<UnitAtom>? FillGaps()
    {
        var atoms = _atoms;
        atoms.Clear();
        var cursor = _marks[0].Start;
        foreach (var next in _marks)
        {
            var mark = next;
            if (mark.Start < cursor)
            {
                return null;
            }

            if (mark.Start > cursor)
            {
                if (IsLineBreak(mark) && IsBlank(cursor, mark.Start) && !(atoms.Count > 0 && IsLineBreak(atoms[^1])))
                {
                    mark = mark with { Start = cursor };
                }
                else
                {
                    Gap(atoms, cursor, mark);
                }
            }

            if (mark.Kind == AtomKind.Text && atoms.Count > 0 && IsLineBreak(atoms[^1]))
            {
                // The next line's indentation (trivia that Markdig keeps in the literal) is wrapping too.
                var textStart = mark.Start;
                while (textStart < mark.End && _source[textStart] is ' ' or '\t')
                {
                    textStart++;
                }

                atoms[^1] = atoms[^1] with { End = textStart };
                if (textStart < mark.End)
                {
                    atoms.Add(mark with { Start = textStart });
                }
            }
            else if (IsLineBreak(mark) && atoms.Count > 0 && atoms[^1].Kind == AtomKind.Text)
            {
                // Spaces that end a line before a soft break are wrapping, not content.
                var text = atoms[^1];
                var trimmed = text.End;
                while (trimmed > text.Start && _source[trimmed - 1] is ' ' or '\t')
                {
                    trimmed--;
                }

                if (trimmed == text.Start)
                {
                    atoms.RemoveAt(atoms.Count - 1);
                }
                else
                {
                    atoms[^1] = text with { End = trimmed };
                }

                atoms.Add(mark with { Start = trimmed });
            }
            else
            {
                atoms.Add(mark);
            }

            cursor = mark.End;
        }

        return atoms;
    }

    private void Gap(List<UnitAtom> atoms, int start, UnitAtom next)
    {
        if (atoms.Count > 0 && IsLineBreak(atoms[^1]))
        {
            atoms[^1] = atoms[^1] with { End = next.Start };
        }
        else if (IsBlank(start, next.Start))
        {
            atoms.Add(new UnitAtom(AtomKind.Text, start, next.Start, string.Empty));
        }
        else
        {
            atoms.Add(new UnitAtom(AtomKind.Placeholder, start, next.Start, "markup"));
        }
    }

    private static bool IsLineBreak(UnitAtom atom) =>
        atom.Kind == AtomKind.SoftBreak || (atom.Kind == AtomKind.Placeholder && atom.CodeKind == "break");

    private bool IsBlank(int start, int end) => _source.AsSpan(start, end - start).IndexOfAnyExcept(' ', '\t') < 0;
}
