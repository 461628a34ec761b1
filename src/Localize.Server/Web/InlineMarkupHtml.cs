using System.Text;
using System.Text.Encodings.Web;
using Localize.Core.Segments;
using Microsoft.AspNetCore.Html;

namespace Localize.Server.Web;

/// <summary>
/// Shows a segment to a reviewer: its text HTML-encoded (nothing an engine or a person typed can run) and each inline
/// code as a small numbered marker, so the reviewer sees where the formatting goes without seeing Markdown.
/// </summary>
public static class InlineMarkupHtml
{
    public static IHtmlContent Render(string? tagged)
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
            html.Append(part.Kind switch
            {
                InlinePartKind.Text => PageEncoding.Html.Encode(part.Text),
                InlinePartKind.Open => $"<span class=\"code\" title=\"formatting {part.CodeId} starts\">{part.CodeId}&#x2039;</span>",
                InlinePartKind.Close => $"<span class=\"code\" title=\"formatting {part.CodeId} ends\">&#x203A;{part.CodeId}</span>",
                _ => $"<span class=\"code\" title=\"inline code {part.CodeId}\">&#x25C6;{part.CodeId}</span>",
            });
        }

        return new HtmlString(html.ToString());
    }
}
