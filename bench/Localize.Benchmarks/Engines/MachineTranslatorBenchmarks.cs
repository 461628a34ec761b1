using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Localize.Core.Translation;
using Localize.Engines.Azure;
using Localize.Engines.Pseudo;
using Localize.Engines.Shared;
using Microsoft.Extensions.Options;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;

namespace Localize.Benchmarks.Engines;

/// <summary>
/// Segment translations per second through the shared MT layer (Op/s column; one op = one segment × locale).
/// <c>Cached</c> is our code alone (protect, cache lookup, restore, verify); <c>Pseudo</c> adds an in-process engine and
/// batching; <c>AzureEmulator</c> adds HTTP round trips to the loopback emulator, which does almost nothing, so what it
/// measures beyond <c>Pseudo</c> is our client, JSON and the loopback stack, not a network.
/// Run: <c>dotnet run -c Release --project bench/Localize.Benchmarks -- --filter '*MachineTranslator*'</c>.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class MachineTranslatorBenchmarks
{
    private const int Articles = 50;
    private const int SegmentsPerArticle = 20;
    private static readonly string[] _locales = ["es", "fr", "de"];

    private Emulator _emulator = null!;
    private MachineTranslationRequest _azureRequest = null!;
    private MachineTranslationRequest _pseudoRequest = null!;
    private MachineTranslator _cached = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await Emulator.StartAsync();
        var segments = new List<SegmentToTranslate>();
        for (var a = 1; a <= Articles; a++)
        {
            for (var s = 1; s <= SegmentsPerArticle; s++)
            {
                segments.Add(new SegmentToTranslate((a * 1000) + s, $"article-{a}",
                    $"Step {s} of article {a}: take the tablet with <pc id=\"1\">water</pc> &amp; rest<ph id=\"2\"/> for an hour."));
            }
        }

        _azureRequest = new MachineTranslationRequest("azure", "en", _locales, segments);
        _pseudoRequest = _azureRequest with { EngineId = "pseudo" };
        _cached = Create(AzureEngine(), new InMemoryMachineTranslationCache());
        await _cached.TranslateAsync(_azureRequest, CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _emulator.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Articles * SegmentsPerArticle * 3)]
    public Task<IReadOnlyList<MachineTranslationResult>> Cached() => _cached.TranslateAsync(_azureRequest, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Articles * SegmentsPerArticle * 3)]
    public Task<IReadOnlyList<MachineTranslationResult>> Pseudo() =>
        Create(new PseudoEngine(), new InMemoryMachineTranslationCache()).TranslateAsync(_pseudoRequest, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Articles * SegmentsPerArticle * 3)]
    public Task<IReadOnlyList<MachineTranslationResult>> AzureEmulator() =>
        Create(AzureEngine(), new InMemoryMachineTranslationCache()).TranslateAsync(_azureRequest, CancellationToken.None);

    private AzureTranslatorEngine AzureEngine() =>
        new(Options.Create(new AzureTranslatorOptions { Key = _emulator.Key, Endpoint = _emulator.BaseAddress }));

    private static MachineTranslator Create(ITranslationEngine engine, IMachineTranslationCache cache) =>
        new(new TranslationEngineRegistry([engine]), cache, new InMemoryUsageMeter(),
            Options.Create(new MachineTranslatorOptions()), TimeProvider.System);

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
