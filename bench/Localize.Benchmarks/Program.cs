using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Localize.Benchmarks;
using Localize.Benchmarks.Checks;

// `dotnet run -c Release --project bench/Localize.Benchmarks -- --filter '*'` runs every benchmark; see bench/README.md.
// `… -- checks-analyser [rounds] [segments]` runs the checks with the analyser on and off, in interleaved rounds.
if (args is ["checks-analyser", ..])
{
    return await AnalyserOnOffRounds.RunAsync(args);
}

// Every case's table row says how busy the machine was as it started.
var loadAverage = new LoadAverageColumn();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddEventProcessor(loadAverage).AddColumn(loadAverage));
return 0;
