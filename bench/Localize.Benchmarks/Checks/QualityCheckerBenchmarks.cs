using BenchmarkDotNet.Attributes;
using Localize.Core.Checks;

namespace Localize.Benchmarks.Checks;

/// <summary>
/// All checks of the catalog over segment pairs. Each invocation checks 10,000 pairs (over 100 ms, as
/// BenchmarkDotNet asks), so the mean is the time per segment: segments/s = 1 s / mean. Run with
/// <c>LOCALIZE_BENCH_CORPUS=DIR dotnet run -c Release --project bench/Localize.Benchmarks -- --filter '*QualityChecker*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class QualityCheckerBenchmarks
{
    private const int Segments = 10_000;

    private readonly QualityChecker _checker = new();
    private IReadOnlyList<SegmentPair> _corpus = [];
    private IReadOnlyList<SegmentPair> _medical = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CheckBenchmarkData.CorpusPairs(Segments);
        _medical = CheckBenchmarkData.MedicalPairs(Segments);
    }

    [Benchmark(OperationsPerInvoke = Segments)]
    public int CorpusSegments() => RunAll(_corpus);

    [Benchmark(OperationsPerInvoke = Segments)]
    public int MedicalSegments() => RunAll(_medical);

    private int RunAll(IReadOnlyList<SegmentPair> pairs)
    {
        var findings = 0;
        foreach (var pair in pairs)
        {
            findings += _checker.RunMarkdown(pair).Count;
        }

        return findings;
    }
}
