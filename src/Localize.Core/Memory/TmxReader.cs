using System.Globalization;
using System.Text;
using System.Xml;
using Localize.Core.Segments;

namespace Localize.Core.Memory;

/// <summary>
/// Reads TMX 1.4b translation units one at a time from a stream (constant memory whatever the file's size). Each
/// <c>&lt;tu&gt;</c> gives one <see cref="MemoryUnit"/> per target variant, from the variant in the source language
/// (the unit's <c>srclang</c>, else the header's). Inline codes become ours: <c>&lt;bpt&gt;</c>/<c>&lt;ept&gt;</c>
/// pairs that nest become <c>&lt;pc&gt;</c>, every other code (<c>&lt;ph&gt;</c>, <c>&lt;it&gt;</c>, <c>&lt;ut&gt;</c>,
/// crossing pairs) a <c>&lt;ph/&gt;</c>; the native code inside them is dropped, as the source skeleton owns it;
/// <c>&lt;hi&gt;</c> keeps its text. A code's id is its <c>x</c> (what relates codes across languages), else its
/// <c>i</c>, else the next free number. Context props written by <see cref="TmxWriter"/> are read back.
/// Safe on hostile files: a DOCTYPE is refused (so no entity expansion bomb and no external entity), no resolver can
/// fetch anything, and a segment holding a bidi control or a control character is refused with its line.
/// </summary>
public static class TmxReader
{
    public static XmlReaderSettings Settings => new()
    {
        // Prohibit, as for XLIFF, .resx and TBX: a DOCTYPE is refused whatever it declares. Tools that write
        // <!DOCTYPE tmx SYSTEM "tmx14.dtd"> need the line deleted; the message says so.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <exception cref="TmxFormatException">The file is not TMX, or not well-formed, with the line where known.</exception>
    public static IEnumerable<MemoryUnit> Read(Stream stream, string origin)
    {
        using var reader = XmlReader.Create(stream, Settings);
        string? headerSource = null;
        var sawRoot = false;
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (XmlException ex)
            {
                throw new TmxFormatException($"line {(ex.LineNumber > 0 ? ex.LineNumber : LineOf(reader))}: {DescribeXmlError(ex)}", ex);
            }

            if (!more)
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (!sawRoot)
            {
                if (reader.LocalName != "tmx")
                {
                    throw new TmxFormatException($"line {LineOf(reader)}: the root element is <{reader.LocalName}>, not <tmx>");
                }

                sawRoot = true;
                continue;
            }

            if (reader.LocalName == "header")
            {
                headerSource = reader.GetAttribute("srclang") is { } language && language != "*all*" ? language : null;
            }
            else if (reader.LocalName == "tu")
            {
                List<MemoryUnit> units;
                try
                {
                    units = ReadUnit(reader, headerSource, origin);
                }
                catch (XmlException ex)
                {
                    throw new TmxFormatException($"line {ex.LineNumber}: {ex.Message}", ex);
                }

                foreach (var unit in units)
                {
                    yield return unit;
                }
            }
        }

        if (!sawRoot)
        {
            throw new TmxFormatException("the file has no <tmx> element");
        }
    }

    /// <summary>The XML error, or for a DOCTYPE what to do about it (shared by the TBX reader).</summary>
    public static string DescribeXmlError(XmlException ex) => ex.Message.Contains("DTD", StringComparison.Ordinal)
        ? "the file declares a DOCTYPE, which is refused (its entities could read other files or exhaust memory: XXE); a TMX or TBX file needs none — delete the <!DOCTYPE …> line"
        : ex.Message;

    private static List<MemoryUnit> ReadUnit(XmlReader reader, string? headerSource, string origin)
    {
        var sourceLanguage = reader.GetAttribute("srclang") is { } own && own != "*all*" ? own : headerSource;
        var createdBy = reader.GetAttribute("creationid") ?? reader.GetAttribute("changeid");
        var changed = ParseDate(reader.GetAttribute("changedate") ?? reader.GetAttribute("creationdate"));
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        var variants = new List<(string Language, string Text)>();
        if (reader.IsEmptyElement)
        {
            return [];
        }

        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
            {
                continue;
            }

            if (reader.LocalName == "prop" && reader.GetAttribute("type") is { } type)
            {
                props[type] = reader.ReadElementContentAsString();
            }
            else if (reader.LocalName == "tuv")
            {
                var language = reader.GetAttribute("xml:lang") ?? reader.GetAttribute("lang") ?? string.Empty;
                var line = LineOf(reader);
                if (ReadVariant(reader) is { } text)
                {
                    if (HiddenCharacters.Find(text) is { } hidden)
                    {
                        throw new TmxFormatException($"line {line}: the {language} segment {hidden}");
                    }

                    variants.Add((language, text));
                }
            }
        }

        sourceLanguage ??= variants.Count > 0 ? variants[0].Language : null;
        var source = variants.FirstOrDefault(v => string.Equals(v.Language, sourceLanguage, StringComparison.OrdinalIgnoreCase));
        if (source.Text is null)
        {
            return [];
        }

        return [.. variants
            .Where(v => !string.Equals(v.Language, source.Language, StringComparison.OrdinalIgnoreCase) && v.Text.Length > 0)
            .Select(v => new MemoryUnit(source.Language, v.Language, source.Text, v.Text)
            {
                PreviousSource = props.GetValueOrDefault(TmxWriter.PreviousProp),
                NextSource = props.GetValueOrDefault(TmxWriter.NextProp),
                Document = props.GetValueOrDefault(TmxWriter.DocumentProp),
                Origin = origin,
                CreatedBy = createdBy,
                ChangedAt = changed,
            })];
    }

    /// <summary>Reads one &lt;tuv&gt; (positioned on it) up to its end; returns its segment in inline-markup form.</summary>
    private static string? ReadVariant(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        string? text = null;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "seg")
            {
                text = ReadSegment(reader);
            }
        }

        return text;
    }

    private static string ReadSegment(XmlReader reader)
    {
        var tokens = new List<Token>();
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "bpt" or "ept" or "ph" or "it" or "ut")
            {
                var kind = reader.LocalName switch { "bpt" => TokenKind.Begin, "ept" => TokenKind.End, _ => TokenKind.Isolated };
                tokens.Add(new Token(kind, string.Empty, reader.GetAttribute("i"), reader.GetAttribute("x")));
                // The native code inside is the other tool's markup; Skip() lands on the node after the element.
                reader.Skip();
                continue;
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA)
            {
                tokens.Add(new Token(TokenKind.Text, reader.Value, null, null));
            }

            // <hi> and <sub> outside codes: their text is segment text, their tags are not codes.
            reader.Read();
        }

        return Render(tokens);
    }

    /// <summary>Pairs begin/end codes that nest properly into &lt;pc&gt;; the rest become &lt;ph/&gt;.</summary>
    private static string Render(List<Token> tokens)
    {
        var pairedWith = new Dictionary<int, int>();
        var open = new Stack<int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.Begin)
            {
                open.Push(k);
            }
            else if (tokens[k].Kind == TokenKind.End && open.Count > 0 && tokens[open.Peek()].I == tokens[k].I)
            {
                var begin = open.Pop();
                pairedWith[begin] = k;
                pairedWith[k] = begin;
            }
        }

        var used = new HashSet<int>();
        var ids = new Dictionary<int, int>();
        var next = 1;
        int IdFor(Token token)
        {
            var wanted = int.TryParse(token.X ?? token.I, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
            if (wanted == 0 || !used.Add(wanted))
            {
                while (!used.Add(next))
                {
                    next++;
                }

                wanted = next;
            }

            return wanted;
        }

        var text = new StringBuilder();
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            switch (token.Kind)
            {
                case TokenKind.Text:
                    text.Append(InlineMarkup.Escape(token.Text));
                    break;
                case TokenKind.Begin when pairedWith.ContainsKey(k):
                    ids[k] = IdFor(token);
                    text.Append(InlineMarkup.OpenTag(ids[k]));
                    break;
                case TokenKind.End when pairedWith.ContainsKey(k):
                    text.Append(InlineMarkup.CloseTag);
                    break;
                default:
                    text.Append(InlineMarkup.PlaceholderTag(IdFor(token)));
                    break;
            }
        }

        return text.ToString();
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static int LineOf(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    private enum TokenKind
    {
        Text,
        Begin,
        End,
        Isolated,
    }

    private readonly record struct Token(TokenKind Kind, string Text, string? I, string? X);
}

/// <summary>A TMX file that cannot be read, with the line where known.</summary>
public sealed class TmxFormatException(string message, Exception? inner = null) : FormatException(message, inner);
