using Spectre.Console;

namespace Localize.Cli;

/// <summary>
/// Writes a table: drawn with Spectre.Console for a person at a terminal, plain aligned columns (never wrapped, no
/// box characters) when the output goes to a file or another program.
/// </summary>
public static class CliTable
{
    public static void Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        if (!Console.IsOutputRedirected)
        {
            var table = new Table().AddColumns([.. headers.Select(h => new TableColumn(Markup.Escape(h)))]);
            foreach (var row in all)
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }

            AnsiConsole.Write(table);
            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(Line(headers, widths));
        foreach (var row in all)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
