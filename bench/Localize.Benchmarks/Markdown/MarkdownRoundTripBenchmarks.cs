using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Localize.Core.Markdown;
using Localize.Core.Translation;

namespace Localize.Benchmarks.Markdown;

/// <summary>
/// Issue 4's throughput bar: extract + merge over the whole benchmark corpus (1,000 articles, about 8 MB, from
/// shared/bench/gen_corpus.py), in MB/s and allocated bytes per MB of Markdown. One operation = every article once.
/// The corpus is read from LOCALIZE_CORPUS if set, otherwise generated once into the temp folder.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class MarkdownRoundTripBenchmarks
{
    private readonly MarkdownFilter _filter = new(new MarkdownFilterOptions("en", ["title", "description"]));
    private string[] _articles = [];
    private List<string>[] _pseudoTargets = [];

    [GlobalSetup]
    public void LoadCorpus()
    {
        var folder = Environment.GetEnvironmentVariable("LOCALIZE_CORPUS") ?? GenerateCorpus();
        _articles = Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        CorpusSize.Bytes = _articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a));
        _pseudoTargets = _articles.Select(a => _filter.Extract(a).Segments.Select(s => PseudoLocalizer.Localize(s.Text)).ToList()).ToArray();
    }

    [Benchmark(Baseline = true, Description = "extract")]
    public int Extract()
    {
        var segments = 0;
        foreach (var article in _articles)
        {
            segments += _filter.Extract(article).Segments.Count;
        }

        return segments;
    }

    [Benchmark(Description = "extract + identity merge")]
    public int ExtractAndMergeIdentity()
    {
        var length = 0;
        foreach (var article in _articles)
        {
            var document = _filter.Extract(article);
            length += document.Merge(document.Segments.Select(s => s.Text).ToList()).Text!.Length;
        }

        return length;
    }

    [Benchmark(Description = "extract + pseudo merge")]
    public int ExtractAndMergePseudo()
    {
        var length = 0;
        for (var i = 0; i < _articles.Length; i++)
        {
            length += _filter.Extract(_articles[i]).Merge(_pseudoTargets[i]).Text!.Length;
        }

        return length;
    }

    private static string GenerateCorpus()
    {
        var folder = Path.Combine(Path.GetTempPath(), "localize-bench-corpus");
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.md").Length == 1000)
        {
            return folder;
        }

        var generator = FindUp(Path.Combine("shared", "bench", "gen_corpus.py"))
            ?? throw new InvalidOperationException("set LOCALIZE_CORPUS or run from a checkout next to shared/bench/gen_corpus.py");
        using var python = Process.Start("python3", [generator, folder]) ?? throw new InvalidOperationException("python3 not found");
        python.WaitForExit();
        return folder;
    }

    private static string? FindUp(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new ThroughputColumn("MB/s", perMegabyte: false), new ThroughputColumn("Alloc/MB", perMegabyte: true));
        }
    }
}
