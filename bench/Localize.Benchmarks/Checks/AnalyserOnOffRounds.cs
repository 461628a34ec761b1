using System.Diagnostics;
using System.Globalization;
using Localize.Core.Checks;
using Localize.Core.Checks.Analysis;
using Localize.Engines.Apertium;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Benchmarks.Checks;

/// <summary>
/// The checks with Apertium's Spanish analyser on and off, as the pipeline runs them: with it, each batch of 500 (the
/// machine-translation step's batch) goes through <see cref="QualityChecker.RunAsync"/>, which sends the targets some
/// check needs read to the analyser's long-lived processes in one call and checks the rest without. Rounds alternate off/on so a change in the machine's load hits both alike; each line says the load average
/// (1 min) when it started. Not a BenchmarkDotNet job: a whole round, process calls included, is the figure.
/// <c>dotnet run -c Release --project bench/Localize.Benchmarks -- checks-analyser [rounds=3] [segments=10000]</c>
/// </summary>
public static class AnalyserOnOffRounds
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var segments = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        using var apertium = new ApertiumAnalyser(Options.Create(new ApertiumOptions()), NullLogger<ApertiumAnalyser>.Instance);
        var analyser = new CountingAnalyser(apertium);
        if (analyser.Unavailable("es") is { } why)
        {
            Console.Error.WriteLine($"checks-analyser: {why}");
            return 2;
        }

        IReadOnlyList<SegmentPair> pairs = [.. CheckBenchmarkData.MedicalPairs(segments / 2), .. CheckBenchmarkData.CorpusPairs(segments - segments / 2)];
        var checker = new QualityChecker();
        // One unmeasured pass of each warms the JIT and the analyser's files into the page cache.
        await RoundAsync(checker, analyser, [.. pairs.Take(BatchSize)]);
        RoundOff(checker, [.. pairs.Take(BatchSize)]);

        Console.WriteLine($"{pairs.Count} en→es pairs, batches of {BatchSize}, {Environment.ProcessorCount} cores");
        Console.WriteLine("round | analyser | load avg | segments/s | analyser calls | texts analysed | findings");
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var on in new[] { false, true })
            {
                var load = LoadAverage();
                var clock = Stopwatch.StartNew();
                var (calls, texts) = (analyser.Calls, analyser.Texts);
                var findings = on ? await RoundAsync(checker, analyser, pairs) : RoundOff(checker, pairs);
                clock.Stop();
                Console.WriteLine($"{round} | {(on ? "on" : "off")} | {load} | {pairs.Count / clock.Elapsed.TotalSeconds:N0} | {analyser.Calls - calls} | {analyser.Texts - texts} | {findings}");
            }
        }

        return 0;
    }

    private static int RoundOff(QualityChecker checker, IReadOnlyList<SegmentPair> pairs)
    {
        var findings = 0;
        foreach (var pair in pairs)
        {
            findings += checker.RunMarkdown(pair).Count;
        }

        return findings;
    }

    private static async Task<int> RoundAsync(QualityChecker checker, IMorphologicalAnalyser analyser, IReadOnlyList<SegmentPair> pairs)
    {
        var findings = 0;
        foreach (var batch in pairs.Chunk(BatchSize))
        {
            findings += (await checker.RunAsync(batch, TextForm.Markdown, analyser, CancellationToken.None)).Sum(f => f.Count);
        }

        return findings;
    }

    /// <summary>Counts the analyser's calls and the texts sent, to show what the checks asked for.</summary>
    private sealed class CountingAnalyser(IMorphologicalAnalyser inner) : IMorphologicalAnalyser
    {
        public int Calls { get; private set; }

        public int Texts { get; private set; }

        public string? Unavailable(string locale) => inner.Unavailable(locale);

        public Task<IReadOnlyList<TextAnalysis?>> AnalyseAsync(string locale, IReadOnlyList<string> plainTexts, CancellationToken cancellationToken)
        {
            Calls++;
            Texts += plainTexts.Count;
            return inner.AnalyseAsync(locale, plainTexts, cancellationToken);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
