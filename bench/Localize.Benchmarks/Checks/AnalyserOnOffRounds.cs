using System.Diagnostics;
using System.Globalization;
using Localize.Core.Checks;
using Localize.Core.Checks.Analysis;
using Localize.Engines.Apertium;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Benchmarks.Checks;

/// <summary>
/// The checks with Apertium's Spanish analyser on and off, as the pipeline runs them: with it, the targets of each batch
/// of 500 (the machine-translation step's batch) go through the analyser in one call, then every check reads the
/// analysis. Rounds alternate off/on so a change in the machine's load hits both alike; each line says the load average
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
        var analyser = new ApertiumAnalyser(Options.Create(new ApertiumOptions()), NullLogger<ApertiumAnalyser>.Instance);
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
        Console.WriteLine("round | analyser | load avg | segments/s | analyser calls | findings");
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var on in new[] { false, true })
            {
                var load = LoadAverage();
                var clock = Stopwatch.StartNew();
                var (findings, calls) = on ? await RoundAsync(checker, analyser, pairs) : (RoundOff(checker, pairs), 0);
                clock.Stop();
                Console.WriteLine($"{round} | {(on ? "on" : "off")} | {load} | {pairs.Count / clock.Elapsed.TotalSeconds:N0} | {calls} | {findings}");
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

    private static async Task<(int Findings, int Calls)> RoundAsync(QualityChecker checker, IMorphologicalAnalyser analyser, IReadOnlyList<SegmentPair> pairs)
    {
        var findings = 0;
        var calls = 0;
        foreach (var batch in pairs.Chunk(BatchSize))
        {
            var analyses = await analyser.AnalyseAsync("es", [.. batch.Select(p => TextSide.PlainTextOf(p.Target, TextForm.Markdown))], CancellationToken.None);
            calls++;
            for (var i = 0; i < batch.Length; i++)
            {
                findings += checker.RunMarkdown(batch[i] with { TargetAnalysis = analyses[i] }).Count;
            }
        }

        return (findings, calls);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
