using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.EventProcessors;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Localize.Benchmarks;

/// <summary>
/// The machine's load average (<c>/proc/loadavg</c>: 1, 5 and 15 minutes) as each benchmark case starts, printed in
/// the log and shown as a column, so a figure taken on a busy machine says so beside it.
/// </summary>
/// <remarks>Recorded in the host process, which starts the cases one after another; "-" where there is no /proc.</remarks>
internal sealed class LoadAverageColumn : EventProcessor, IColumn
{
    private readonly ConcurrentDictionary<BenchmarkCase, string> _atStart = new();

    public static string Read() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "-";

    public override void OnStartRunBenchmark(BenchmarkCase benchmarkCase)
    {
        var load = Read();
        _atStart[benchmarkCase] = load;
        Console.WriteLine($"// load average before {benchmarkCase.DisplayInfo}: {load}");
    }

    public string Id => nameof(LoadAverageColumn);

    public string ColumnName => "Load avg";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Load average (1, 5, 15 min) of the machine as the case started";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => _atStart.GetValueOrDefault(benchmarkCase, "-");

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
