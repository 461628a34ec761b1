using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Segments;

namespace Localize.Core.Memory;

/// <summary>
/// What a reviewer must look at in a fuzzy match: the memory's source against the current source, word by word, as
/// HTML with every piece of text escaped — <c>&lt;del&gt;</c> for words only in memory, <c>&lt;ins&gt;</c> for words
/// only in the current source. Inline codes are left out: the reviewer reads words.
/// </summary>
public static partial class WordDiff
{
    public static string Html(string memorySource, string currentSource)
    {
        var before = Tokens(Plain(memorySource));
        var after = Tokens(Plain(currentSource));
        var lengths = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var html = new StringBuilder();
        int a = 0, b = 0;
        while (a < before.Count || b < after.Count)
        {
            if (a < before.Count && b < after.Count && before[a] == after[b])
            {
                html.Append(WebUtility.HtmlEncode(before[a]));
                a++;
                b++;
            }
            else if (b == after.Count || (a < before.Count && lengths[a + 1, b] >= lengths[a, b + 1]))
            {
                Wrap(html, "del", before[a++]);
            }
            else
            {
                Wrap(html, "ins", after[b++]);
            }
        }

        // Adjacent changes read better as one: "<del>2</del><del> </del>" → "<del>2 </del>".
        return html.Replace("</del><del>", string.Empty).Replace("</ins><ins>", string.Empty).ToString();
    }

    private static void Wrap(StringBuilder html, string tag, string token) =>
        html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(token)).Append("</").Append(tag).Append('>');

    private static string Plain(string tagged)
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

    private static List<string> Tokens(string text) => [.. TokenPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
