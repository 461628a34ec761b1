using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Glossaries;

/// <summary>
/// Reads a glossary from CSV (RFC 4180: quoted fields, doubled quotes, quoted line breaks) with the columns
/// <c>source,target,note</c>. An empty target means do-not-translate; a note starting with "forbidden" marks the
/// target as a translation that must not be used. A first row reading <c>source,target,note</c> is a header.
/// The caller opens the file: Core reads only from a <see cref="Stream"/> or <see cref="TextReader"/>.
/// </summary>
/// <remarks>
/// A file is strict UTF-8 (an invalid byte is refused with its line, never replaced), and a cell holding a NUL, another
/// control character or a bidi control is refused with its line (<see cref="HiddenCharacters"/>). A cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> is a term like any other, stored as text; <see cref="GlossaryCsvWriter"/>
/// writes it with a leading apostrophe so a spreadsheet does not run it as a formula, and that apostrophe is taken
/// off again here, so an exported glossary imports back unchanged.
/// </remarks>
public static class GlossaryCsvReader
{
    internal const string ForbiddenMarker = "forbidden";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Glossary Parse(string csv)
    {
        using var reader = new StringReader(csv);
        return Read(reader);
    }

    /// <summary>Reads a CSV file's bytes as strict UTF-8 (a BOM is allowed), then its rows.</summary>
    /// <exception cref="GlossaryFormatException">An invalid byte or a row that is not a glossary entry, naming its line.</exception>
    public static Glossary Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes[..Math.Clamp(ex.Index, 0, bytes.Length)].Count((byte)'\n');
            throw new GlossaryFormatException($"line {line}: not valid UTF-8 (byte {ex.Index + 1}); save the file as UTF-8", line);
        }

        return Parse(text.StartsWith('\uFEFF') ? text[1..] : text);
    }

    /// <exception cref="GlossaryFormatException">A row that is not a glossary entry, naming its line.</exception>
    public static Glossary Read(TextReader reader)
    {
        var entries = new List<GlossaryEntry>();
        var first = true;
        foreach (var (line, fields) in Records(reader))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (first && IsHeader(fields))
            {
                first = false;
                continue;
            }

            first = false;
            if (fields.Count > 3)
            {
                throw new GlossaryFormatException($"line {line}: expected source,target,note but found {fields.Count} fields", line);
            }

            foreach (var field in fields)
            {
                if (HiddenCharacters.Find(field) is { } hidden)
                {
                    throw new GlossaryFormatException($"line {line}: a cell {hidden}", line);
                }
            }

            var source = GlossaryCsvWriter.Restore(fields[0].Trim());
            var target = fields.Count > 1 ? GlossaryCsvWriter.Restore(fields[1].Trim()) : string.Empty;
            var note = fields.Count > 2 ? GlossaryCsvWriter.Restore(fields[2].Trim()) : string.Empty;
            if (source.Length == 0)
            {
                throw new GlossaryFormatException($"line {line}: the source term is empty", line);
            }

            var kind = target.Length == 0 ? GlossaryEntryKind.DoNotTranslate
                : note.StartsWith(ForbiddenMarker, StringComparison.OrdinalIgnoreCase) ? GlossaryEntryKind.Forbidden
                : GlossaryEntryKind.Preferred;
            entries.Add(new GlossaryEntry(source, kind == GlossaryEntryKind.DoNotTranslate ? source : target, note, kind));
        }

        return new Glossary(entries);
    }

    private static bool IsHeader(List<string> fields) =>
        fields.Count >= 2
        && fields[0].Trim().Equals("source", StringComparison.OrdinalIgnoreCase)
        && fields[1].Trim().Equals("target", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var line = 1;
        var recordLine = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (recordLine, fields);
                    fields = [];
                    field.Clear();
                    line++;
                    recordLine = line;
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            throw new GlossaryFormatException($"line {recordLine}: a quoted field is never closed", recordLine);
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}

/// <summary>A glossary CSV row that cannot be read, with its line number.</summary>
public sealed class GlossaryFormatException(string message, int line) : FormatException(message)
{
    public int Line { get; } = line;
}
