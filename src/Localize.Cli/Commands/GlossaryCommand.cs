using Humanizer;
using System.CommandLine;
using Localize.Core.Glossaries;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize glossary import|list</c>: the stored glossary of a language pair, which the worker's engines (do-not-
/// translate terms protected) and checks (preferred and forbidden translations) use.
/// </summary>
public static class GlossaryCommand
{
    public static Command Create()
    {
        var glossary = new Command("glossary", "The glossary of a language pair: import CSV or TBX, export CSV, list.");
        glossary.Subcommands.Add(CreateImport());
        glossary.Subcommands.Add(CreateExport());
        glossary.Subcommands.Add(CreateList());
        return glossary;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV (source,target,note; empty target = do-not-translate; note \"forbidden…\" = forbidden) or TBX" };
        var from = new Option<string>("--from") { Description = "Source language, e.g. en", Required = true };
        var to = new Option<string>("--to") { Description = "Target language, e.g. es", Required = true };
        var import = new Command("import", "Import glossary terms for a language pair.\n\nExample: localize glossary import glossary/en-es.csv --from en --to es")
        {
            file, from, to,
        };
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"glossary import: '{path.FullName}' does not exist");
                return LocalizeCommandLine.Usage;
            }

            var sourceLanguage = parseResult.GetRequiredValue(from);
            var targetLanguage = parseResult.GetRequiredValue(to);
            Glossary terms;
            try
            {
                await using var stream = path.OpenRead();
                terms = path.Extension.Equals(".tbx", StringComparison.OrdinalIgnoreCase) || path.Extension.Equals(".xml", StringComparison.OrdinalIgnoreCase)
                    ? TbxReader.Read(stream, sourceLanguage, targetLanguage)
                    : GlossaryCsvReader.Read(stream);
            }
            catch (GlossaryFormatException ex)
            {
                await Console.Error.WriteLineAsync($"glossary import: {path.Name} {ex.Message}");
                return LocalizeCommandLine.Failed;
            }

            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var added = await services.GetRequiredService<IGlossaryStore>().ImportAsync(sourceLanguage, targetLanguage, terms, cancellationToken);
            Console.WriteLine(
                $"{"term".ToQuantity(terms.Entries.Count)} read from {path.Name} ({terms.Preferred.Count} preferred, {terms.Forbidden.Count} forbidden, "
                + $"{terms.DoNotTranslate.Count} do-not-translate), {added} new for {sourceLanguage} → {targetLanguage}");
            return LocalizeCommandLine.Ok;
        });
        return import;
    }

    private static Command CreateExport()
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file to write (source,target,note), as import reads it" };
        var from = new Option<string>("--from") { Description = "Source language, e.g. en", Required = true };
        var to = new Option<string>("--to") { Description = "Target language, e.g. es", Required = true };
        var export = new Command(
            "export",
            "Write a language pair's glossary as CSV. A cell starting with = + - @ gets a leading ' so a spreadsheet shows it as text instead of running it as a formula; import takes it off again.\n\nExample: localize glossary export en-es.csv --from en --to es")
        {
            file, from, to,
        };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var terms = await services.GetRequiredService<IGlossaryStore>().LoadAsync(parseResult.GetRequiredValue(from), parseResult.GetRequiredValue(to), cancellationToken);
            await using (var writer = new StreamWriter(path.FullName, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                GlossaryCsvWriter.Write(terms, writer);
            }

            Console.WriteLine($"{terms.Entries.Count} terms written to {path.Name}");
            return LocalizeCommandLine.Ok;
        });
        return export;
    }

    private static Command CreateList()
    {
        var from = new Option<string>("--from") { Description = "Source language, e.g. en", Required = true };
        var to = new Option<string>("--to") { Description = "Target language, e.g. es", Required = true };
        var list = new Command("list", "List the stored glossary of a language pair.\n\nExample: localize glossary list --from en --to es") { from, to };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var terms = await services.GetRequiredService<IGlossaryStore>().LoadAsync(parseResult.GetRequiredValue(from), parseResult.GetRequiredValue(to), cancellationToken);
            var table = new Table().AddColumns("Source", "Target", "Kind", "Note");
            foreach (var entry in terms.Entries)
            {
                table.AddRow(Markup.Escape(entry.Source), Markup.Escape(entry.Target), entry.Kind.ToString(), Markup.Escape(entry.Note));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine("term".ToQuantity(terms.Entries.Count));
            return LocalizeCommandLine.Ok;
        });
        return list;
    }
}
