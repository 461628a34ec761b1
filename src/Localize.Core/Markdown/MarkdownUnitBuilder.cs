using System.Text;
using Localize.Core.Content;
using Localize.Core.Segmentation;
using Localize.Core.Segments;

namespace Localize.Core.Markdown;

/// <summary>
/// Cuts the atoms of one block into sentence segments: codes are numbered from 1 in each segment (so the same sentence
/// reads the same wherever it occurs, which translation memory relies on), leading and trailing space goes to the
/// skeleton, and a paired code is never split.
/// </summary>
internal sealed class MarkdownUnitBuilder(string source, SentenceSegmenter segmenter)
{
    private char[] _plain = new char[256];
    private readonly StringBuilder _tagged = new();
    private readonly List<int> _atomOffsets = [];
    private readonly List<int> _partners = [];
    private readonly Stack<int> _open = new();
    private readonly List<InlineCode> _codes = [];

    // For each opening atom: the sentence (within the unit) and the code id it got there.
    private readonly Dictionary<int, (int Sentence, int CodeId)> _codeIds = [];

    // Emphasis, strong and link openers are a handful of short strings repeated thousands of times per article.
    private readonly Dictionary<string, string> _shortMarkup = new(StringComparer.Ordinal);

    /// <summary>The unit, or null when the block has nothing to translate (only codes, digits, punctuation).</summary>
    public MarkdownTextUnit? Build(List<UnitAtom> atoms, string unitId, string kind, bool inTableCell, bool isAtxHeading, List<SourceSegment> segments)
    {
        Trim(atoms);
        if (atoms.Count == 0 || !HasWords(atoms))
        {
            return null;
        }

        Pair(atoms);
        _codeIds.Clear();
        ReadOnlySpan<char> plain = Plain(atoms);
        var breaks = segmenter.FindBreaks(plain);

        var firstSegment = segments.Count;
        var separators = new string[breaks.Count];
        var previousEnd = -1;
        for (var k = 0; k <= breaks.Count; k++)
        {
            var from = k == 0 ? 0 : breaks[k - 1];
            var to = k == breaks.Count ? plain.Length : breaks[k];
            while (from < to && char.IsWhiteSpace(plain[from]))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(plain[to - 1]))
            {
                to--;
            }

            var (text, codes, sourceStart, sourceEnd) = Segment(atoms, from, to, k);
            if (k > 0)
            {
                separators[k - 1] = source[previousEnd..sourceStart];
            }

            previousEnd = sourceEnd;
            segments.Add(new SourceSegment(unitId, kind, text, codes));
        }

        var titles = Titles(atoms, unitId, breaks.Count + 1, segments);
        var start = atoms[0].Start;
        var end = atoms[^1].End;
        return new MarkdownTextUnit(start, end, firstSegment, separators, titles, Layout(atoms, start, end, inTableCell, isAtxHeading));
    }

    // Link and image titles (tooltips) are segments of their own, after the unit's sentences: they are not part of the
    // sentence flow, and the closing code that holds them shows the source title to reviewers.
    private LinkTitle[] Titles(List<UnitAtom> atoms, string unitId, int sentences, List<SourceSegment> segments)
    {
        List<LinkTitle>? titles = null;
        for (var a = 0; a < atoms.Count; a++)
        {
            var close = atoms[a];
            if (close.Kind != AtomKind.Close || !close.HasTitle)
            {
                continue;
            }

            var (sentence, codeId) = _codeIds[_partners[a]];
            titles ??= [];
            titles.Add(new LinkTitle(sentence, codeId, close.TitleStart - close.Start, close.TitleEnd - close.TitleStart, source[close.TitleStart - 1], sentences + titles.Count));
            segments.Add(new SourceSegment(unitId, "link-title", InlineMarkup.Escape(source[close.TitleStart..close.TitleEnd]), []));
        }

        return titles?.ToArray() ?? [];
    }

    /// <summary>Whether the atoms are one image and nothing else but space.</summary>
    public bool IsLoneImage(List<UnitAtom> atoms)
    {
        var first = atoms.FindIndex(a => !IsBlank(a));
        var last = atoms.FindLastIndex(a => !IsBlank(a));
        if (first < 0 || atoms[first].Kind != AtomKind.Open || atoms[first].CodeKind != "image")
        {
            return false;
        }

        var depth = 0;
        for (var i = first; i <= last; i++)
        {
            depth += atoms[i].Kind switch { AtomKind.Open => 1, AtomKind.Close => -1, _ => 0 };
            if (depth == 0)
            {
                return i == last;
            }
        }

        return false;
    }

    private bool IsBlank(UnitAtom atom) =>
        atom.Kind == AtomKind.SoftBreak || (atom.Kind == AtomKind.Text && source.AsSpan(atom.Start, atom.Length).IsWhiteSpace());

    // Leading and trailing whitespace (Markdig's trivia puts some inside the first and last literal) and line breaks
    // belong to the skeleton; so does a task list box "[ ]" that opens an item: it is structure, not sentence.
    private void Trim(List<UnitAtom> atoms)
    {
        while (atoms.Count > 0)
        {
            var first = atoms[0];
            if (first.Kind == AtomKind.SoftBreak || (first.Kind == AtomKind.Placeholder && first.CodeKind == "task"))
            {
                atoms.RemoveAt(0);
                continue;
            }

            if (first.Kind != AtomKind.Text)
            {
                break;
            }

            var start = first.Start;
            while (start < first.End && char.IsWhiteSpace(source[start]))
            {
                start++;
            }

            if (start < first.End)
            {
                atoms[0] = first with { Start = start };
                break;
            }

            atoms.RemoveAt(0);
        }

        while (atoms.Count > 0)
        {
            var last = atoms[^1];
            if (last.Kind == AtomKind.SoftBreak)
            {
                atoms.RemoveAt(atoms.Count - 1);
                continue;
            }

            if (last.Kind != AtomKind.Text)
            {
                break;
            }

            var end = last.End;
            while (end > last.Start && char.IsWhiteSpace(source[end - 1]))
            {
                end--;
            }

            if (end > last.Start)
            {
                atoms[^1] = last with { End = end };
                break;
            }

            atoms.RemoveAt(atoms.Count - 1);
        }
    }

    private bool HasWords(List<UnitAtom> atoms)
    {
        foreach (var atom in atoms)
        {
            if (atom.Kind == AtomKind.Text)
            {
                foreach (var c in source.AsSpan(atom.Start, atom.Length))
                {
                    if (char.IsLetter(c))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private void Pair(List<UnitAtom> atoms)
    {
        _partners.Clear();
        _open.Clear();
        for (var i = 0; i < atoms.Count; i++)
        {
            _partners.Add(-1);
            if (atoms[i].Kind == AtomKind.Open)
            {
                _open.Push(i);
            }
            else if (atoms[i].Kind == AtomKind.Close)
            {
                var open = _open.Pop();
                _partners[open] = i;
                _partners[i] = open;
            }
        }
    }

    // The unit as the segmenter sees it: text as written, a space per soft break, one character per code.
    private Span<char> Plain(List<UnitAtom> atoms)
    {
        _atomOffsets.Clear();
        var length = 0;
        foreach (var atom in atoms)
        {
            _atomOffsets.Add(length);
            length += atom.Kind == AtomKind.Text ? atom.Length : 1;
        }

        if (_plain.Length < length)
        {
            _plain = new char[Math.Max(length, _plain.Length * 2)];
        }

        var at = 0;
        foreach (var atom in atoms)
        {
            switch (atom.Kind)
            {
                case AtomKind.Text:
                    source.AsSpan(atom.Start, atom.Length).CopyTo(_plain.AsSpan(at));
                    at += atom.Length;
                    continue;
                case AtomKind.SoftBreak:
                    _plain[at] = ' ';
                    break;
                case AtomKind.Open:
                    _plain[at] = SentenceSegmenter.OpenCode;
                    break;
                case AtomKind.Close:
                    _plain[at] = SentenceSegmenter.CloseCode;
                    break;
                default:
                    _plain[at] = SentenceSegmenter.IsolatedCode;
                    break;
            }

            at++;
        }

        return _plain.AsSpan(0, length);
    }

    private (string Text, InlineCode[] Codes, int SourceStart, int SourceEnd) Segment(List<UnitAtom> atoms, int from, int to, int sentence)
    {
        _tagged.Clear();
        var codes = _codes;
        codes.Clear();
        var first = AtomAt(from);
        var last = AtomAt(to - 1);
        var sourceStart = SourcePosition(atoms, first, from);
        var sourceEnd = SourcePosition(atoms, last, to - 1) + (atoms[last].Kind == AtomKind.Text ? 1 : atoms[last].Length);
        for (var a = first; a <= last; a++)
        {
            var atom = atoms[a];
            switch (atom.Kind)
            {
                case AtomKind.Text:
                    var textStart = a == first ? SourcePosition(atoms, a, from) : atom.Start;
                    var textEnd = a == last ? sourceEnd : atom.End;
                    AppendEscaped(textStart, textEnd);
                    break;
                case AtomKind.SoftBreak:
                    _tagged.Append(' ');
                    break;
                case AtomKind.Open:
                    var id = codes.Count + 1;
                    var close = atoms[_partners[a]];
                    if (close.HasTitle)
                    {
                        _codeIds[a] = (sentence, id);
                    }

                    codes.Add(new InlineCode(id, atom.CodeKind, Markup(atom.Start, atom.End), Markup(close.Start, close.End)));
                    _tagged.Append("<pc id=\"").Append(id).Append("\">");
                    break;
                case AtomKind.Close:
                    _tagged.Append(InlineMarkup.CloseTag);
                    break;
                default:
                    var placeholder = codes.Count + 1;
                    codes.Add(new InlineCode(placeholder, atom.CodeKind, Markup(atom.Start, atom.End), string.Empty));
                    _tagged.Append("<ph id=\"").Append(placeholder).Append("\"/>");
                    break;
            }
        }

        return (_tagged.ToString(), codes.Count == 0 ? [] : codes.ToArray(), sourceStart, sourceEnd);
    }

    private string Markup(int start, int end)
    {
        if (end - start > 2)
        {
            return source[start..end];
        }

        var lookup = _shortMarkup.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = source.AsSpan(start, end - start);
        if (!lookup.TryGetValue(span, out var markup))
        {
            markup = span.ToString();
            _shortMarkup[markup] = markup;
        }

        return markup;
    }

    private void AppendEscaped(int start, int end)
    {
        var text = source.AsSpan(start, end - start);
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny('<', '>', '&');
            if (special < 0)
            {
                _tagged.Append(text);
                return;
            }

            _tagged.Append(text[..special]).Append(text[special] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&amp;",
            });
            text = text[(special + 1)..];
        }
    }

    private int AtomAt(int plainPosition)
    {
        var index = _atomOffsets.BinarySearch(plainPosition);
        return index >= 0 ? index : ~index - 1;
    }

    private int SourcePosition(List<UnitAtom> atoms, int atom, int plainPosition) =>
        atoms[atom].Kind == AtomKind.Text ? atoms[atom].Start + (plainPosition - _atomOffsets[atom]) : atoms[atom].Start;

    private UnitLayout Layout(List<UnitAtom> atoms, int start, int end, bool inTableCell, bool isAtxHeading)
    {
        var lineStart = source.AsSpan(0, start).LastIndexOfAny('\n', '\r') + 1;
        var before = source.AsSpan(lineStart, start - lineStart);
        var startsLine = !inTableCell && !isAtxHeading;
        var softBreak = atoms.FindIndex(a => a.Kind == AtomKind.SoftBreak);
        if (softBreak < 0)
        {
            return new UnitLayout(startsLine, inTableCell, isAtxHeading, 0, before.Length, "\n", string.Empty);
        }

        var width = 0;
        var from = lineStart;
        while (from <= end)
        {
            // Line ends are LF, CRLF or (rarely) a lone CR.
            var found = source.AsSpan(from, end - from).IndexOfAny('\n', '\r');
            var newLine = found < 0 ? -1 : from + found;
            var lineEnd = newLine < 0 ? end : newLine;
            var length = lineEnd - from;
            if (newLine >= 0 && source[newLine] == '\r' && newLine + 1 < source.Length && source[newLine + 1] == '\n')
            {
                newLine++;
            }

            width = Math.Max(width, length);
            if (newLine < 0)
            {
                break;
            }

            from = newLine + 1;
        }

        var breakText = source.AsSpan(atoms[softBreak].Start, atoms[softBreak].Length);
        var lastNewLine = breakText.LastIndexOfAny('\n', '\r');
        var newLineText = lastNewLine < 0 ? "\n"
            : breakText[lastNewLine] == '\r' ? "\r"
            : lastNewLine > 0 && breakText[lastNewLine - 1] == '\r' ? "\r\n" : "\n";
        var prefix = lastNewLine < 0 ? string.Empty : breakText[(lastNewLine + 1)..].ToString();
        return new UnitLayout(startsLine, inTableCell, isAtxHeading, width, before.Length, newLineText, prefix);
    }
}
