using System.Diagnostics;
using System.Globalization;
using Localize.Core.Memory;

// dotnet run -c Release --project bench/memory -- <data dir> [pg results tsv]
// Builds the fuzzy index over segments.tsv, answers queries.tsv (top 5, ≥ 75 %), measures latency and recall against
// an exhaustive comparison, and puts pg_trgm's answers (from run.sh) beside ours, reranked by the same similarity.
var data = args.Length > 0 ? args[0] : "/tmp/localize-tm-bench";
var pgResults = args.Length > 1 ? args[1] : null;
var invariant = CultureInfo.InvariantCulture;

var segments = ReadTsv(Path.Combine(data, "segments.tsv"));
var queries = ReadTsv(Path.Combine(data, "queries.tsv"));
Console.WriteLine($"{segments.Count:N0} segments, {queries.Count} queries, {Environment.ProcessorCount} cores");

GC.Collect();
var before = GC.GetTotalMemory(true);
var build = Stopwatch.StartNew();
// Tuning knobs, for trying the recall/latency trade without a rebuild; the defaults are what the product uses.
var defaults = new FuzzyIndex();
var index = new FuzzyIndex
{
    PostingsBudget = Setting("LOCALIZE_FUZZY_BUDGET", defaults.PostingsBudget),
    MinimumGrams = Setting("LOCALIZE_FUZZY_MIN_GRAMS", defaults.MinimumGrams),
    Candidates = Setting("LOCALIZE_FUZZY_CANDIDATES", defaults.Candidates),
};
Console.WriteLine($"settings: postings budget {index.PostingsBudget:N0}, minimum trigrams {index.MinimumGrams}, candidates verified {index.Candidates}");
foreach (var (id, text) in segments)
{
    index.Add(id, MatchText.Of(text));
}

build.Stop();
var after = GC.GetTotalMemory(true);
var texts = segments.ToDictionary(s => s.Id, s => MatchText.Of(s.Text));
Console.WriteLine($"index built in {build.Elapsed.TotalSeconds:F1} s; {index.GramCount:N0} trigrams, {index.PostingTotal:N0} postings; managed memory {(after - before) / 1048576.0:F0} MiB (estimate {index.EstimatedBytes / 1048576.0:F0} MiB)");

// Ground truth: every query compared with every segment (both cores).
// Cached beside the data: it depends only on the data and costs minutes.
var truth = new IReadOnlyList<FuzzyHit>[queries.Count];
var truthFile = Path.Combine(data, "truth.tsv");
if (File.Exists(truthFile))
{
    foreach (var line in File.ReadLines(truthFile))
    {
        var parts = line.Split('\t');
        truth[int.Parse(parts[0], invariant)] = [.. parts.Skip(1).Where(p => p.Length > 0).Select(p => p.Split(':')).Select(p => new FuzzyHit(long.Parse(p[0], invariant), double.Parse(p[1], invariant)))];
    }

    Console.WriteLine($"exhaustive ground truth read from {truthFile}");
}
else
{
    var exhaustive = Stopwatch.StartNew();
    Parallel.For(0, queries.Count, q => truth[q] = index.SearchExhaustive(MatchText.Of(queries[q].Text)));
    exhaustive.Stop();
    Console.WriteLine($"exhaustive ground truth: {exhaustive.Elapsed.TotalSeconds:F1} s ({exhaustive.Elapsed.TotalMilliseconds * Environment.ProcessorCount / queries.Count:F0} ms per query per core)");
    File.WriteAllLines(truthFile, truth.Select((hits, q) => q.ToString(invariant) + "\t" + string.Join('\t', hits.Select(h => $"{h.Key.ToString(invariant)}:{h.Similarity.ToString("R", invariant)}"))));
}

// Ours: one query at a time, after a warm-up pass, as a reviewer's page would ask.
foreach (var (_, text) in queries.Take(20))
{
    index.Search(MatchText.Of(text));
}

var ours = new IReadOnlyList<FuzzyHit>[queries.Count];
var latencies = new double[queries.Count];
for (var q = 0; q < queries.Count; q++)
{
    var watch = Stopwatch.StartNew();
    ours[q] = index.Search(MatchText.Of(queries[q].Text));
    latencies[q] = watch.Elapsed.TotalMilliseconds;
}

var rows = new List<string[]>
{
    new[] { "engine", "mean ms", "p50 ms", "p95 ms", "max ms", "recall@5" },
    Row("Localize trigram index", latencies, Recall(ours)),
};

if (pgResults is not null && File.Exists(pgResults))
{
    // run.sh: qid <TAB> milliseconds <TAB> comma-separated ids (pg_trgm candidates, its own order).
    var pgLatency = new double[queries.Count];
    var pgHits = new IReadOnlyList<FuzzyHit>[queries.Count];
    foreach (var line in File.ReadLines(pgResults))
    {
        var parts = line.Split('\t');
        var q = int.Parse(parts[0], invariant);
        pgLatency[q] = double.Parse(parts[1], invariant);
        var query = new EditDistance(MatchText.Of(queries[q].Text));
        pgHits[q] = [.. (parts.Length > 2 && parts[2].Length > 0 ? parts[2].Split(',') : [])
            .Select(id => new FuzzyHit(long.Parse(id, invariant), query.SimilarityTo(texts[long.Parse(id, invariant)])))
            .Where(h => h.Similarity >= FuzzyIndex.DefaultMinimum)
            .OrderByDescending(h => h.Similarity).ThenBy(h => h.Key)
            .Take(FuzzyIndex.DefaultLimit)];
    }

    rows.Add(Row("PostgreSQL pg_trgm (GIN, %)", pgLatency, Recall(pgHits)));
    Console.WriteLine();
    foreach (var row in rows)
    {
        Console.WriteLine("| " + string.Join(" | ", row) + " |");
    }

    Console.WriteLine();
    Console.WriteLine($"mean latency ratio pg_trgm / Localize: {pgLatency.Average() / latencies.Average():F1}×; p50 ratio {Percentile(pgLatency, 50) / Percentile(latencies, 50):F1}×");
}
else
{
    foreach (var row in rows)
    {
        Console.WriteLine("| " + string.Join(" | ", row) + " |");
    }
}

Console.WriteLine($"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
return 0;

string[] Row(string name, double[] ms, double recall) =>
[
    name,
    ms.Average().ToString("F2", invariant),
    Percentile(ms, 50).ToString("F2", invariant),
    Percentile(ms, 95).ToString("F2", invariant),
    ms.Max().ToString("F2", invariant),
    recall.ToString("F3", invariant),
];

// Recall: the share of the ground truth's top-5 hits (≥ 75 %) that an engine returned. A tie at the fifth place counts
// for either source of the same similarity.
double Recall(IReadOnlyList<FuzzyHit>[] answers)
{
    int expected = 0, found = 0;
    for (var q = 0; q < queries.Count; q++)
    {
        var wanted = truth[q];
        expected += wanted.Count;
        var got = answers[q].ToHashSet();
        var floor = wanted.Count > 0 ? wanted[^1].Similarity : 1;
        found += Math.Min(wanted.Count, wanted.Count(h => got.Contains(h)) + got.Count(h => !wanted.Contains(h) && Math.Abs(h.Similarity - floor) < 1e-12));
    }

    return expected == 0 ? 1 : (double)found / expected;
}

static double Percentile(double[] values, int percent)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

static List<(long Id, string Text)> ReadTsv(string path) =>
    [.. File.ReadLines(path).Select(line =>
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return (long.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture), line[(tab + 1)..]);
    })];
