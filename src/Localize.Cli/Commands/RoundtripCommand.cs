using System.CommandLine;
using System.Diagnostics;
using Localize.Core.Markdown;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize roundtrip &lt;dir&gt; --out &lt;dir&gt; [--mode identity|pseudo]</c>: extracts every .md file under a
/// folder, fills each segment with its source (identity) or a pseudo-translation, merges, and writes the results under
/// the same relative paths. Identity mode also checks that each output is byte-identical to its source. Prints one
/// summary line; exits 1 naming each file that failed.
/// </summary>
public static class RoundtripCommand
{
    public static Command Create()
    {
        var input = new Argument<DirectoryInfo>("dir") { Description = "Folder of Markdown articles (searched recursively for *.md)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the merged articles to.", Required = true };
        var mode = new Option<string>("--mode") { Description = "identity: targets = sources, output must be byte-identical; pseudo: accented, lengthened targets.", DefaultValueFactory = _ => "identity" };
        mode.AcceptOnlyFromAmong("identity", "pseudo");
        var language = new Option<string>("--source-language") { Description = "Language of the sources (sentence rules).", DefaultValueFactory = _ => "en" };

        var command = new Command("roundtrip", "Extract, fill and merge every article: checks the Markdown filter on real files. Prints one summary line; exit 1 naming each file that failed.\n\nExample: localize roundtrip content --out /tmp/roundtrip --mode pseudo");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(mode);
        command.Options.Add(language);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var from = parseResult.GetValue(input)!;
            var to = parseResult.GetValue(output)!;
            if (!from.Exists)
            {
                await Console.Error.WriteLineAsync($"roundtrip: input folder '{from.FullName}' does not exist");
                return LocalizeCommandLine.Usage;
            }

            return await RunAsync(from, to, parseResult.GetValue(mode) == "pseudo", parseResult.GetValue(language)!, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo from, DirectoryInfo to, bool pseudo, string language, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Built once for the whole run: the filter (its segmenter and Markdig pipeline) is thread-safe.
        var roundTrip = new ArticleRoundTrip(new MarkdownFilter(new MarkdownFilterOptions(language, ["title", "description"])), pseudo);
        var files = from.EnumerateFiles("*.md", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var relatives = files.Select(f => Path.GetRelativePath(from.FullName, f.FullName)).ToArray();
        foreach (var folder in relatives.Select(r => Path.GetDirectoryName(Path.Combine(to.FullName, r))!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }

        // Files in parallel across the cores, each read, merged and written by one worker, so at most one file per
        // core is in memory; what each file came to is kept by its index, so failures are reported in file order
        // whichever finished first.
        var outcomes = new FileOutcome[files.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, files.Count, parallel, i => outcomes[i] = RoundTripFile(roundTrip, files[i].FullName, Path.Combine(to.FullName, relatives[i]), pseudo));

        var failed = 0;
        foreach (var (outcome, relative) in outcomes.Zip(relatives))
        {
            if (outcome.Problem is { } problem)
            {
                failed++;
                await Console.Error.WriteLineAsync($"FAILED {relative}: {problem}");
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        // MB of 10^6 bytes, as the benchmarks count them.
        var megabytes = outcomes.Sum(o => o.Bytes) / 1e6;
        Console.WriteLine(
            $"roundtrip {(pseudo ? "pseudo" : "identity")}: {files.Count} files, {files.Count - failed} ok"
            + $"{(pseudo ? string.Empty : " (byte-identical)")}, {failed} failed; {outcomes.Sum(o => o.Segments)} segments, "
            + $"{megabytes:F1} MB in {seconds:F2} s ({megabytes / Math.Max(seconds, 1e-9):F1} MB/s)");
        return failed == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
    }

    private static FileOutcome RoundTripFile(ArticleRoundTrip roundTrip, string sourcePath, string targetPath, bool pseudo)
    {
        try
        {
            return RoundTripReadable(roundTrip, sourcePath, targetPath, pseudo);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read or written is that file's failure; the others still run.
            return new(0, 0, ex.Message);
        }
    }

    private static FileOutcome RoundTripReadable(ArticleRoundTrip roundTrip, string sourcePath, string targetPath, bool pseudo)
    {
        var source = File.ReadAllBytes(sourcePath);
        var (merged, problem, segments) = roundTrip.Run(source);
        if (merged is null)
        {
            return new(source.Length, segments, problem);
        }

        File.WriteAllBytes(targetPath, merged);
        if (!pseudo && !merged.AsSpan().SequenceEqual(source))
        {
            var at = merged.AsSpan().CommonPrefixLength(source);
            return new(source.Length, segments, $"identity output differs from the source at byte {at}");
        }

        return new(source.Length, segments, null);
    }

    private readonly record struct FileOutcome(long Bytes, int Segments, string? Problem);
}
