using System.CommandLine;
using System.Diagnostics;
using Localize.Core.Memory;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize tm import|export|lookup</c>: translation memory as TMX 1.4b, and the fuzzy lookup a reviewer sees.
/// Import and export stream: a million-unit file takes constant memory; import shows a progress bar (plain lines
/// when the output is not a terminal).
/// </summary>
public static class TmCommand
{
    /// <summary>Units per transaction: large enough for SQLite to write fast, small enough to keep memory flat.</summary>
    private const int BatchSize = 5_000;

    public static Command Create()
    {
        var tm = new Command("tm", "Translation memory: import and export TMX 1.4b, look up fuzzy matches.");
        tm.Subcommands.Add(CreateImport());
        tm.Subcommands.Add(CreateExport());
        tm.Subcommands.Add(CreateLookup());
        return tm;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "The TMX file (1.4b; codes <bpt>/<ept>/<ph>/<it> become inline codes)" };
        var import = new Command("import", "Import a TMX file into translation memory (same source and context: the file's target replaces the stored one).\n\nExample: localize tm import memories/medical.tmx")
        {
            file,
        };
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"tm import: '{path.FullName}' does not exist");
                return LocalizeCommandLine.Usage;
            }

            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var memory = services.GetRequiredService<ITranslationMemory>();
            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var watch = Stopwatch.StartNew();
            long read = 0, added = 0;
            try
            {
                if (Console.IsOutputRedirected)
                {
                    var nextReport = 10;
                    (read, added) = await ImportAsync(stream, path.Name, memory, percent =>
                    {
                        if (percent >= nextReport)
                        {
                            Console.WriteLine($"tm import: {percent} %");
                            nextReport = (percent / 10 * 10) + 10;
                        }
                    }, cancellationToken);
                }
                else
                {
                    await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask($"importing {Markup.Escape(path.Name)}", maxValue: 100);
                            (read, added) = await ImportAsync(stream, path.Name, memory, percent => task.Value = percent, cancellationToken);
                            task.Value = 100;
                        });
                }
            }
            catch (TmxFormatException ex)
            {
                await Console.Error.WriteLineAsync($"tm import: {path.Name} {ex.Message} ({read:N0} units imported before it)");
                return LocalizeCommandLine.Failed;
            }

            Console.WriteLine($"{read:N0} units read from {path.Name}, {added:N0} new, in {watch.Elapsed.TotalSeconds:F1} s; translation memory holds {await memory.CountAsync(cancellationToken):N0} units");
            return LocalizeCommandLine.Ok;
        });
        return import;
    }

    /// <summary>The import without the console: streams units in batches and reports the share of the file read.</summary>
    public static async Task<(long Read, long Added)> ImportAsync(Stream stream, string name, ITranslationMemory memory, Action<int> progress, CancellationToken cancellationToken)
    {
        long read = 0, added = 0;
        var batch = new List<MemoryUnit>(BatchSize);
        var length = stream.CanSeek ? Math.Max(1, stream.Length) : 0;
        foreach (var unit in TmxReader.Read(stream, $"tmx:{name}"))
        {
            batch.Add(unit);
            read++;
            if (batch.Count == BatchSize)
            {
                added += await memory.AddManyAsync(batch, cancellationToken);
                batch.Clear();
                if (length > 0)
                {
                    progress((int)(100 * stream.Position / length));
                }
            }
        }

        added += await memory.AddManyAsync(batch, cancellationToken);
        progress(100);
        return (read, added);
    }

    private static Command CreateExport()
    {
        var file = new Argument<FileInfo>("file") { Description = "The TMX file to write" };
        var from = new Option<string?>("--from") { Description = "Only this source language, e.g. en" };
        var to = new Option<string?>("--to") { Description = "Only this target language, e.g. es" };
        var export = new Command("export", "Export translation memory as TMX 1.4b, with each unit's context (previous/next source, article) as props.\n\nExample: localize tm export es.tmx --from en --to es")
        {
            file, from, to,
        };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var memory = services.GetRequiredService<ITranslationMemory>();
            var sourceLanguage = parseResult.GetValue(from);
            var written = 0L;
            var temporary = path.FullName + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                using var writer = new TmxWriter(stream, sourceLanguage ?? "*all*");
                await foreach (var unit in memory.ExportAsync(sourceLanguage, parseResult.GetValue(to), cancellationToken))
                {
                    writer.Write(unit);
                    written++;
                }
            }

            // Written beside and renamed: a reader never sees half a file.
            File.Move(temporary, path.FullName, overwrite: true);
            Console.WriteLine($"{written:N0} units written to {path.Name}");
            return LocalizeCommandLine.Ok;
        });
        return export;
    }

    private static Command CreateLookup()
    {
        var text = new Argument<string>("source") { Description = "The source sentence (inline-markup form, as segments are stored)" };
        var from = new Option<string>("--from") { Description = "Source language, e.g. en", Required = true };
        var to = new Option<string>("--to") { Description = "Target language, e.g. es", Required = true };
        var lookup = new Command("lookup", "Show the best 5 memory matches (≥ 75 %) for a sentence, as the review page does.\n\nExample: localize tm lookup \"Take 3 tablets a day.\" --from en --to es")
        {
            text, from, to,
        };
        lookup.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var memory = services.GetRequiredService<ITranslationMemory>();
            var matches = await memory.FindFuzzyAsync(parseResult.GetRequiredValue(from), parseResult.GetRequiredValue(to), parseResult.GetRequiredValue(text), 5, cancellationToken);
            foreach (var match in matches)
            {
                Console.WriteLine($"{match.Score,3} %  {match.Source}\n       {match.Target}");
            }

            Console.WriteLine(matches.Count == 0 ? "no match from 75 %" : $"{matches.Count} match(es)");
            return matches.Count == 0 ? LocalizeCommandLine.Failed : LocalizeCommandLine.Ok;
        });
        return lookup;
    }
}
