using System.Text;
using System.Text.Encodings.Web;
using Localize.Core.Glossaries;
using Localize.Core.Segments;
using Microsoft.AspNetCore.Html;

namespace Localize.Server.Web;

/// <summary>
/// Shows a segment to a reviewer: its text HTML-encoded (nothing an engine or a person typed can run) and each inline
/// code as a small numbered marker, so the reviewer sees where the formatting goes without seeing Markdown.
/// </summary>
public static class InlineMarkupHtml
{
    public static IHtmlContent Render(string? tagged) => Render(tagged, null);

    /// <param name="glossary">When given, its preferred and do-not-translate terms in the text are marked, with the
    /// translation the glossary asks for as their title.</param>
    public static IHtmlContent Render(string? tagged, Glossary? glossary)
    {
        if (string.IsNullOrEmpty(tagged))
        {
            return HtmlString.Empty;
        }

        IReadOnlyList<InlinePart> parts;
        try
        {
            parts = InlineMarkup.Parse(tagged);
        }
        catch (InlineMarkupException)
        {
            return new HtmlString(PageEncoding.Html.Encode(tagged));
        }

        var html = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Kind == InlinePartKind.Text)
            {
                AppendText(html, part.Text, glossary);
                continue;
            }

            html.Append(part.Kind switch
            {
                InlinePartKind.Open => $"<span class=\"code\" title=\"formatting {part.CodeId} starts\">{part.CodeId}&#x2039;</span>",
                InlinePartKind.Close => $"<span class=\"code\" title=\"formatting {part.CodeId} ends\">&#x203A;{part.CodeId}</span>",
                _ => $"<span class=\"code\" title=\"inline code {part.CodeId}\">&#x25C6;{part.CodeId}</span>",
            });
        }

        return new HtmlString(html.ToString());
    }

    private static void AppendText(StringBuilder html, string text, Glossary? glossary)
    {
        var spans = glossary is null ? [] : GlossaryHighlights.Find(glossary, text);
        var at = 0;
        foreach (var span in spans)
        {
            html.Append(PageEncoding.Html.Encode(text[at..span.Start]));
            var kind = span.Entry.Kind == GlossaryEntryKind.DoNotTranslate ? "dnt" : "term";
            html.Append($"<mark class=\"{kind}\" title=\"{PageEncoding.Html.Encode(TermTitle(glossary!, span.Entry))}\">")
                .Append(PageEncoding.Html.Encode(text.Substring(span.Start, span.Length)))
                .Append("</mark>");
            at = span.Start + span.Length;
        }

        html.Append(PageEncoding.Html.Encode(text[at..]));
    }

    /// <summary>What the glossary asks for the term: every preferred translation of it, or that it stays as written.</summary>
    public static string TermTitle(Glossary glossary, GlossaryEntry entry) =>
        entry.Kind == GlossaryEntryKind.DoNotTranslate
            ? $"do not translate: keep “{entry.Source}”"
            : "glossary: " + string.Join(" or ", glossary.Preferred
                .Where(e => string.Equals(e.Source, entry.Source, StringComparison.OrdinalIgnoreCase))
                .Select(e => $"“{e.Target}”"));
}
