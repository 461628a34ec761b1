using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Localize.Benchmarks.Markdown;

/// <summary>The corpus size in UTF-8 bytes, set by the benchmark's setup (each benchmark process sets its own).</summary>
internal static class CorpusSize
{
    public static long Bytes { get; set; }

    // The columns are computed in the host process, which does not run the setup: it reads the corpus size from here.
    public static long BytesForReport => Bytes > 0 ? Bytes : ReadCorpusBytes();

    private static long ReadCorpusBytes()
    {
        var folder = Environment.GetEnvironmentVariable("LOCALIZE_CORPUS") ?? Path.Combine(Path.GetTempPath(), "localize-bench-corpus");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.md").Sum(f => new FileInfo(f).Length) : 0;
    }
}

/// <summary>MB/s of Markdown processed, or managed bytes allocated per MB of Markdown, from the measured mean.</summary>
internal sealed class ThroughputColumn(string name, bool perMegabyte) : IColumn
{
    public string Id => nameof(ThroughputColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => perMegabyte ? "Managed bytes allocated per MB (10^6 bytes) of Markdown" : "MB (10^6 bytes) of Markdown per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var megabytes = CorpusSize.BytesForReport / 1e6;
        if (report?.ResultStatistics is not { } statistics || megabytes == 0)
        {
            return "-";
        }

        if (perMegabyte)
        {
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? 0;
            return $"{allocated / megabytes / 1e6:F1} MB";
        }

        return $"{megabytes / (statistics.Mean / 1e9):F1}";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
