using System.Text.RegularExpressions;
using Localize.Core.Publishing;

namespace Localize.Core.Tests.Publishing;

/// <summary>
/// The last wall before a reader: whatever Markdown reaches the content store (a translation, a file altered there),
/// the rendered page carries no element, attribute or URL that runs script. Each row is a way in.
/// </summary>
public sealed partial class PublishedPageRendererTests
{
    public static TheoryData<string, string> Hostile => new()
    {
        // Markdown                                               | visible text that must survive
        { "Read the [leaflet](javascript:alert(1)).", "leaflet" },
        { "Read the [leaflet](JaVaScRiPt:alert(1)).", "leaflet" },
        { "Read the [leaflet](  javascript:alert(1) ).", "leaflet" },
        { "Read the [leaflet](java&#x73;cript:alert(1)).", "leaflet" },     // entity-encoded scheme
        { "Read the [leaflet](vbscript:msgbox(1)).", "leaflet" },
        { "Read the [leaflet](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).", "leaflet" },
        { "See ![the diagram](javascript:alert(1)).", "See" },
        { "Autolink <javascript:alert(1)> here.", "here" },
        { "Read [the leaflet][x].\n\n[x]: javascript:alert(1)", "the leaflet" },
        { "Before <script>alert(1)</script> after.", "after" },
        { "<script>alert(1)</script>", "alert(1)" },                       // a raw HTML block shows as text
        { "An <img src=x onerror=alert(1)> image.", "image" },
        { "A <a href=\"javascript:alert(1)\">link</a>.", "link" },
        { "<svg onload=alert(1)></svg> vector", "vector" },
        { "<iframe src=\"javascript:alert(1)\"></iframe> frame", "frame" },
        { "Say <b onmouseover=alert(1)>hello</b>.", "hello" },
        { "| a | b |\n|---|---|\n| [x](javascript:alert(1)) | <img src=x onerror=alert(1)> |", "a" },
        { "Footnote[^1].\n\n[^1]: [x](javascript:alert(1))", "Footnote" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void No_markup_in_a_published_file_runs_script(string markdown, string text)
    {
        var html = PublishedPageRenderer.Render($"---\ntitle: Hostile\n---\n\n{markdown}\n").Html;

        Assert.Contains(text, html);
        Assert.DoesNotMatch(ScriptElement(), html);
        Assert.DoesNotMatch(EventHandler(), html);
        Assert.DoesNotMatch(ScriptUrl(), html);
    }

    [Fact]
    public void Ordinary_links_and_images_are_kept()
    {
        var html = PublishedPageRenderer.Render("---\ntitle: Fine\n---\n\nSee [the NHS page](https://www.nhs.uk/) and ![a chart](/images/chart.png).\n").Html;

        Assert.Contains("href=\"https://www.nhs.uk/\"", html);
        Assert.Contains("src=\"/images/chart.png\"", html);
    }

    [GeneratedRegex(@"<\s*(script|iframe|svg|object|embed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    // Inside a tag only: escaped raw HTML (&lt;a href="javascript:…"&gt;) is text a reader sees, not a link.
    [GeneratedRegex(@"<[a-z][^>]*\s(href|src|action|formaction)\s*=\s*[""']?\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
