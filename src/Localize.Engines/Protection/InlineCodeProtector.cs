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
/// Preferred glossary translations are enforced by each engine's own means: an isolated element Apertium keeps in
/// place and we replace by the target term, or Azure's dynamic dictionary
/// (<c>&lt;mstrans:dictionary translation="ketamina"&gt;ketamine&lt;/mstrans:dictionary&gt;</c>). Pseudo output is never
/// a translation, so <see cref="EngineMarkup.InlineMarkup"/> places no terms.
/// </summary>
internal static class InlineCodeProtector
{
    /// <summary>Placeholder ids for glossary terms in <see cref="EngineMarkup.InlineMarkup"/>, far above real code ids.</summary>
    internal const int TermPlaceholderBase = 1_000_000;

    /// <summary>Throws <see cref="InlineMarkupException"/> when the source itself is malformed.</summary>
    public static ProtectedText Protect(string tagged, IReadOnlyList<string> doNotTranslate, EngineMarkup markup) =>
        Protect(tagged, doNotTranslate, [], markup);

    /// <summary>Throws <see cref="InlineMarkupException"/> when the source itself is malformed.</summary>
    public static ProtectedText Protect(string tagged, IReadOnlyList<string> doNotTranslate, IReadOnlyList<TermTranslation> glossary, EngineMarkup markup)
    {
        var parts = InlineMarkup.Parse(tagged);
        var terms = new List<string>();
        var placed = new List<TermTranslation>();
        var candidates = markup == EngineMarkup.InlineMarkup ? doNotTranslate : [.. doNotTranslate, .. glossary.Select(t => t.Source)];
        var input = new StringBuilder(tagged.Length + 16);
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    WriteTextWithTerms(input, part.Text, new TermLists(candidates, doNotTranslate.Count, glossary, terms, placed), markup);
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

        return new ProtectedText(input.ToString(), terms) { Glossary = placed };
    }

    /// <summary>The engine output in inline-markup form, or the problems that make it unsafe to merge.</summary>
    public static RestoredText Restore(string sourceTagged, string engineOutput, ProtectedText protectedText, EngineMarkup markup)
    {
        var termUses = new int[protectedText.Terms.Count];
        var glossaryUses = new int[protectedText.Glossary.Count];
        string restored;
        try
        {
            restored = markup == EngineMarkup.InlineMarkup
                ? RestoreInlineMarkup(engineOutput, protectedText.Terms, termUses)
                : RestoreHtml(engineOutput, protectedText, termUses, glossaryUses);
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

        // Azure's dictionary leaves no mark in its output: the term's translation must simply be there.
        var enforced = markup == EngineMarkup.HtmlPaired
            ? protectedText.Glossary.Where(t => restored.Contains(InlineMarkup.Escape(t.Target), StringComparison.OrdinalIgnoreCase))
            : protectedText.Glossary.Where((_, k) => glossaryUses[k] > 0);
        for (var k = 0; k < glossaryUses.Length && markup == EngineMarkup.HtmlIsolated; k++)
        {
            if (glossaryUses[k] != 1)
            {
                problems.Add(glossaryUses[k] == 0
                    ? $"glossary term '{protectedText.Glossary[k].Source}' was lost"
                    : $"glossary term '{protectedText.Glossary[k].Source}' appears {glossaryUses[k]} times");
            }
        }

        return problems.Count == 0
            ? new RestoredText(restored, []) { EnforcedTerms = [.. enforced.DistinctBy(t => t.Target, StringComparer.OrdinalIgnoreCase)] }
            : new RestoredText(null, problems);
    }

    private static void WriteTextWithTerms(StringBuilder input, string text, TermLists lists, EngineMarkup markup)
    {
        var start = 0;
        while (start < text.Length)
        {
            var (at, length, candidate) = FindFirstTerm(text, start, lists.Candidates);
            if (at < 0)
            {
                input.Append(InlineMarkup.Escape(text[start..]));
                return;
            }

            input.Append(InlineMarkup.Escape(text[start..at]));
            // The term is restored as the source wrote it, whatever case the glossary uses.
            var term = text.Substring(at, length);
            if (candidate >= lists.DoNotTranslateCount)
            {
                var translation = lists.Glossary[candidate - lists.DoNotTranslateCount];
                var placed = new TermTranslation(term, char.IsUpper(term[0]) ? Capitalised(translation.Target) : translation.Target);
                lists.Placed.Add(placed);
                input.Append(markup == EngineMarkup.HtmlPaired
                    ? $"<mstrans:dictionary translation=\"{WebUtility.HtmlEncode(placed.Target)}\">{InlineMarkup.Escape(term)}</mstrans:dictionary>"
                    : $"<x id=\"g{lists.Placed.Count}\" data-term=\"{WebUtility.HtmlEncode(placed.Target)}\"/>");
                start = at + length;
                continue;
            }

            lists.Terms.Add(term);
            var k = lists.Terms.Count;
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

    private static string Capitalised(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    /// <summary>The earliest whole-word occurrence of any term (the longest one when several start together), and which.</summary>
    private static (int At, int Length, int Candidate) FindFirstTerm(string text, int start, IReadOnlyList<string> candidates)
    {
        var best = -1;
        var bestLength = 0;
        var bestCandidate = -1;
        for (var c = 0; c < candidates.Count; c++)
        {
            var term = candidates[c];
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
                        bestCandidate = c;
                    }

                    break;
                }

                from = at + 1;
            }
        }

        return (best, bestLength, bestCandidate);
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
    private static string RestoreHtml(string output, ProtectedText protectedText, int[] termUses, int[] glossaryUses)
    {
        var terms = protectedText.Terms;
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
                case ("x", 'g') when number >= 1 && number <= protectedText.Glossary.Count:
                    glossaryUses[number - 1]++;
                    sb.Append(InlineMarkup.Escape(protectedText.Glossary[number - 1].Target));
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
internal sealed record ProtectedText(string EngineInput, IReadOnlyList<string> Terms)
{
    /// <summary>Glossary terms placed for the engine, in order, each with its translation in the source's case; term k is <c>Glossary[k - 1]</c>.</summary>
    public IReadOnlyList<TermTranslation> Glossary { get; init; } = [];
}

/// <summary>What <see cref="InlineCodeProtector"/> looks for in a text run: do-not-translate terms first, then glossary sources.</summary>
internal sealed record TermLists(
    IReadOnlyList<string> Candidates,
    int DoNotTranslateCount,
    IReadOnlyList<TermTranslation> Glossary,
    List<string> Terms,
    List<TermTranslation> Placed);

/// <param name="Text">Inline-markup target, null when <paramref name="Problems"/> is not empty.</param>
internal sealed record RestoredText(string? Text, IReadOnlyList<string> Problems)
{
    public IReadOnlyList<TermTranslation> EnforcedTerms { get; init; } = [];
}
