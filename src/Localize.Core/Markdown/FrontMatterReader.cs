using Localize.Core.Segments;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Localize.Core.Content;

namespace Localize.Core.Markdown;

/// <summary>A top-level scalar of the front matter: its value, and where its token sits in the file.</summary>
internal sealed record FrontMatterField(string Name, string Value, int Start, int End, ScalarStyle Style, int Line);

/// <summary>
/// The front matter of a file: where the Markdown body starts, the top-level scalar fields, and the line of each
/// top-level field whose value is a list or a mapping (some fields, like the slug, must be one value).
/// </summary>
internal sealed record FrontMatter(int BodyStart, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<FrontMatterField> Scalars, IReadOnlyDictionary<string, int> Structured)
{
    public static readonly FrontMatter None = new(0, new Dictionary<string, string>(), [], new Dictionary<string, int>());
}

/// <summary>
/// Reads YAML front matter (a first line <c>---</c>, YAML, a closing <c>---</c> or <c>...</c> line) with YamlDotNet's
/// event parser, which gives the exact position of every scalar so a translated value can replace just its token.
/// Aliases are refused: articles do not need them and expanding them is how "billion laughs" YAML bombs work.
/// </summary>
internal static class FrontMatterReader
{
    private const int MaxNesting = 100;

    public static FrontMatter Read(string text)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var firstLineEnd = LineEnd(text, start);
        if (!IsFence(text.AsSpan(start, firstLineEnd - start), allowDots: false))
        {
            return FrontMatter.None;
        }

        var contentStart = NextLine(text, firstLineEnd);
        var lineStart = contentStart;
        while (lineStart < text.Length)
        {
            var lineEnd = LineEnd(text, lineStart);
            if (IsFence(text.AsSpan(lineStart, lineEnd - lineStart), allowDots: true))
            {
                var yaml = text[contentStart..lineStart];
                var (fields, scalars, structured) = Parse(yaml, contentStart);
                return new FrontMatter(NextLine(text, lineEnd), fields, scalars, structured);
            }

            lineStart = NextLine(text, lineEnd);
        }

        throw new DocumentFormatException("the front matter opened by '---' on line 1 is never closed by a '---' line", 1);
    }

    private static (Dictionary<string, string>, List<FrontMatterField>, Dictionary<string, int>) Parse(string yaml, int offset)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var scalars = new List<FrontMatterField>();
        var structured = new Dictionary<string, int>(StringComparer.Ordinal);
        // Lines are counted from the file's first line: the opening fence is line 1.
        const int lineOffset = 1;
        string? field = null;
        var fieldLine = 0;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return (fields, scalars, structured);
            }

            parser.Consume<DocumentStart>();
            if (parser.Current is Scalar { Value.Length: 0 } && parser.TryConsume<Scalar>(out _))
            {
                // A front matter of only comments is an empty document.
                parser.Consume<DocumentEnd>();
                return (fields, scalars, structured);
            }

            if (parser.Current is not MappingStart)
            {
                var at = parser.Current?.Start.Line ?? 1;
                throw new DocumentFormatException("the front matter is not a YAML mapping of fields (name: value)", (int)at + lineOffset);
            }

            parser.Consume<MappingStart>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                field = key.Value;
                RefuseHiddenCharacters(key, field, lineOffset);
                fieldLine = (int)key.Start.Line + lineOffset;
                if (fields.ContainsKey(field) || structured.ContainsKey(field))
                {
                    throw new DocumentFormatException($"field '{field}' is given twice", (int)key.Start.Line + lineOffset, field);
                }

                RefuseAlias(parser.Current, field, lineOffset);
                if (parser.TryConsume<Scalar>(out var value))
                {
                    RefuseHiddenCharacters(value, field, lineOffset);
                    fields[field] = value.Value;
                    scalars.Add(new FrontMatterField(field, value.Value, (int)value.Start.Index + offset, (int)value.End.Index + offset, value.Style, (int)value.Start.Line + lineOffset));
                }
                else
                {
                    structured[field] = (int)(parser.Current?.Start.Line ?? key.Start.Line) + lineOffset;
                    SkipNode(parser, field, lineOffset);
                }
            }

            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                throw new DocumentFormatException("the front matter holds more than one YAML document", (int)(parser.Current?.Start.Line ?? 1) + lineOffset);
            }
        }
        catch (YamlException ex)
        {
            // The scanner reads ahead: the error is where it stopped (End), which may be past the last field read, so
            // that field is named only when the error is on its own line.
            var line = (int)Math.Max(ex.Start.Line, ex.End.Line) + lineOffset;
            var tabbed = TabIndentedLine(yaml);
            if (tabbed > 0)
            {
                // YamlDotNet reports a tab in the indentation at the start of the enclosing mapping, lines away.
                throw new DocumentFormatException(
                    "the front matter is not valid YAML: this line is indented with a tab; YAML indents with spaces only", tabbed + lineOffset);
            }

            throw new DocumentFormatException($"the front matter is not valid YAML: {ex.Message}", line, line == fieldLine ? field : null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way when the text ends inside an unclosed [ or {.
            throw new DocumentFormatException(
                "the front matter is not valid YAML: a [ or { is never closed", field is null ? null : fieldLine, field);
        }

        return (fields, scalars, structured);
    }

    /// <summary>The first line (1-based) of the YAML that starts with a tab, or 0.</summary>
    private static int TabIndentedLine(string yaml)
    {
        var line = 1;
        for (var i = 0; i < yaml.Length; i++)
        {
            if (yaml[i] == '\t' && (i == 0 || yaml[i - 1] == '\n'))
            {
                return line;
            }

            if (yaml[i] == '\n')
            {
                line++;
            }
        }

        return 0;
    }

    // Lists and maps (tags, authors …) are kept as written; only their aliases matter here.
    private static void SkipNode(IParser parser, string field, int lineOffset)
    {
        var depth = 0;
        do
        {
            var current = parser.Current ?? throw new DocumentFormatException("the front matter ends inside a field", null, field);
            RefuseAlias(current, field, lineOffset);
            if (current is Scalar scalar)
            {
                RefuseHiddenCharacters(scalar, field, lineOffset);
            }

            depth += current.NestingIncrease;
            if (depth > MaxNesting)
            {
                // YamlDotNet's scanner slows down quadratically with flow nesting (20,000 levels: seconds; 200,000:
                // minutes), and events are pulled one by one, so stopping here is what keeps the worker responsive.
                throw new DocumentFormatException(
                    $"field '{field}' is nested more than {MaxNesting} levels deep; front matter needs a few levels at most",
                    (int)current.Start.Line + lineOffset,
                    field);
            }

            parser.MoveNext();
        }
        while (depth > 0);
    }

    /// <summary>
    /// The file's bytes were checked before parsing, but a double-quoted YAML value can still write a bidi control or
    /// NUL as an escape (<c>"\u202E"</c>, <c>"\0"</c>): the decoded value is what gets translated and published, so it
    /// gets the same refusal as the raw character.
    /// </summary>
    private static void RefuseHiddenCharacters(Scalar scalar, string field, int lineOffset)
    {
        if (HiddenCharacters.Find(scalar.Value) is { } problem)
        {
            throw new DocumentFormatException($"field '{field}' {problem}", (int)scalar.Start.Line + lineOffset, field);
        }
    }

    private static void RefuseAlias(ParsingEvent? current, string field, int lineOffset)
    {
        if (current is AnchorAlias alias)
        {
            throw new DocumentFormatException(
                $"field '{field}' uses the YAML alias *{alias.Value}; aliases are refused (alias expansion is how YAML bombs work)",
                (int)alias.Start.Line + lineOffset,
                field);
        }
    }

    private static bool IsFence(ReadOnlySpan<char> line, bool allowDots)
    {
        line = line.TrimEnd(" \t\r");
        return line.SequenceEqual("---") || (allowDots && line.SequenceEqual("..."));
    }

    private static int LineEnd(string text, int from)
    {
        var newLine = text.IndexOf('\n', from);
        return newLine < 0 ? text.Length : newLine;
    }

    private static int NextLine(string text, int lineEnd) => Math.Min(lineEnd + 1, text.Length);
}
