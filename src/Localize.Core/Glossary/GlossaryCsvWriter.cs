using System.Buffers;
using System.Text;

namespace Localize.Core.Glossaries;

/// <summary>
/// Writes a glossary as the CSV <see cref="GlossaryCsvReader"/> reads (<c>source,target,note</c>, RFC 4180 quoting), for
/// translators who keep terms in a spreadsheet. A cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
/// a carriage return is written with a leading apostrophe, as OWASP advises against CSV (formula) injection: a
/// spreadsheet then shows the text instead of running it as a formula (<c>=HYPERLINK(…)</c>, <c>@SUM(…)</c>). The
/// reader takes that apostrophe off again.
/// </summary>
public static class GlossaryCsvWriter
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static void Write(Glossary glossary, TextWriter writer)
    {
        writer.Write("source,target,note\n");
        foreach (var entry in glossary.Entries)
        {
            var target = entry.Kind == GlossaryEntryKind.DoNotTranslate ? string.Empty : entry.Target;
            // The reader knows a forbidden translation by its note.
            var note = entry.Kind == GlossaryEntryKind.Forbidden && !entry.Note.StartsWith(GlossaryCsvReader.ForbiddenMarker, StringComparison.OrdinalIgnoreCase)
                ? $"{GlossaryCsvReader.ForbiddenMarker}{(entry.Note.Length > 0 ? ": " + entry.Note : string.Empty)}"
                : entry.Note;
            writer.Write(Cell(entry.Source));
            writer.Write(',');
            writer.Write(Cell(target));
            writer.Write(',');
            writer.Write(Cell(note));
            writer.Write('\n');
        }
    }

    /// <summary>One cell: neutralised when a spreadsheet would read it as a formula, quoted when it must be.</summary>
    public static string Cell(string value)
    {
        var text = value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    /// <summary>The text of a cell written by <see cref="Cell"/>: the neutralising apostrophe taken off.</summary>
    internal static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;
}
