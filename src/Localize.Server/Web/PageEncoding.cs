using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Localize.Server.Web;

/// <summary>
/// How every page encodes text: pages are in every reader's and reviewer's language, so "migraña" is written as it
/// is, not as "migra&amp;#xF1;a"; the characters that matter to HTML (&lt; &gt; &amp; " ') are still encoded.
/// </summary>
public static class PageEncoding
{
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static TextEncoderSettings Settings => new(UnicodeRanges.All);
}
