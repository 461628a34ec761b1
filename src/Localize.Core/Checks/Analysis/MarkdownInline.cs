using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Localize.Core.Checks.Analysis;

/// <summary>
/// What Markdig's inline parser makes of a text: the reader-visible words, the emphasized runs, and an inventory of
/// the markup (emphasis, links with their destinations, code spans, raw HTML, bare URLs) that a translation must keep.
/// </summary>
public sealed partial class MarkdownInline
{
    // CommonMark only: the checks compare what an author wrote, and the shared filter does not enable extensions
    // that would turn plain text into markup (autolinking bare URLs, for instance).
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().Build();

    // Characters that can start inline markup or an entity ("!" needs "[" to make an image).
    private static readonly SearchValues<char> _markupCharacters = SearchValues.Create("*_`[]<>&\\#|~\n\r\t");

    private MarkdownInline(string plainText, IReadOnlyList<string> emphasized, IReadOnlyList<string> markup, string? unreadable = null)
    {
        PlainText = plainText;
        Emphasized = emphasized;
        Markup = markup;
        Unreadable = unreadable;
    }

    public string PlainText { get; }

    /// <summary>The text of each emphasis or strong span.</summary>
    public IReadOnlyList<string> Emphasized { get; }

    /// <summary>One entry per piece of markup, described for a reviewer ("link to https://…", "strong", "HTML &lt;b&gt;").</summary>
    public IReadOnlyList<string> Markup { get; }

    /// <summary>
    /// Why the text could not be read as Markdown (nested thousands deep, or markup that would take Markdig minutes);
    /// null when it was read. Its plain text is then the text as written, with no markup found in it.
    /// </summary>
    public string? Unreadable { get; }

    public static MarkdownInline Parse(string markdown)
    {
        if (IsPlainProse(markdown))
        {
            // Most segments carry no markup at all; Markdig would hand the same text back, so skip the parse.
            var trimmed = markdown.Trim();
            return new MarkdownInline(trimmed, [], [.. BareUrl().Matches(trimmed).Select(Address)]);
        }

        // Leading indentation would make a code block; the whitespace check looks after it separately.
        MarkdownDocument document;
        try
        {
            // A segment is read as its article was: what would hold Markdig for minutes is refused first.
            document = MarkdownInputLimits.Parse(markdown.TrimStart(), _pipeline, linesBefore: 0);
        }
        catch (DocumentFormatException ex)
        {
            return new MarkdownInline(markdown.Trim(), [], [], ex.Message);
        }

        var text = new StringBuilder(markdown.Length);
        var emphasized = new List<string>();
        var markup = new List<string>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                Walk(leaf.Inline, text, emphasized, markup);
            }
            else if (leaf is CodeBlock code)
            {
                markup.Add($"code block \"{code.Lines.ToString().Trim()}\"");
            }
        }

        var plain = text.ToString();
        markup.AddRange(BareUrl().Matches(plain).Select(Address));

        return new MarkdownInline(plain, emphasized, markup);
    }

    private static void Walk(ContainerInline container, StringBuilder text, List<string> emphasized, List<string> markup)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case CodeInline code:
                    markup.Add($"code `{code.Content}`");
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    markup.Add($"link to {autolink.Url}");
                    text.Append(' ');
                    break;
                case HtmlInline html:
                    markup.Add($"HTML {CollapseSpaces(html.Tag)}");
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard)
                    {
                        markup.Add("hard line break");
                    }

                    text.Append(' ');
                    break;
                case LinkInline link:
                    markup.Add(link.IsImage ? $"image {link.Url}" : $"link to {link.Url}");
                    Walk(link, text, emphasized, markup);
                    break;
                case EmphasisInline emphasis:
                    markup.Add(emphasis.DelimiterCount >= 2 ? "strong" : "emphasis");
                    var start = text.Length;
                    Walk(emphasis, text, emphasized, markup);
                    emphasized.Add(text.ToString(start, text.Length - start));
                    break;
                case ContainerInline other:
                    Walk(other, text, emphasized, markup);
                    break;
            }
        }
    }

    /// <summary>
    /// The text with web and mail addresses blanked out (same length): words and digits inside an address are not
    /// negations or doses, and the markup check compares addresses whole.
    /// </summary>
    public static string WithoutAddresses(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.Contains('@') || text.Contains("www.", StringComparison.Ordinal)
            ? BareUrl().Replace(text, m => new string(' ', m.Length))
            : text;

    private static string Address(Match url) => $"address {url.Value.TrimEnd('.', ',', ';', ':', ')')}";

    // No character Markdown reads as inline markup or an entity, and a start no block rule reads (heading, quote,
    // list item, thematic break, table): the text is its own plain text.
    private static bool IsPlainProse(string text)
    {
        if (text.AsSpan().IndexOfAny(_markupCharacters) >= 0)
        {
            return false;
        }

        var start = text.AsSpan().TrimStart();
        return start.Length == 0 || char.IsLetter(start[0]) || start[0] is '¿' or '¡' or '"' or '“' or '(' or '\'';
    }

    private static string CollapseSpaces(string tag) => string.Join(' ', tag.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // An address starts where a run of address characters starts, read once (atomic): tried at every position of a long
    // word and given back a character at a time, the e-mail part took time quadratic in the word's length (500,000
    // letters: minutes), and a hostile or broken segment can hold such a word.
    [GeneratedRegex(@"(?:https?://|www\.|mailto:)[^\s<>""]+|(?<![\w.+-])(?>[\w.+-]+)@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();
}
