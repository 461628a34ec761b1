using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Segments;

namespace Localize.Core.Resx;

/// <summary>
/// Reads the text of a .resx file (the standard ResX schema: <c>&lt;root&gt;</c>, <c>&lt;resheader&gt;</c>s,
/// <c>&lt;data name&gt;</c> with <c>&lt;value&gt;</c> and <c>&lt;comment&gt;</c>) into its entries, each with the offsets
/// of its element and value. Hostile XML is refused, never resolved: a DOCTYPE (and so any external entity or
/// entity expansion) is an error, and no resolver is given to the reader. Every error is a
/// <see cref="DocumentFormatException"/> with the line.
/// </summary>
public static partial class ResxReader
{
    private const string ResxMimeType = "text/microsoft-resx";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static ResxFile Read(string text)
    {
        var lines = LineStarts(text);
        var entries = new List<ResxEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            var info = (IXmlLineInfo)reader;
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "root")
            {
                throw new DocumentFormatException(
                    $"not a ResX file: the document element is <{reader.LocalName}>, expected <root> with <data> entries", info.LineNumber);
            }

            if (reader.IsEmptyElement)
            {
                return new ResxFile(text, entries);
            }

            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0) && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "data":
                        var entry = ReadData(reader, info, text, lines);
                        if (seen.TryGetValue(entry.Name, out var first))
                        {
                            throw new DocumentFormatException($"key '{entry.Name}' is given twice (first at line {first}); keys must be unique", entry.Line, entry.Name);
                        }

                        // The bytes were checked before parsing; a character reference (&#x202E;) decodes to the same thing.
                        if ((HiddenCharacters.Find(entry.Value) ?? HiddenCharacters.Find(entry.Comment ?? string.Empty)) is { } hidden)
                        {
                            throw new DocumentFormatException($"the entry '{entry.Name}' {hidden}", entry.Line, entry.Name);
                        }

                        seen[entry.Name] = entry.Line;
                        entries.Add(entry);
                        break;
                    case "resheader":
                        CheckHeader(reader, info);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new DocumentFormatException(Describe(ex), ex.LineNumber > 0 ? ex.LineNumber : LineOfDoctype(text));
        }

        return new ResxFile(text, entries);
    }

    private static ResxEntry ReadData(XmlReader reader, IXmlLineInfo info, string text, int[] lines)
    {
        var line = info.LineNumber;
        var start = TagStart(text, lines, info, closing: false);
        var name = reader.GetAttribute("name");
        if (string.IsNullOrEmpty(name))
        {
            throw new DocumentFormatException("a <data> element has no name; every entry needs name=\"…\"", line);
        }

        var type = reader.GetAttribute("type");
        var isString = reader.GetAttribute("mimetype") is null
            && (type is null || type == "System.String" || type.StartsWith("System.String,", StringComparison.Ordinal));
        if (reader.IsEmptyElement)
        {
            reader.Read();
            var end = TagEnd(text, start);
            return new ResxEntry(name, string.Empty, null, line, isString, start, end, end, end, ValueIsEmptyTag: false);
        }

        var depth = reader.Depth;
        var value = new StringBuilder();
        string? comment = null;
        int valueStart = -1, valueEnd = -1;
        var emptyTag = false;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "value")
            {
                var tag = TagStart(text, lines, info, closing: false);
                if (reader.IsEmptyElement)
                {
                    (valueStart, valueEnd, emptyTag) = (tag, TagEnd(text, tag), true);
                    reader.Read();
                    continue;
                }

                valueStart = TagEnd(text, tag);
                reader.Read();
                while (reader.NodeType != XmlNodeType.EndElement)
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        throw new DocumentFormatException(
                            $"the value of '{name}' holds an element <{reader.LocalName}>; write markup in a value escaped (&lt;b&gt;) or in CDATA", info.LineNumber, name);
                    }

                    value.Append(reader.Value);
                    reader.Read();
                }

                valueEnd = TagStart(text, lines, info, closing: true);
                reader.Read();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "comment")
            {
                comment = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        var close = TagEnd(text, TagStart(text, lines, info, closing: true));
        reader.Read();
        return valueStart < 0
            ? new ResxEntry(name, string.Empty, comment, line, isString, start, close, close, close, ValueIsEmptyTag: false)
            : new ResxEntry(name, value.ToString(), comment, line, isString, start, close, valueStart, valueEnd, emptyTag);
    }

    private static void CheckHeader(XmlReader reader, IXmlLineInfo info)
    {
        var line = info.LineNumber;
        var name = reader.GetAttribute("name");
        if (name != "resmimetype" || reader.IsEmptyElement)
        {
            reader.Skip();
            return;
        }

        var depth = reader.Depth;
        string? value = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "value")
            {
                value = reader.ReadElementContentAsString().Trim();
                continue;
            }

            reader.Read();
        }

        reader.Read();
        if (value != ResxMimeType)
        {
            throw new DocumentFormatException($"not a ResX file: resheader 'resmimetype' is '{value}', expected '{ResxMimeType}'", line, "resmimetype");
        }
    }

    private static string Describe(XmlException ex)
    {
        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return "the file declares a DOCTYPE; .resx files have none, and its entities could read other files or exhaust memory (XXE), so it is refused — delete the <!DOCTYPE …> declaration";
        }

        return $"not valid XML: {PositionSuffix().Replace(ex.Message, string.Empty)}";
    }

    /// <summary>The reader refuses a DTD without saying where; the declaration's line is what to delete.</summary>
    private static int? LineOfDoctype(string text)
    {
        var at = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : 1 + text.AsSpan(0, at).Count('\n');
    }

    /// <summary>Offset of a tag's <c>&lt;</c>: the reader reports the position of the name, after <c>&lt;</c> or <c>&lt;/</c>.</summary>
    private static int TagStart(string text, int[] lines, IXmlLineInfo info, bool closing)
    {
        var offset = lines[info.LineNumber - 1] + info.LinePosition - 1 - (closing ? 2 : 1);
        if (offset < 0 || offset >= text.Length || text[offset] != '<')
        {
            throw new DocumentFormatException("the file's layout could not be followed (is it really XML?)", info.LineNumber);
        }

        return offset;
    }

    /// <summary>Offset just after the <c>&gt;</c> that ends the tag starting at <paramref name="start"/>; quoted attribute values may hold <c>&gt;</c>.</summary>
    private static int TagEnd(string text, int start)
    {
        var quote = '\0';
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    /// <summary>Where each line starts, counting line ends as XML does: CRLF, LF and a lone CR are each one.</summary>
    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.$")]
    private static partial Regex PositionSuffix();
}

/// <summary>A .resx file as read: its text and its entries in document order.</summary>
public sealed record ResxFile(string Text, IReadOnlyList<ResxEntry> Entries);
