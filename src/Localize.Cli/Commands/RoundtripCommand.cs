using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Localize.Core.Content;
using Localize.Core.Markdown;
using Localize.Core.Translation;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize roundtrip &lt;dir&gt; --out &lt;dir&gt; [--mode identity|pseudo]</c>: extracts every .md file under a
/// folder, fills each segment with its source (identity) or a pseudo-translation, merges, and writes the results under
/// the same relative paths. Identity mode also checks that each output is byte-identical to its source. Prints one
/// summary line; exits 1 naming each file that failed.
/// </summary>
public static class RoundtripCommand
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        var filter = new MarkdownFilter(new MarkdownFilterOptions(language, ["title", "description"]));
        var files = from.EnumerateFiles("*.md", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        long bytes = 0;
        var segments = 0;
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(from.FullName, file.FullName);
            var source = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            bytes += source.Length;
            var (merged, problem, count) = RoundTrip(filter, source, pseudo);
            segments += count;
            if (merged is null)
            {
                failures.Add($"{relative}: {problem}");
                continue;
            }

            var target = new FileInfo(Path.Combine(to.FullName, relative));
            target.Directory!.Create();
            await File.WriteAllBytesAsync(target.FullName, merged, cancellationToken);
            if (!pseudo && !merged.AsSpan().SequenceEqual(source))
            {
                var at = merged.AsSpan().CommonPrefixLength(source);
                failures.Add($"{relative}: identity output differs from the source at byte {at}");
            }
        }

        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync($"FAILED {failure}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var megabytes = bytes / 1024.0 / 1024.0;
        Console.WriteLine(
            $"roundtrip {(pseudo ? "pseudo" : "identity")}: {files.Count} files, {files.Count - failures.Count} ok"
            + $"{(pseudo ? string.Empty : " (byte-identical)")}, {failures.Count} failed; {segments} segments, "
            + $"{megabytes:F1} MB in {seconds:F2} s ({megabytes / Math.Max(seconds, 1e-9):F1} MB/s)");
        return failures.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
    }

    private static (byte[]? Merged, string? Problem, int Segments) RoundTrip(MarkdownFilter filter, byte[] source, bool pseudo)
    {
        // Bytes in, bytes out: a BOM is kept as it was, and text that is not UTF-8 is an error rather than a guess.
        var hasBom = source.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        string text;
        try
        {
            text = _strictUtf8.GetString(source.AsSpan(hasBom ? 3 : 0));
        }
        catch (DecoderFallbackException ex)
        {
            return (null, $"not UTF-8 text ({ex.Message})", 0);
        }

        try
        {
            var document = filter.Extract(text);
            var targets = document.Segments.Select(s => pseudo ? PseudoLocalizer.Localize(s.Text) : s.Text).ToList();
            var result = document.Merge(targets);
            if (!result.Succeeded)
            {
                return (null, string.Join("; ", result.Failures.Select(f => $"segment {f.SegmentIndex}: {f.Message}")), document.Segments.Count);
            }

            var body = _strictUtf8.GetBytes(result.Text!);
            return (hasBom ? [0xEF, 0xBB, 0xBF, .. body] : body, null, document.Segments.Count);
        }
        catch (DocumentFormatException ex)
        {
            var where = ex.Line is { } line ? $" (line {line}{(ex.Field is { } field ? $", field {field}" : string.Empty)})" : string.Empty;
            return (null, ex.Message + where, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A filter bug on one file must not hide the results of the others: it is that file's failure, named.
            return (null, $"internal error: {ex.GetType().Name}: {ex.Message}", 0);
        }
    }
}
