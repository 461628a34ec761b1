using System.Globalization;
using System.Net;
using System.Text;
using Localize.Core.Segments;
using Localize.Core.Translation;

namespace Localize.Engines.Protection;

/// <summary>
/// Turns a segment's inline codes and do-not-translate terms into markup an engine keeps
/// (<see cref="EngineMarkup"/>), and the engine's output back into inline-markup form. Restoring is strict: a code the
/// engine moved out of order, split, dropped or invented, and a glossary term lost or duplicated, make the segment
/// broken rather than "repaired", because a wrong link in a medical article is worse than no translation.
/// </summary>
internal static class InlineCodeProtector
{
    /// <summary>Placeholder ids for glossary terms in <see cref="EngineMarkup.InlineMarkup"/>, far above real code ids.</summary>
    internal const int TermPlaceholderBase = 1_000_000;

    /// <summary>Throws <see cref="InlineMarkupException"/> when the source itself is malformed.</summary>
    public static ProtectedText Protect(string tagged, IReadOnlyList<string> doNotTranslate, EngineMarkup markup)
    {
        var parts = InlineMarkup.Parse(tagged);
        var terms = new List<string>();
        var input = new StringBuilder(tagged.Length + 16);
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    WriteTextWithTerms(input, part.Text, doNotTranslate, terms, markup);
                    break;
                case InlinePartKind.Open:
                    input.Append(markup switch
                    {
                        EngineMarkup.HtmlPaired => $"<span id=\"c{part.CodeId}\">",
                        EngineMarkup.HtmlIsolated => $"<x id=\"o{part.CodeId}\"/>",
                        _ => InlineMarkup.OpenTag(part.CodeId),
                    });
                    break;
                case InlinePartKind.Close:
                    input.Append(markup switch
                    {
                        EngineMarkup.HtmlPaired => "</span>",
                        EngineMarkup.HtmlIsolated => $"<x id=\"c{part.CodeId}\"/>",
                        _ => InlineMarkup.CloseTag,
                    });
                    break;
                case InlinePartKind.Placeholder:
                    input.Append(markup == EngineMarkup.InlineMarkup
                        ? InlineMarkup.PlaceholderTag(part.CodeId)
                        : $"<x id=\"p{part.CodeId}\"/>");
                    break;
            }
        }

        return new ProtectedText(input.ToString(), terms);
    }

    /// <summary>The engine output in inline-markup form, or the problems that make it unsafe to merge.</summary>
    public static RestoredText Restore(string sourceTagged, string engineOutput, ProtectedText protectedText, EngineMarkup markup)
    {
        var termUses = new int[protectedText.Terms.Count];
        string restored;
        try
        {
            restored = markup == EngineMarkup.InlineMarkup
                ? RestoreInlineMarkup(engineOutput, protectedText.Terms, termUses)
                : RestoreHtml(engineOutput, protectedText.Terms, termUses);
        }
        catch (InlineMarkupException ex)
        {
            return new RestoredText(null, [ex.Message]);
        }

        restored = MatchOuterWhitespace(sourceTagged, restored);
        var problems = new List<string>(InlineMarkup.CompareCodes(sourceTagged, restored));
        for (var k = 0; k < termUses.Length; k++)
        {
            if (termUses[k] != 1)
            {
                problems.Add(termUses[k] == 0
                    ? $"do-not-translate term '{protectedText.Terms[k]}' was lost"
                    : $"do-not-translate term '{protectedText.Terms[k]}' appears {termUses[k]} times");
            }
        }

        return problems.Count == 0 ? new RestoredText(restored, []) : new RestoredText(null, problems);
    }

    private static void WriteTextWithTerms(
        StringBuilder input,
        string text,
        IReadOnlyList<string> doNotTranslate,
        List<string> terms,
        EngineMarkup markup)
    {
        var start = 0;
        while (start < text.Length)
        {
            var (at, length) = FindFirstTerm(text, start, doNotTranslate);
            if (at < 0)
            {
                input.Append(InlineMarkup.Escape(text[start..]));
                return;
            }

            input.Append(InlineMarkup.Escape(text[start..at]));
            // The term is restored as the source wrote it, whatever case the glossary uses.
            var term = text.Substring(at, length);
            terms.Add(term);
            var k = terms.Count;
            input.Append(markup switch
            {
                // Azure keeps a translate="no" element's content and still sees the word in its sentence.
                EngineMarkup.HtmlPaired => $"<span translate=\"no\" id=\"t{k}\">{InlineMarkup.Escape(term)}</span>",
                EngineMarkup.HtmlIsolated => $"<x id=\"t{k}\"/>",
                _ => InlineMarkup.PlaceholderTag(TermPlaceholderBase + k),
            });
            start = at + length;
        }
    }

    /// <summary>The earliest whole-word occurrence of any term (the longest one when several start together).</summary>
    private static (int At, int Length) FindFirstTerm(string text, int start, IReadOnlyList<string> doNotTranslate)
    {
        var best = -1;
        var bestLength = 0;
        foreach (var term in doNotTranslate)
        {
            if (term.Length == 0)
            {
                continue;
            }

            var from = start;
            while (from <= text.Length - term.Length)
            {
                var at = text.IndexOf(term, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0 || (best >= 0 && at > best))
                {
                    break;
                }

                var end = at + term.Length;
                var wholeWord = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
                if (wholeWord)
                {
                    if (best < 0 || at < best || term.Length > bestLength)
                    {
                        best = at;
                        bestLength = term.Length;
                    }

                    break;
                }

                from = at + 1;
            }
        }

        return (best, bestLength);
    }

    private static string RestoreInlineMarkup(string output, IReadOnlyList<string> terms, int[] termUses)
    {
        var sb = new StringBuilder(output.Length);
        foreach (var part in InlineMarkup.Parse(output))
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    sb.Append(InlineMarkup.Escape(part.Text));
                    break;
                case InlinePartKind.Open:
                    sb.Append(InlineMarkup.OpenTag(part.CodeId));
                    break;
                case InlinePartKind.Close:
                    sb.Append(InlineMarkup.CloseTag);
                    break;
                case InlinePartKind.Placeholder when part.CodeId > TermPlaceholderBase:
                    AppendTerm(sb, part.CodeId - TermPlaceholderBase, terms, termUses);
                    break;
                case InlinePartKind.Placeholder:
                    sb.Append(InlineMarkup.PlaceholderTag(part.CodeId));
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads the HTML our Protect wrote, as engines give it back: <c>&lt;x …/&gt;</c> may return as
    /// <c>&lt;x …&gt;&lt;/x&gt;</c> (Apertium), entities may be numeric. Any other tag is an engine invention.
    /// </summary>
    private static string RestoreHtml(string output, IReadOnlyList<string> terms, int[] termUses)
    {
        var sb = new StringBuilder(output.Length);
        var openCodes = new Stack<int>();
        // Each open span is a code id, or a negative term number whose content is replaced by the term.
        var openSpans = new Stack<int>();
        var insideTerm = 0;
        var i = 0;
        while (i < output.Length)
        {
            var c = output[i];
            if (c != '<')
            {
                var next = output.IndexOf('<', i);
                var end = next < 0 ? output.Length : next;
                if (insideTerm == 0)
                {
                    // Engines answer HTML with any named or numeric entity; the inline form escapes only &, < and >.
                    sb.Append(InlineMarkup.Escape(WebUtility.HtmlDecode(output[i..end])));
                }

                i = end;
                continue;
            }

            var close = output.IndexOf('>', i);
            if (close < 0)
            {
                throw new InlineMarkupException($"engine output has an unclosed tag at character {i + 1}");
            }

            var tag = output.AsSpan(i + 1, close - i - 1).Trim();
            i = close + 1;
            if (tag.SequenceEqual("/x"))
            {
                continue;
            }

            if (tag.SequenceEqual("/span"))
            {
                if (openSpans.Count == 0)
                {
                    throw new InlineMarkupException("engine output closes a span it never opened");
                }

                var span = openSpans.Pop();
                if (span < 0)
                {
                    insideTerm--;
                }
                else
                {
                    PopCode(openCodes, span);
                    sb.Append(InlineMarkup.CloseTag);
                }

                continue;
            }

            var name = TagName(tag);
            var id = AttributeValue(tag, "id");
            if (id is null || id.Length < 2 || !int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || (name != "x" && name != "span"))
            {
                throw new InlineMarkupException($"engine output has markup that is not ours: <{tag.ToString()}>");
            }

            switch (name, id[0])
            {
                case ("span", 'c'):
                    openCodes.Push(number);
                    openSpans.Push(number);
                    sb.Append(InlineMarkup.OpenTag(number));
                    break;
                case ("span", 't'):
                    openSpans.Push(-number);
                    if (insideTerm++ == 0)
                    {
                        AppendTerm(sb, number, terms, termUses);
                    }

                    break;
                case ("x", 'o'):
                    openCodes.Push(number);
                    sb.Append(InlineMarkup.OpenTag(number));
                    break;
                case ("x", 'c'):
                    PopCode(openCodes, number);
                    sb.Append(InlineMarkup.CloseTag);
                    break;
                case ("x", 'p'):
                    sb.Append(InlineMarkup.PlaceholderTag(number));
                    break;
                case ("x", 't'):
                    AppendTerm(sb, number, terms, termUses);
                    break;
                default:
                    throw new InlineMarkupException($"engine output has markup that is not ours: <{tag.ToString()}>");
            }
        }

        if (openSpans.Count > 0 || openCodes.Count > 0)
        {
            throw new InlineMarkupException("engine output leaves a paired code open");
        }

        return sb.ToString();
    }

    private static void PopCode(Stack<int> openCodes, int id)
    {
        if (openCodes.Count == 0 || openCodes.Peek() != id)
        {
            throw new InlineMarkupException($"paired code {id} is closed out of order");
        }

        openCodes.Pop();
    }

    private static void AppendTerm(StringBuilder sb, int number, IReadOnlyList<string> terms, int[] termUses)
    {
        if (number < 1 || number > terms.Count)
        {
            throw new InlineMarkupException($"engine output names do-not-translate term {number}, which the source does not have");
        }

        termUses[number - 1]++;
        sb.Append(InlineMarkup.Escape(terms[number - 1]));
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var end = tag.IndexOfAny(' ', '/');
        return (end < 0 ? tag : tag[..end]).ToString();
    }

    private static string? AttributeValue(ReadOnlySpan<char> tag, string attribute)
    {
        var at = tag.IndexOf($" {attribute}=\"");
        if (at < 0)
        {
            return null;
        }

        var rest = tag[(at + attribute.Length + 3)..];
        var end = rest.IndexOf('"');
        return end < 0 ? null : rest[..end].ToString();
    }

    /// <summary>Engines add or drop spaces at the ends (Apertium starts its output with one); the source decides.</summary>
    private static string MatchOuterWhitespace(string source, string target)
    {
        var sourceLead = source.Length - source.AsSpan().TrimStart().Length;
        var sourceTrail = source.Length - source.AsSpan().TrimEnd().Length;
        var core = target.AsSpan().Trim();
        if (core.IsEmpty || sourceLead == source.Length)
        {
            return target;
        }

        return string.Concat(source.AsSpan(0, sourceLead), core, source.AsSpan(source.Length - sourceTrail));
    }
}

/// <param name="EngineInput">What the engine is given; also the cache key.</param>
/// <param name="Terms">Do-not-translate terms as the source wrote them; term k is <c>Terms[k - 1]</c>.</param>
internal sealed record ProtectedText(string EngineInput, IReadOnlyList<string> Terms);

/// <param name="Text">Inline-markup target, null when <paramref name="Problems"/> is not empty.</param>
internal sealed record RestoredText(string? Text, IReadOnlyList<string> Problems);
