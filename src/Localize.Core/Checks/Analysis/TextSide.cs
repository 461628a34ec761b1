using System.Text;
using Localize.Core.Languages;
using Localize.Core.Segments;

namespace Localize.Core.Checks.Analysis;

/// <summary>How the texts of a pair are written.</summary>
public enum TextForm
{
    /// <summary>Shared inline-markup form with &lt;pc&gt;/&lt;ph&gt; codes (<see cref="InlineMarkup"/>).</summary>
    InlineMarkup,

    /// <summary>Markdown inline text, as in the CLI's pairs file.</summary>
    Markdown,
}

/// <summary>
/// One side of a pair, analysed once and shared by every check: plain text, words, numbers, units, negation cues and
/// markup. Each analysis is computed on first use, so a check that needs none of them costs nothing.
/// </summary>
public sealed class TextSide
{
    private readonly Lazy<MarkdownInline> _markdown;
    private string? _prose;
    private string? _numberText;
    private IReadOnlyList<WordToken>? _words;
    private IReadOnlyList<NumberMention>? _numbers;
    private IReadOnlyList<UnitMention>? _units;
    private IReadOnlyList<NegationMention>? _negations;
    private IReadOnlyList<IReadOnlyList<NegationMention>>? _emphasizedNegations;

    public TextSide(string raw, TextForm form, LanguagePack profile)
    {
        Raw = raw;
        Form = form;
        Pack = profile;
        if (form == TextForm.InlineMarkup)
        {
            (PlainText, CodeError, Emphasized) = ReadTagged(raw);
            _markdown = new Lazy<MarkdownInline>(() => MarkdownInline.Parse(PlainText), LazyThreadSafetyMode.None);
        }
        else
        {
            _markdown = new Lazy<MarkdownInline>(() => MarkdownInline.Parse(raw), LazyThreadSafetyMode.None);
            PlainText = _markdown.Value.PlainText;
            Emphasized = _markdown.Value.Emphasized;
        }
    }

    /// <summary>What a reader sees of a text, as a morphological analyser should read it (see <see cref="PlainText"/>).</summary>
    public static string PlainTextOf(string raw, TextForm form) =>
        form == TextForm.InlineMarkup ? ReadTagged(raw).PlainText : MarkdownInline.Parse(raw).PlainText;

    /// <summary>The text as given, codes and Markdown included.</summary>
    public string Raw { get; }

    public TextForm Form { get; }

    public LanguagePack Pack { get; }

    /// <summary>What a reader sees: no codes, no Markdown syntax, code spans left out.</summary>
    public string PlainText { get; }

    /// <summary>Why the inline codes could not be read, when they could not.</summary>
    public string? CodeError { get; }

    /// <summary>
    /// Text inside emphasis: Markdown emphasis, or for tagged text whatever a paired code wraps (the checks do not
    /// know what a code stands for, and any wrapped negation is one the author singled out).
    /// </summary>
    public IReadOnlyList<string> Emphasized { get; }

    /// <summary>Markdown markup in the text; for tagged text, markup that leaked into the text runs.</summary>
    public MarkdownInline Markdown => _markdown.Value;

    /// <summary>The plain text the word-level checks read: addresses blanked, positions unchanged.</summary>
    public string Prose => _prose ??= MarkdownInline.WithoutAddresses(PlainText);

    public IReadOnlyList<WordToken> Words => _words ??= WordTokenizer.Tokenize(Prose);

    /// <summary>The prose with native digits folded to ASCII (<see cref="NativeDigits"/>), positions unchanged.</summary>
    public string NumberText => _numberText ??= NativeDigits.Fold(Prose);

    public IReadOnlyList<NumberMention> Numbers => _numbers ??= ReadNumbers();

    public IReadOnlyList<UnitMention> Units => _units ??= ReadUnits();

    public IReadOnlyList<NegationMention> Negations => _negations ??= NegationReader.Read(Prose, Words, Pack.Negation);

    /// <summary>The negation cues of each emphasized run, in order.</summary>
    public IReadOnlyList<IReadOnlyList<NegationMention>> EmphasizedNegations => _emphasizedNegations ??=
        Emphasized.Select(run => NegationReader.Read(run, WordTokenizer.Tokenize(run), Pack.Negation)).ToList();

    // Read on the folded text; quoted as the writer wrote them (٧٥ stays ٧٥ in a message).
    private IReadOnlyList<NumberMention> ReadNumbers()
    {
        var numbers = NumberReader.Read(NumberText, Words, Pack);
        return ReferenceEquals(NumberText, Prose) ? numbers : [.. numbers.Select(n => n with { Text = Prose[n.Start..n.End] })];
    }

    private IReadOnlyList<UnitMention> ReadUnits()
    {
        var units = UnitReader.For(Pack).Read(NumberText, Words, Numbers);
        return ReferenceEquals(NumberText, Prose) ? units : [.. units.Select(u => u with { Text = Prose.Substring(u.Start, u.Text.Length) })];
    }

    private static (string PlainText, string? Error, IReadOnlyList<string> Emphasized) ReadTagged(string raw)
    {
        IReadOnlyList<InlinePart> parts;
        try
        {
            parts = InlineMarkup.Parse(raw);
        }
        catch (InlineMarkupException ex)
        {
            // The markup check reports the broken codes; the other checks still read the words around them.
            return (StripTags(raw), ex.Message, []);
        }

        var text = new StringBuilder(raw.Length);
        var open = new Stack<(int Id, int Start)>();
        var emphasized = new List<string>();
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case InlinePartKind.Text:
                    text.Append(part.Text);
                    break;
                case InlinePartKind.Open:
                    open.Push((part.CodeId, text.Length));
                    break;
                case InlinePartKind.Close:
                    var (_, start) = open.Pop();
                    emphasized.Add(text.ToString(start, text.Length - start));
                    break;
                case InlinePartKind.Placeholder:
                    // A placeholder stands for something (code span, image, break): keep the words on each side apart.
                    text.Append(' ');
                    break;
            }
        }

        return (text.ToString(), null, emphasized);
    }

    private static string StripTags(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var inTag = false;
        foreach (var c in raw)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return text.ToString().Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }
}
