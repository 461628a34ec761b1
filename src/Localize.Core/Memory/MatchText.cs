using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Memory;

/// <summary>
/// The form in which memory compares sources: the reader's text with each inline code as one private-use character
/// (so a moved or missing code costs one edit, not the eleven characters of its tag) and runs of white space as one
/// space. Why not the tagged text: two sources that differ only by code ids would otherwise look 10 % different.
/// </summary>
public static class MatchText
{
    public const char OpenMark = '\uE001';
    public const char CloseMark = '\uE002';
    public const char PlaceholderMark = '\uE003';

    public static string Of(string tagged)
    {
        IReadOnlyList<InlinePart> parts;
        try
        {
            parts = InlineMarkup.Parse(tagged);
        }
        catch (InlineMarkupException)
        {
            // Imported memories may hold text that is not ours; compare it as it is.
            return CollapseSpaces(tagged);
        }

        var text = new StringBuilder(tagged.Length);
        foreach (var part in parts)
        {
            text.Append(part.Kind switch
            {
                InlinePartKind.Open => OpenMark.ToString(),
                InlinePartKind.Close => CloseMark.ToString(),
                InlinePartKind.Placeholder => PlaceholderMark.ToString(),
                _ => part.Text,
            });
        }

        return CollapseSpaces(text.ToString());
    }

    private static string CollapseSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
