using System.Diagnostics;
using System.Globalization;
using Localize.Core.Memory;

// dotnet Localize.MemoryBench.dll truth <data dir>
//     Writes <data dir>/truth.tsv: every query compared with every segment (top 5, ≥ 75 %), in a process of its own so
//     the segments it holds are not charged to the measured side. Skipped when the file exists.
// dotnet Localize.MemoryBench.dll compare <data dir> [rounds=3] [pg round command]
//     Builds the fuzzy index from segments.tsv (streamed: only the index stays in memory), then alternates rounds of
//     the pg round command (run.sh --pg-round, which writes qid<TAB>ms<TAB>ids to the file given as its last argument) and of
//     Localize's queries, printing the load average before each, and a table of both with the ratio of means.
var invariant = CultureInfo.InvariantCulture;
var mode = args.Length > 0 ? args[0] : "compare";
var data = args.Length > 1 ? args[1] : "/tmp/localize-tm-bench";
var queries = ReadTsv(Path.Combine(data, "queries.tsv")).ToList();
var truthFile = Path.Combine(data, "truth.tsv");

if (mode == "truth")
{
    if (File.Exists(truthFile))
    {
        Console.WriteLine($"exhaustive ground truth already in {truthFile}");
        return 0;
    }

    var (all, _) = Build(new FuzzyIndex());
    var truthHits = new IReadOnlyList<FuzzyHit>[queries.Count];
    var exhaustive = Stopwatch.StartNew();
    Parallel.For(0, queries.Count, q => truthHits[q] = all.SearchExhaustive(MatchText.Of(queries[q].Text)));
    Console.WriteLine($"exhaustive ground truth: {exhaustive.Elapsed.TotalSeconds:F1} s ({exhaustive.Elapsed.TotalMilliseconds * Environment.ProcessorCount / queries.Count:F0} ms per query per core)");
    File.WriteAllLines(truthFile + ".partial", truthHits.Select((hits, q) => q.ToString(invariant) + "\t" + string.Join('\t', hits.Select(h => $"{h.Key.ToString(invariant)}:{h.Similarity.ToString("R", invariant)}"))));
    File.Move(truthFile + ".partial", truthFile, overwrite: true);
    return 0;
}

var rounds = args.Length > 2 ? int.Parse(args[2], invariant) : 3;
var pgCommand = args.Length > 3 ? args[3] : null;
var truth = new IReadOnlyList<FuzzyHit>[queries.Count];
foreach (var line in File.ReadLines(truthFile))
{
    var parts = line.Split('\t');
    truth[int.Parse(parts[0], invariant)] = [.. parts.Skip(1).Where(p => p.Length > 0).Select(p => p.Split(':')).Select(p => new FuzzyHit(long.Parse(p[0], invariant), double.Parse(p[1], invariant)))];
}

// Tuning knobs, for trying the recall/latency trade without a rebuild; the defaults are what the product uses.
var defaults = new FuzzyIndex();
var index = new FuzzyIndex
{
    PostingsBudget = Setting("LOCALIZE_FUZZY_BUDGET", defaults.PostingsBudget),
    MinimumGrams = Setting("LOCALIZE_FUZZY_MIN_GRAMS", defaults.MinimumGrams),
    Candidates = Setting("LOCALIZE_FUZZY_CANDIDATES", defaults.Candidates),
};
Console.WriteLine($"{queries.Count} queries, {Environment.ProcessorCount} cores; settings: postings budget {index.PostingsBudget:N0}, minimum trigrams {index.MinimumGrams}, candidates verified {index.Candidates}");
var before = GC.GetTotalMemory(true);
var (_, buildTime) = Build(index);
var after = GC.GetTotalMemory(true);
Console.WriteLine($"index of {index.Count:N0} segments built in {buildTime.TotalSeconds:F1} s (reading the file included); {index.GramCount:N0} trigrams, {index.PostingTotal:N0} postings; managed memory {(after - before) / 1048576.0:F0} MiB (estimate {index.EstimatedBytes / 1048576.0:F0} MiB); peak working set so far {PeakMiB():F0} MiB");

var matchQueries = queries.Select(q => MatchText.Of(q.Text)).ToArray();
if (pgCommand is not null)
{
    Console.WriteLine($"pg_trgm warm-up pass (load {Load()})");
    RunPg(Path.Combine(data, "pg-warmup.tsv"));
}

foreach (var text in matchQueries)
{
    index.Search(text);
}

var results = new List<Round>();
for (var r = 1; r <= rounds; r++)
{
    if (pgCommand is not null)
    {
        var load = Load();
        Console.WriteLine($"round {r}: pg_trgm (load {load})");
        var file = Path.Combine(data, $"pg-round{r}.tsv");
        RunPg(file);
        results.Add(ReadPgRound(r, load, file));
    }

    var ourLoad = Load();
    Console.WriteLine($"round {r}: Localize (load {ourLoad})");
    var answers = new IReadOnlyList<FuzzyHit>[queries.Count];
    var latencies = new double[queries.Count];
    for (var q = 0; q < queries.Count; q++)
    {
        var watch = Stopwatch.StartNew();
        answers[q] = index.Search(matchQueries[q]);
        latencies[q] = watch.Elapsed.TotalMilliseconds;
    }

    results.Add(new Round("Localize", r, ourLoad, latencies, answers));
}

// Localize's peak before pg_trgm's answers are reranked: that needs their texts, read in this process.
var peak = PeakMiB();
RerankPg(results.Where(x => x.Engine == "pg_trgm").ToList());

Console.WriteLine();
Console.WriteLine("| round | engine | load before (1/5/15 min) | mean ms | p50 ms | p95 ms | max ms | recall@5 | pg_trgm / Localize (mean) |");
Console.WriteLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var round in results)
{
    var pg = results.FirstOrDefault(x => x.Engine == "pg_trgm" && x.Number == round.Number);
    var ratio = round.Engine == "Localize" && pg is not null ? $"{pg.Latencies.Average() / round.Latencies.Average():F1}×" : "";
    Console.WriteLine($"| {round.Number} | {round.Engine} | {round.Load} | {round.Latencies.Average():F2} | {Percentile(round.Latencies, 50):F2} | {Percentile(round.Latencies, 95):F2} | {round.Latencies.Max():F2} | {Recall(round.Answers):F3} | {ratio} |");
}

var ourAll = results.Where(x => x.Engine == "Localize").SelectMany(x => x.Latencies).ToArray();
Console.WriteLine();
Console.WriteLine($"Localize over {rounds} rounds: mean {ourAll.Average():F2} ms, p50 {Percentile(ourAll, 50):F2} ms");
if (pgCommand is not null)
{
    var pgAll = results.Where(x => x.Engine == "pg_trgm").SelectMany(x => x.Latencies).ToArray();
    Console.WriteLine($"pg_trgm over {rounds} rounds: mean {pgAll.Average():F2} ms, p50 {Percentile(pgAll, 50):F2} ms");
    Console.WriteLine($"overall mean latency ratio pg_trgm / Localize: {pgAll.Average() / ourAll.Average():F1}×; p50 ratio {Percentile(pgAll, 50) / Percentile(ourAll, 50):F1}×");
}

Console.WriteLine($"Localize process peak working set (index built and queried, no ground truth held): {peak:F0} MiB");
return 0;

(FuzzyIndex Index, TimeSpan Elapsed) Build(FuzzyIndex into)
{
    var watch = Stopwatch.StartNew();
    foreach (var (id, text) in ReadTsv(Path.Combine(data, "segments.tsv")))
    {
        into.Add(id, MatchText.Of(text));
    }

    return (into, watch.Elapsed);
}

void RunPg(string output)
{
    using var process = Process.Start(new ProcessStartInfo("bash", ["-c", pgCommand + " \"$1\"", "bash", output]) { UseShellExecute = false })!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"pg_trgm round ({pgCommand}) exited with {process.ExitCode}");
    }
}

Round ReadPgRound(int number, string load, string file)
{
    // qid <TAB> milliseconds <TAB> comma-separated ids (pg_trgm's best 20, its own order); reranked at the end.
    var latencies = new double[queries.Count];
    var ids = new IReadOnlyList<FuzzyHit>[queries.Count];
    foreach (var line in File.ReadLines(file))
    {
        var parts = line.Split('\t');
        var q = int.Parse(parts[0], invariant);
        latencies[q] = double.Parse(parts[1], invariant);
        ids[q] = [.. (parts.Length > 2 && parts[2].Length > 0 ? parts[2].Split(',') : []).Select(id => new FuzzyHit(long.Parse(id, invariant), 0))];
    }

    return new Round("pg_trgm", number, load, latencies, ids);
}

// pg_trgm ranks by trigram similarity; scored like ours, by edit-distance similarity, ≥ 75 %, best 5.
void RerankPg(List<Round> pgRounds)
{
    var wanted = pgRounds.SelectMany(r => r.Answers).SelectMany(a => a).Select(h => h.Key).ToHashSet();
    var texts = new Dictionary<long, string>();
    foreach (var (id, text) in ReadTsv(Path.Combine(data, "segments.tsv")))
    {
        if (wanted.Contains(id))
        {
            texts[id] = MatchText.Of(text);
        }
    }

    foreach (var round in pgRounds)
    {
        for (var q = 0; q < queries.Count; q++)
        {
            var distance = new EditDistance(matchQueries[q]);
            round.Answers[q] = [.. round.Answers[q]
                .Select(h => h with { Similarity = distance.SimilarityTo(texts[h.Key]) })
                .Where(h => h.Similarity >= FuzzyIndex.DefaultMinimum)
                .OrderByDescending(h => h.Similarity).ThenBy(h => h.Key)
                .Take(FuzzyIndex.DefaultLimit)];
        }
    }
}

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

static string Load() => string.Join('/', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static double PeakMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

static double Percentile(double[] values, int percent)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

static IEnumerable<(long Id, string Text)> ReadTsv(string path) =>
    File.ReadLines(path).Select(line =>
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return (long.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture), line[(tab + 1)..]);
    });

/// <summary>One engine's pass over the queries.</summary>
internal sealed record Round(string Engine, int Number, string Load, double[] Latencies, IReadOnlyList<FuzzyHit>[] Answers);
