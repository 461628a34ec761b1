using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Localize.Core.Checks;
using Localize.Core.Checks.Analysis;
using Localize.Core.Glossaries;
using Localize.Core.Languages;
using Localize.Engines.Apertium;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize check --pairs &lt;file.jsonl&gt; --from en --to es [--glossary &lt;file.csv&gt;] [--json]</c>: runs every
/// quality check over pairs of Markdown inline text, one JSON object <c>{"id", "source", "target"}</c> a line. With
/// --json prints one line per pair, <c>{"id", "findings": [{"check", "severity", "message"}]}</c>; a bad line gets
/// <c>{"id", "line", "error", "findings": []}</c> and the same error on stderr, and the other lines are still
/// checked. First it names the language pack used for the target locale and what that pack does not check (on
/// stderr with --json). Exits 1 when any pair has an error finding or any line is bad, 0 otherwise, 2 on usage errors.
/// </summary>
public static class CheckCommand
{
    private const string Name = "check";

    private static readonly JsonSerializerOptions _json = new()
    {
        // Reviewers read the Spanish in these lines: keep "ñ" and "¿" as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var pairs = new Option<FileInfo>("--pairs") { Description = "JSON Lines file of {\"id\", \"source\", \"target\"} in Markdown inline text." };
        var from = new Option<string>("--from") { Description = "Source language, e.g. en." };
        var to = new Option<string>("--to") { Description = "Target locale, e.g. es or es-MX (number formats follow it)." };
        var glossary = new Option<FileInfo>("--glossary") { Description = "Glossary CSV: source,target,note; empty target = do-not-translate; note \"forbidden…\" = forbidden translation." };
        var json = new Option<bool>("--json") { Description = "One JSON line per pair instead of text." };
        var noAnalyser = new Option<bool>("--no-analyser") { Description = "Read prohibitions by word lists only, without the target language's morphological analyser (Apertium's, for Spanish)." };

        // Unknown arguments reach the action, which reports them as usage errors (exit 2) like the rest.
        var command = new Command(Name, "Run the medical-safety and quality checks over translated pairs (JSON lines {\"id\", \"source\", \"target\"}). Exit 1 when any pair has an error finding or a line is bad.\n\nExample: localize check --pairs pairs.jsonl --from en --to es --glossary glossary.csv --json") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(pairs);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(glossary);
        command.Options.Add(json);
        command.Options.Add(noAnalyser);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.UnmatchedTokens.Count > 0)
            {
                await UsageErrorAsync($"unknown argument(s) {string.Join(" ", parseResult.UnmatchedTokens)}");
                return LocalizeCommandLine.Usage;
            }

            // Required options are checked here rather than by the parser, so a missing one exits 2 (usage) as the
            // CLI contract says, with a message naming it.
            var pairsFile = parseResult.GetValue(pairs);
            var fromLanguage = parseResult.GetValue(from);
            var toLocale = parseResult.GetValue(to);
            var missing = new[] { ("--pairs", pairsFile is null), ("--from", string.IsNullOrWhiteSpace(fromLanguage)), ("--to", string.IsNullOrWhiteSpace(toLocale)) }
                .Where(m => m.Item2).Select(m => m.Item1).ToList();
            if (missing.Count > 0)
            {
                await UsageErrorAsync($"missing {string.Join(", ", missing)}");
                return LocalizeCommandLine.Usage;
            }

            if (!pairsFile!.Exists)
            {
                await UsageErrorAsync($"pairs file '{pairsFile.FullName}' does not exist");
                return LocalizeCommandLine.Usage;
            }

            Glossary? terms = null;
            if (parseResult.GetValue(glossary) is { } glossaryFile)
            {
                if (!glossaryFile.Exists)
                {
                    await UsageErrorAsync($"glossary '{glossaryFile.FullName}' does not exist");
                    return LocalizeCommandLine.Usage;
                }

                try
                {
                    using var glossaryStream = glossaryFile.OpenRead();
                    terms = GlossaryCsvReader.Read(glossaryStream);
                }
                catch (GlossaryFormatException ex)
                {
                    await UsageErrorAsync($"glossary '{glossaryFile.Name}' {ex.Message}");
                    return LocalizeCommandLine.Usage;
                }
            }

            using var reader = pairsFile.OpenText();
            IMorphologicalAnalyser analyser = parseResult.GetValue(noAnalyser)
                ? NoMorphologicalAnalyser.Instance
                : new ApertiumAnalyser(Options.Create(new ApertiumOptions()), NullLogger<ApertiumAnalyser>.Instance);
            return await RunAsync(reader, Console.Out, Console.Error, fromLanguage!, toLocale!, terms, analyser, parseResult.GetValue(json), cancellationToken);
        });
        return command;
    }

    /// <summary>Pairs analysed together: one analyser process per this many targets.</summary>
    private const int AnalysisBatch = 1000;

    /// <summary>A usage error on stderr, prefixed with the command's name as every CLI error is.</summary>
    private static Task UsageErrorAsync(string message) => Console.Error.WriteLineAsync($"{Name}: {message}");

    /// <summary>The command without the console: reads pairs, writes results, returns the exit code.</summary>
    public static async Task<int> RunAsync(
        TextReader pairs, TextWriter output, TextWriter errors, string from, string to, Glossary? glossary, IMorphologicalAnalyser analyser, bool json, CancellationToken cancellationToken)
    {
        var checker = new QualityChecker(glossary);

        // Which language pack checks the target, and what it cannot check, once before the findings: a reviewer must
        // know that "no negation finding" for a language without a pack means "not checked", not "fine".
        await (json ? errors : output).WriteLineAsync(LanguagePacks.For(to).Describe());
        if (analyser.Unavailable(to) is { } why)
        {
            await errors.WriteLineAsync($"{Name}: warning: prohibitions are checked by word lists only ({why}): a statement such as \"no conduce\" for \"do not drive\" is not caught");
        }

        var counts = new Counts();
        var lineNumber = 0;
        var batch = new List<(int Line, string? Id, string? Source, string? Target, string? Problem)>();
        while (await pairs.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (id, source, target, problem) = ReadPair(line, lineNumber);
            batch.Add((lineNumber, id, source, target, problem));
            if (batch.Count == AnalysisBatch)
            {
                await CheckBatchAsync(batch, checker, analyser, output, errors, from, to, json, counts, cancellationToken);
                batch.Clear();
            }
        }

        await CheckBatchAsync(batch, checker, analyser, output, errors, from, to, json, counts, cancellationToken);
        var summary = $"{counts.Checked} pairs checked: {counts.WithErrors} with errors, {counts.Warnings} warnings, {counts.BadLines} bad lines";
        await (json ? errors : output).WriteLineAsync(summary);
        return counts.WithErrors > 0 || counts.BadLines > 0 ? LocalizeCommandLine.Failed : LocalizeCommandLine.Ok;
    }

    private static async Task CheckBatchAsync(
        List<(int Line, string? Id, string? Source, string? Target, string? Problem)> batch,
        QualityChecker checker,
        IMorphologicalAnalyser analyser,
        TextWriter output,
        TextWriter errors,
        string from,
        string to,
        bool json,
        Counts counts,
        CancellationToken cancellationToken)
    {
        var good = batch.Where(b => b.Problem is null).ToArray();
        var checkedPairs = await checker.RunAsync([.. good.Select(b => new SegmentPair(from, to, b.Source!, b.Target!))], TextForm.Markdown, analyser, cancellationToken);
        var findingsOf = good.Select((b, i) => (b.Line, Findings: checkedPairs[i])).ToDictionary(p => p.Line, p => p.Findings);
        foreach (var (lineNumber, id, source, target, problem) in batch)
        {
            if (problem is not null)
            {
                counts.BadLines++;
                await errors.WriteLineAsync($"{Name}: {problem}");
                await output.WriteLineAsync(json
                    ? JsonSerializer.Serialize(new { id, line = lineNumber, error = problem, findings = Array.Empty<object>() }, _json)
                    : id is null ? problem : $"{id}: {problem}");
                continue;
            }

            var findings = findingsOf[lineNumber];
            counts.Checked++;
            counts.WithErrors += findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
            counts.Warnings += findings.Count(f => f.Severity == Severity.Warning);
            if (json)
            {
                var items = findings.Select(f => new { check = f.CheckId, severity = f.Severity == Severity.Error ? "error" : "warning", message = f.Message });
                await output.WriteLineAsync(JsonSerializer.Serialize(new { id, findings = items }, _json));
            }
            else
            {
                await output.WriteLineAsync(findings.Count == 0 ? $"{id}: ok" : $"{id}:");
                foreach (var finding in findings)
                {
                    await output.WriteLineAsync($"  {(finding.Severity == Severity.Error ? "error" : "warning")} {finding.CheckId}: {finding.Message}");
                }
            }
        }
    }

    private sealed class Counts
    {
        public int Checked { get; set; }

        public int WithErrors { get; set; }

        public int Warnings { get; set; }

        public int BadLines { get; set; }
    }

    private static (string? Id, string? Source, string? Target, string? Problem) ReadPair(string line, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return (null, null, null, $"line {lineNumber}: not valid JSON ({ex.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null, $"line {lineNumber}: expected a JSON object {{\"id\", \"source\", \"target\"}}");
            }

            var id = Text(document.RootElement, "id");
            var source = Text(document.RootElement, "source");
            var target = Text(document.RootElement, "target");
            var missing = new[] { ("id", id), ("source", source), ("target", target) }.Where(f => f.Item2 is null).Select(f => $"\"{f.Item1}\"").ToList();
            return missing.Count > 0
                ? (id, null, null, $"line {lineNumber}: missing or non-string {string.Join(", ", missing)}")
                : (id, source, target, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
