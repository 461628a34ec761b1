using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Memory;

public enum SourceChange
{
    /// <summary>The same tagged text.</summary>
    Identical,

    /// <summary>Only presentation changed: the approval stands and the target is updated mechanically.</summary>
    Cosmetic,

    /// <summary>A word, number, negation or code changed: the target goes back through translation and review.</summary>
    Meaning,
}

/// <summary>
/// Decides whether an edited source sentence still says what the approved translation says. The rule, in full:
/// two sources are a <see cref="SourceChange.Cosmetic"/> change when they have the same inline codes in the same order
/// and the same characters between them once these are set aside:
/// <list type="number">
/// <item>white space: any run of spaces, tabs, line breaks or no-break spaces counts as one space, and space at the
/// start and end of the sentence does not count (line wrapping);</item>
/// <item>typographic quotes: “ ” „ ‟ « » ″ count as ", and ‘ ’ ‚ ‛ ′ as ' (so don’t = don't);</item>
/// <item>trailing punctuation: the run of . ! ; : , … at the very end does not count — but ? does, because a
/// question is not a statement;</item>
/// <item>emphasis markers: literal * and _ do not count (Markdown's own emphasis is an inline code, which must stay).</item>
/// </list>
/// Everything else is a <see cref="SourceChange.Meaning"/> change: one letter of one word (case included: a medical
/// text's capitals can be a drug name), one digit, one negation, one code added or removed. When in doubt the rule
/// says meaning: a needless review costs minutes, a wrong approval can hurt a patient.
/// </summary>
public static class CosmeticChangeRule
{
    private const string TrailingPunctuation = ".!;:,…";

    public static SourceChange Classify(string oldSource, string newSource)
    {
        if (string.Equals(oldSource, newSource, StringComparison.Ordinal))
        {
            return SourceChange.Identical;
        }

        var before = Key(oldSource);
        var after = Key(newSource);
        return before is not null && string.Equals(before, after, StringComparison.Ordinal) ? SourceChange.Cosmetic : SourceChange.Meaning;
    }

    /// <summary>
    /// The approved target after a cosmetic source change: where the target ends with the old source's trailing
    /// punctuation, it ends with the new source's instead; the rest (white space, quotes, emphasis markers of the
    /// source) has no counterpart in the target to change, so it stays as the reviewer approved it.
    /// </summary>
    public static string UpdateTarget(string oldSource, string newSource, string target)
    {
        var oldEnd = TrailingRun(oldSource);
        var newEnd = TrailingRun(newSource);
        if (oldEnd == newEnd)
        {
            return target;
        }

        var trimmed = target.TrimEnd();
        var spaceAfter = target[trimmed.Length..];
        var targetEnd = TrailingRun(trimmed);
        return targetEnd == oldEnd ? trimmed[..^targetEnd.Length] + newEnd + spaceAfter : target;
    }

    /// <summary>The comparison key: codes as marks, text normalized as the rule says; null when the text does not parse.</summary>
    private static string? Key(string tagged)
    {
        IReadOnlyList<InlinePart> parts;
        try
        {
            parts = InlineMarkup.Parse(tagged);
        }
        catch (InlineMarkupException)
        {
            return null;
        }

        var key = new StringBuilder(tagged.Length);
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    foreach (var c in part.Text)
                    {
                        AppendNormalized(key, c);
                    }

                    break;
                case InlinePartKind.Open:
                    key.Append('\uE001').Append(part.CodeId).Append('\uE000');
                    break;
                case InlinePartKind.Close:
                    key.Append('\uE002').Append(part.CodeId).Append('\uE000');
                    break;
                default:
                    key.Append('\uE003').Append(part.CodeId).Append('\uE000');
                    break;
            }
        }

        var text = key.ToString().Trim(' ');
        return text.TrimEnd(TrailingPunctuation.ToCharArray()).TrimEnd(' ');
    }

    private static void AppendNormalized(StringBuilder key, char c)
    {
        if (char.IsWhiteSpace(c))
        {
            if (key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }

            return;
        }

        switch (c)
        {
            case '*' or '_':
                return;
            case '“' or '”' or '„' or '‟' or '«' or '»' or '″':
                key.Append('"');
                return;
            case '‘' or '’' or '‚' or '‛' or '′':
                key.Append('\'');
                return;
            default:
                key.Append(c);
                return;
        }
    }

    private static string TrailingRun(string text)
    {
        var trimmed = text.TrimEnd();
        var start = trimmed.Length;
        while (start > 0 && TrailingPunctuation.Contains(trimmed[start - 1], StringComparison.Ordinal))
        {
            start--;
        }

        return trimmed[start..];
    }
}
