using System.CommandLine;
using Humanizer;
using Localize.Core.Review;
using Localize.Core.Xliff;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize xliff export|import</c>: XLIFF 2.0 for outside translation vendors. Export writes an article × locale's
/// segments in review or rejected; import enters the returned targets as edits by a named editor account, which a medical reviewer
/// still approves. A file with one problem (wrong article or locale, stale source, a changed or broken code, a DTD)
/// is refused whole, each problem named with the file and unit.
/// </summary>
public static class XliffCommand
{
    public static Command Create()
    {
        var xliff = new Command("xliff", "XLIFF 2.0 for outside translation vendors: export segments, import their translations for review.");
        xliff.Subcommands.Add(CreateExport());
        xliff.Subcommands.Add(CreateImport());
        return xliff;
    }

    private static Command CreateExport()
    {
        var article = new Option<string>("--article") { Description = "The article (slug) to export", Required = true };
        var locale = new Option<string>("--locale") { Description = "The target locale, e.g. es", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the XLIFF here (default: standard output)" };
        var export = new Command(
            "export",
            "Export the segments of an article × locale that are in review or rejected as XLIFF 2.0 (inline codes as <pc>/<ph>, check findings and context as notes).\n\n"
            + "Example: localize xliff export --article ketamine-infusions-chronic-migraine --locale es --out vendor/ketamine.es.xlf")
        {
            article, locale, output,
        };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            string xml;
            try
            {
                xml = await services.GetRequiredService<XliffExchange>().ExportAsync(parseResult.GetRequiredValue(article), parseResult.GetRequiredValue(locale), cancellationToken);
            }
            catch (XliffException ex)
            {
                await Console.Error.WriteLineAsync($"xliff export: {ex.Message}");
                return LocalizeCommandLine.Failed;
            }

            if (parseResult.GetValue(output) is { } file)
            {
                Directory.CreateDirectory(file.DirectoryName!);
                await File.WriteAllTextAsync(file.FullName, xml, cancellationToken);
                Console.WriteLine($"xliff export: wrote {file.FullName}");
            }
            else
            {
                Console.WriteLine(xml);
            }

            return LocalizeCommandLine.Ok;
        });
        return export;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "The XLIFF 2.0 file the vendor returned" };
        var editor = new Option<string>("--editor") { Description = "The account the edits are recorded under: an editor or reviewer of the file's locale (four-eyes: it cannot approve them)", Required = true };
        var import = new Command(
            "import",
            "Import a vendor's XLIFF 2.0 file: its changed targets become edits in review (never approved). The whole file is refused if any unit is wrong.\n\n"
            + "Example: localize xliff import vendor/ketamine.es.xlf --editor vendor-acme")
        {
            file, editor,
        };
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"xliff import: '{path.FullName}' does not exist");
                return LocalizeCommandLine.Usage;
            }

            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            // Whether it may edit the file's locale is known once the file is read: the import checks it.
            var actor = await CliAccounts.FindAsync(
                services, parseResult.GetRequiredValue(editor), "--role editor --locale <locale>", _ => null, cancellationToken);
            if (actor is null)
            {
                return LocalizeCommandLine.Failed;
            }

            try
            {
                await using var stream = path.OpenRead();
                var result = await services.GetRequiredService<XliffExchange>().ImportAsync(stream, path.Name, actor, cancellationToken);
                Console.WriteLine($"xliff import: {"target".ToQuantity(result.Edited)} of {result.Slug} ({result.Locale}) entered as edits by {actor.Name}, now in review; {"unit".ToQuantity(result.Unchanged)} unchanged");
                return LocalizeCommandLine.Ok;
            }
            catch (Exception ex) when (ex is XliffException or ReviewForbiddenException)
            {
                await Console.Error.WriteLineAsync($"xliff import: refused, nothing imported:{Environment.NewLine}{ex.Message}");
                return LocalizeCommandLine.Failed;
            }
            catch (XliffImportStoppedException ex)
            {
                await Console.Error.WriteLineAsync($"xliff import: {ex.Message}");
                return LocalizeCommandLine.Failed;
            }
        });
        return import;
    }
}
