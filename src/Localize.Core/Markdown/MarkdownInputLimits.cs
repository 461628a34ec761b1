using Localize.Core.Content;
using Markdig;
using Markdig.Syntax;

namespace Localize.Core.Markdown;

/// <summary>
/// Refuses, before Markdig sees it, Markdown whose parsing time grows faster than its size: a few kilobytes of it
/// would hold a worker for minutes. Each limit is far beyond what an article holds and names the line where it is
/// crossed. Measured with Markdig 1.6.0 on this project's pipeline (trivia on); each limit keeps its case under a
/// second, most under 0.2 s.
/// </summary>
internal static class MarkdownInputLimits
{
    // Link parsing takes time quadratic in bracket nesting (10,000 nested links: seconds).
    public const int MaxBracketDepth = 1_000;

    // Markdig refuses blocks nested more than 128 deep, but only after parsing them, in time that grows with the cube of
    // the depth: 800 lines each one list level deeper took 0.8 s, 3,000 took 45 s; quotes and tab-indented lists alike.
    public const int MaxContainerDepth = 128;

    // Every "](" starts a link destination that Markdig reads up to the next white space before it can give up on it:
    // 1,000 unclosed "[a](" before 2 MB without a space took 6 s, 40,000 of them on one line 11 s. What all the
    // destinations of a file may read together (~3 ns a character).
    public const long MaxLinkDestinationScan = 50_000_000;

    // Each reference definition ("[label]: url") costs time that grows with the number before it: 25,000 took 0.6 s,
    // 100,000 took 14 s. Articles hold tens.
    public const int MaxReferenceDefinitions = 10_000;

    // Markdig pairs a paragraph's emphasis markers in time that grows with the square of their number (~6 ns per
    // pair): 20 paragraphs of 8,000 "*a*" took 6.8 s. Counted as runs of '*' or '_' (not escaped, not inside a word
    // for '_') squared per paragraph, summed: a single paragraph may hold ~5,000 runs, an article's hold tens.
    public const long MaxEmphasisPairing = 30_000_000;

    // Full reference links whose label is not defined ("[a][b]") cost more than the square of their number in one
    // paragraph: 5,000 took 1.3 s, 10,000 9 s. Counted like emphasis: a single paragraph may hold ~3,000.
    public const long MaxReferenceLinkPairing = 10_000_000;

    // Table cells cost Markdig 4-9 µs each (64,000 rows of 5: 2.8 s; 4,000 rows of 200: 6.9 s): linear, but a 16 MB
    // table would take a minute. Counted as '|' characters anywhere.
    public const int MaxTableCells = 100_000;

    /// <summary>
    /// Markdig's parse of text that passed <see cref="Check"/>; what Markdig still refuses (it throws rather than
    /// overflow its stack) becomes a <see cref="DocumentFormatException"/> too, so callers handle one exception.
    /// </summary>
    public static MarkdownDocument Parse(string markdown, MarkdownPipeline pipeline, int linesBefore)
    {
        Check(markdown, linesBefore);
        try
        {
            return Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InsufficientExecutionStackException or IndexOutOfRangeException)
        {
            throw new DocumentFormatException($"the Markdown could not be parsed: {ex.Message}");
        }
    }

    /// <summary>Throws <see cref="DocumentFormatException"/> naming the file's line where a limit is crossed.</summary>
    /// <param name="body">The Markdown after the front matter.</param>
    /// <param name="linesBefore">The front matter's lines, so that the line named is the file's.</param>
    public static void Check(string body, int linesBefore)
    {
        var bracketDepth = 0;
        long destinationScan = 0;
        var referenceDefinitions = 0;
        var tableCells = 0;
        var emphasis = new ParagraphPairing(MaxEmphasisPairing);
        var referenceLinks = new ParagraphPairing(MaxReferenceLinkPairing);
        var lineNumber = linesBefore;
        var start = 0;
        while (start < body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0)
            {
                end = body.Length;
            }

            lineNumber++;
            var line = body.AsSpan(start, end - start);
            bracketDepth = BracketDepthAfter(line, bracketDepth, lineNumber);
            RefuseDeepContainers(line, lineNumber);
            destinationScan += DestinationScan(line);
            if (destinationScan > MaxLinkDestinationScan)
            {
                throw new DocumentFormatException(
                    $"unclosed link destinations ('](' with no space after it) run on for more than {MaxLinkDestinationScan:N0} characters in all", lineNumber);
            }

            if (IsReferenceDefinition(line) && ++referenceDefinitions > MaxReferenceDefinitions)
            {
                throw new DocumentFormatException($"more than {MaxReferenceDefinitions:N0} link reference definitions ('[label]: url')", lineNumber);
            }

            if ((tableCells += line.Count('|')) > MaxTableCells)
            {
                throw new DocumentFormatException($"more than {MaxTableCells:N0} table cells ('|'); split the tables into several articles", lineNumber);
            }

            if (line.IsWhiteSpace() || StartsListItem(line))
            {
                emphasis.EndParagraph();
                referenceLinks.EndParagraph();
            }

            if (!emphasis.Add(EmphasisRuns(line)))
            {
                throw new DocumentFormatException(
                    "too many emphasis markers ('*', '_') in paragraphs this long: Markdig pairs them in time that grows with the square of their number; split the paragraphs", lineNumber);
            }

            if (!referenceLinks.Add(FullReferenceLinks(line)))
            {
                throw new DocumentFormatException(
                    "too many reference links ('[text][label]') in paragraphs this long: Markdig resolves them in time that grows faster than their number; split the paragraphs", lineNumber);
            }

            start = end + 1;
        }
    }

    private static int BracketDepthAfter(ReadOnlySpan<char> line, int depth, int lineNumber)
    {
        var at = 0;
        while (line[at..].IndexOfAny('[', ']', '\\') is >= 0 and var next)
        {
            at += next;
            if (line[at] == '[')
            {
                if (++depth > MaxBracketDepth)
                {
                    throw new DocumentFormatException($"square brackets are nested more than {MaxBracketDepth} deep", lineNumber);
                }
            }
            else if (line[at] == ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else
            {
                // An escaped character is text, whatever it is.
                at++;
            }

            at = Math.Min(at + 1, line.Length);
        }

        return depth;
    }

    // A line can open or continue at most one container per '>' or list marker, and one list level per two columns of
    // indentation (a list item's content starts at least two columns in). Lazy continuation lines open none. So this
    // bound is never below the depth Markdig reaches, and over it only for indentation no article has.
    private static void RefuseDeepContainers(ReadOnlySpan<char> line, int lineNumber)
    {
        var markers = 0;
        var indentColumns = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                indentColumns++;
                i++;
            }
            else if (c == '\t')
            {
                indentColumns += 4 - (indentColumns % 4);
                i++;
            }
            else if (c == '>')
            {
                markers++;
                i++;
            }
            else if (c is '-' or '+' or '*' && i + 1 < line.Length && line[i + 1] is ' ' or '\t')
            {
                markers++;
                i++;
            }
            else if (OrderedMarkerLength(line[i..]) is > 0 and var length)
            {
                markers++;
                i += length;
            }
            else
            {
                break;
            }

            if (markers + (indentColumns / 2) > MaxContainerDepth)
            {
                throw new DocumentFormatException($"lists or quotes are nested (or a line indented) more than {MaxContainerDepth} levels deep", lineNumber);
            }
        }
    }

    // A bullet or ordered list marker indented less than four columns: it starts a list item, and so a new paragraph,
    // even right after a paragraph's line (more indented, it may be that paragraph's text).
    private static bool StartsListItem(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart(' ');
        return line.Length - text.Length < 4
            && (text is ['-' or '+' or '*', ' ' or '\t', ..] || OrderedMarkerLength(text) > 0);
    }

    // "1." or "12)" followed by a space or a tab: its length without the space; 0 if the text does not start with one.
    private static int OrderedMarkerLength(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] is ' ' or '\t'
            ? digits + 1
            : 0;
    }

    // For each "](" on the line, the characters from it to the next space or tab (or the line's end): what Markdig reads
    // of that destination at most (Markdig ends a destination at more characters than these two: this never counts short).
    private static long DestinationScan(ReadOnlySpan<char> line)
    {
        long total = 0;
        var at = 0;
        while (line[at..].IndexOf("](") is >= 0 and var next)
        {
            var opening = at + next;
            var stop = line[(opening + 2)..].IndexOfAny(' ', '\t') is >= 0 and var space ? opening + 2 + space : line.Length;
            // Every opening before that space reads up to it.
            while (opening >= 0 && opening < stop)
            {
                total += stop - opening;
                opening = line[(opening + 2)..stop].IndexOf("](") is >= 0 and var following ? opening + 2 + following : -1;
            }

            at = stop;
        }

        return total;
    }

    // Runs of '*' or '_' that may open or close emphasis: not escaped, and for '_' not between two letters or digits.
    private static int EmphasisRuns(ReadOnlySpan<char> line)
    {
        var runs = 0;
        var at = 0;
        while (line[at..].IndexOfAny('*', '_', '\\') is >= 0 and var next)
        {
            at += next;
            var marker = line[at];
            if (marker == '\\')
            {
                at = Math.Min(at + 2, line.Length);
                continue;
            }

            var runStart = at;
            while (at < line.Length && line[at] == marker)
            {
                at++;
            }

            var insideWord = runStart > 0 && char.IsLetterOrDigit(line[runStart - 1]) && at < line.Length && char.IsLetterOrDigit(line[at]);
            if (marker == '*' || !insideWord)
            {
                runs++;
            }
        }

        return runs;
    }

    // "][" not followed by ']': a full reference link ("[text][label]"); collapsed ones ("[text][]") cost nothing.
    private static int FullReferenceLinks(ReadOnlySpan<char> line)
    {
        var count = 0;
        var at = 0;
        while (line[at..].IndexOf("][") is >= 0 and var next)
        {
            at += next + 2;
            if (at >= line.Length || line[at] != ']')
            {
                count++;
            }
        }

        return count;
    }

    // What a paragraph costs Markdig when it grows with the square of how many of something it holds, summed over the
    // paragraphs (here: lines up to a blank one or a list item, which only ever counts more than Markdig's paragraphs).
    private sealed class ParagraphPairing(long budget)
    {
        private long _settled;
        private long _inParagraph;

        public void EndParagraph()
        {
            _settled += _inParagraph * _inParagraph;
            _inParagraph = 0;
        }

        /// <returns>False once the paragraphs so far cost more than the budget.</returns>
        public bool Add(int count)
        {
            _inParagraph += count;
            return _inParagraph * _inParagraph <= budget - _settled;
        }
    }

    // "[label]:" after at most three spaces, as CommonMark writes a link reference definition.
    private static bool IsReferenceDefinition(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3 || trimmed.Length < 4 || trimmed[0] != '[')
        {
            return false;
        }

        var close = trimmed.IndexOf("]:", StringComparison.Ordinal);
        return close > 1;
    }
}
