using BenchmarkDotNet.Attributes;
using Localize.Core.Checks;

namespace Localize.Benchmarks.Checks;

/// <summary>
/// All checks of the catalog, per target language, over that language's table of correct and wrong pairs
/// (<c>tests/Localize.Core.Tests/Languages/Specs/&lt;locale&gt;.pairs</c>) repeated to 10,000 pairs, so the mean is the
/// time per segment in that language: segments/s = 1 s / mean. Run with
/// <c>dotnet run -c Release --project bench/Localize.Benchmarks -- --filter '*LanguageCheck*' --inProcess --job short</c>
/// (sixteen languages: the short job keeps the run within minutes).
/// </summary>
[MemoryDiagnoser]
public class LanguageCheckBenchmarks
{
    private const int Segments = 10_000;

    private readonly QualityChecker _checker = new();
    private IReadOnlyList<SegmentPair> _pairs = [];

    [Params("es", "fr", "pt-BR", "it", "de", "pl", "ru", "vi", "tl", "ht", "zh-Hans", "zh-Hant", "ja", "ko", "ar", "fa")]
    public string Locale { get; set; } = "es";

    [GlobalSetup]
    public void Setup() => _pairs = CheckBenchmarkData.LanguagePairs(Locale, Segments);

    [Benchmark(OperationsPerInvoke = Segments)]
    public int LanguageSegments()
    {
        var findings = 0;
        foreach (var pair in _pairs)
        {
            findings += _checker.RunMarkdown(pair).Count;
        }

        return findings;
    }
}
