using System.Text.RegularExpressions;

namespace Localize.Core.Segmentation;

/// <summary>
/// Finds sentence boundaries in a text unit with one language's SRX rules. The input is plain text in which inline
/// codes stand as single characters (<see cref="OpenCode"/>, <see cref="CloseCode"/>, <see cref="IsolatedCode"/>),
/// so rules can see them and a break inside a paired code can be refused.
/// </summary>
/// <remarks>
/// SRX says to try every position; that is too slow for 20 MB paragraphs. Every break rule is scanned forwards once
/// to find candidate positions, and only at those are all rules tried in order, which gives the same answer for rule
/// sets (like ours) whose no-break rules only ever veto positions a break rule proposes.
/// </remarks>
public sealed class SentenceSegmenter
{
    public const char OpenCode = '\uE001';
    public const char CloseCode = '\uE002';
    public const char IsolatedCode = '\uE003';

    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private readonly Regex[] _breakScanners;
    private readonly (bool IsBreak, Regex AtPosition)[] _rules;

    internal SentenceSegmenter(IReadOnlyList<SrxRule> rules)
    {
        _rules = rules
            .Select(r => (r.IsBreak, new Regex($@"\G(?<=(?:{r.Before}))(?=(?:{r.After}))", Options)))
            .ToArray();
        _breakScanners = rules
            .Where(r => r.IsBreak)
            .Select(r => new Regex($"(?:{r.Before})(?=(?:{r.After}))", Options))
            .ToArray();
    }

    /// <summary>Positions (ascending, each strictly inside the text) where a new sentence may start.</summary>
    public IReadOnlyList<int> FindBreaks(string text) => FindBreaks(text.AsSpan());

    /// <inheritdoc cref="FindBreaks(string)"/>
    public IReadOnlyList<int> FindBreaks(ReadOnlySpan<char> text)
    {
        if (_breakScanners.Length == 0)
        {
            return [];
        }

        var candidates = new List<int>();
        foreach (var scanner in _breakScanners)
        {
            foreach (var match in scanner.EnumerateMatches(text))
            {
                var position = match.Index + match.Length;
                if (position > 0 && position < text.Length)
                {
                    candidates.Add(position);
                }
            }
        }

        if (_breakScanners.Length > 1)
        {
            candidates.Sort();
        }

        var breaks = new List<int>(candidates.Count);
        var depth = 0;
        var scanned = 0;
        var previous = -1;
        foreach (var position in candidates)
        {
            if (position == previous)
            {
                continue;
            }

            previous = position;
            depth += CodeDepthChange(text[scanned..position]);
            scanned = position;
            // A paired code must stay whole in one segment, so a sentence end inside it is not a break.
            if (depth == 0 && Decide(text, position))
            {
                breaks.Add(position);
            }
        }

        return breaks;
    }

    private bool Decide(ReadOnlySpan<char> text, int position)
    {
        foreach (var (isBreak, atPosition) in _rules)
        {
            if (atPosition.IsMatch(text, position))
            {
                return isBreak;
            }
        }

        return false;
    }

    private static int CodeDepthChange(ReadOnlySpan<char> span)
    {
        var change = 0;
        foreach (var c in span)
        {
            if (c == OpenCode)
            {
                change++;
            }
            else if (c == CloseCode)
            {
                change--;
            }
        }

        return change;
    }
}
