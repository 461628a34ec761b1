using Localize.Core.Segments;

namespace Localize.Server.Web;

/// <summary>Text search in segments as a reviewer reads them: the words, not the inline codes around them.</summary>
public static class SegmentSearch
{
    /// <summary>The words of a tagged segment; the text as it is when its codes do not parse.</summary>
    public static string Plain(string tagged)
    {
        try
        {
            return InlineMarkup.PlainText(tagged);
        }
        catch (InlineMarkupException)
        {
            return tagged;
        }
    }

    /// <summary>Whether the segment's words contain <paramref name="text"/>, letter case ignored.</summary>
    public static bool Contains(string? tagged, string text) =>
        tagged is not null && Plain(tagged).Contains(text, StringComparison.CurrentCultureIgnoreCase);
}
