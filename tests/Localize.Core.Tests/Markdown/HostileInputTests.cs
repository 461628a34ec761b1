using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Translation;

namespace Localize.Core.Tests.Markdown;

/// <summary>
/// Input an author's tool (or an attacker) can produce: each is either a clear <see cref="DocumentFormatException"/>
/// or a correct round trip, and never a hang or a crash. Sizes are the issue's; timings are not asserted, but each case
/// runs in well under two seconds.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly MarkdownFilter _filter = new(new MarkdownFilterOptions("en", ["title", "description"]));

    public static TheoryData<string> RefusedInputs() => new()
    {
        "10,000 nested block quotes",
        "10,000 nested block quotes, spaced",
        "10,000 nested list levels",
        "10,000 nested links",
        "10,000 open brackets",
        "a YAML bomb in the front matter",
        "front matter that is not YAML",
        "front matter that is a scalar, not fields",
        "front matter never closed",
        "20 MB paragraph with 1,000,000 emphasis runs",
    };

    public static TheoryData<string> RoundTrippedInputs() => new()
    {
        "20 MB single paragraph",
        "20 MB paragraph without a space",
        "unclosed fence",
        "unclosed HTML block",
        "NUL bytes",
        "mixed CRLF and LF",
        "lone CR line ends",
        "BOM before front matter",
        "BOM before a heading",
        "10,000 nested emphasis delimiters",
        "500 nested links",
        "100,000 unmatched backticks",
        "only a BOM",
        "empty",
    };

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public void Is_refused_with_a_clear_error(string name)
    {
        var error = Assert.Throws<DocumentFormatException>(() => _filter.Extract(Make(name)));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [MemberData(nameof(RoundTrippedInputs))]
    public void Round_trips(string name)
    {
        var source = Make(name);

        var document = _filter.Extract(source);

        Assert.Equal(source, document.Merge(document.Segments.Select(s => s.Text).ToList()).Text);
        if (source.Length < 1_000_000)
        {
            // The 20 MB cases are about the parse; their pseudo merge is covered by the small ones (and keeps the suite fast).
            Assert.True(document.Merge(document.Segments.Select(s => PseudoLocalizer.Localize(s.Text)).ToList()).Succeeded);
        }
    }

    [Fact]
    public void Nul_bytes_are_kept_as_codes_and_never_sent_as_text()
    {
        var document = _filter.Extract("Nul \0 byte.\n");

        Assert.Equal("Nul <ph id=\"1\"/> byte.", Assert.Single(document.Segments).Text);
        Assert.Equal("nul", document.Segments[0].Codes[0].Kind);
    }

    [Fact]
    public void Front_matter_errors_say_where()
    {
        var error = Assert.Throws<DocumentFormatException>(() => _filter.Extract(Make("a YAML bomb in the front matter")));

        Assert.Equal(4, error.Line);
        Assert.Equal("c", error.Field);
        Assert.Contains("alias", error.Message);
    }

    private static string Make(string name) => name switch
    {
        "10,000 nested block quotes" => new string('>', 10_000) + " deep\n",
        "10,000 nested block quotes, spaced" => string.Concat(Enumerable.Repeat("> ", 10_000)) + "deep\n",
        "10,000 nested list levels" => string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep\n",
        "10,000 nested links" => new string('[', 10_000) + "x" + string.Concat(Enumerable.Repeat("](/u)", 10_000)),
        "500 nested links" => new string('[', 500) + "x" + string.Concat(Enumerable.Repeat("](/u)", 500)),
        "10,000 open brackets" => new string('[', 10_000) + "x",
        "a YAML bomb in the front matter" => "---\ntitle: Bomb\nb: &b [x, x, x, x, x, x, x, x, x]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nText.\n",
        "front matter that is not YAML" => "---\ntitle: [unclosed\n---\nText.\n",
        "front matter that is a scalar, not fields" => "---\njust some text\n---\nText.\n",
        "front matter never closed" => "---\ntitle: Open\n\nText.\n",
        "20 MB paragraph with 1,000,000 emphasis runs" => Repeat("Word *emph* and more. ", 20_000_000),
        "20 MB single paragraph" => Repeat("A patient [leaflet](/leaflet) says `x`: take 1.5 mg. Then rest. ", 20_000_000),
        "20 MB paragraph without a space" => new string('a', 20_000_000) + "\n",
        "unclosed fence" => "Text.\n\n```js\ncode\n\nMore text.\n",
        "unclosed HTML block" => "<div>\n" + Repeat("text\n", 1_000_000),
        "NUL bytes" => "Nul \0 byte. Another\0.\n\n# He\0ad\n\n\0\n",
        "mixed CRLF and LF" => "Line\r\nline\nline\r\n\r\n- a\r\n- b\n> c\r\nd\n",
        "lone CR line ends" => "Old Mac\rline ends.\r\r- item\rwrapped\r",
        "BOM before front matter" => "\uFEFF---\ntitle: Title\n---\nBody.\n",
        "BOM before a heading" => "\uFEFF# Heading\n\nBody.\n",
        "10,000 nested emphasis delimiters" => new string('*', 10_000) + "x" + new string('*', 10_000),
        "100,000 unmatched backticks" => Repeat("`a ``b ", 700_000),
        "only a BOM" => "\uFEFF",
        "empty" => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };

    private static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, length / unit.Length));
}
