using System.Diagnostics;
using Localize.Engines.Apertium;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Tests;

/// <summary>
/// The analyser's long-lived <c>lt-proc -z | apertium-tagger -z</c> processes, with real Apertium: they read every text
/// as a process of its own per batch does, batch after batch, and a process that dies is started again.
/// </summary>
public sealed class ApertiumAnalyserProcessSpec
{
    private static readonly string[] FirstBatch =
    [
        "No conduzca de regreso a casa.",
        "No te conduce en casa.",
        "Lea el perfildeseguridad.",
        "Tómelo durante un cursode7 días.",
        "Los efectos secundarios son raros; si vomita, llámenos [enseguida] a las 8 $ / 10 ^ @ # <b> {x}.",
    ];

    private static readonly string[] SecondBatch =
    [
        "Los pacientes no deben conducir.",
        "La mayoría de las personas no necesita ayunar.\nDos líneas.",
        string.Empty,
    ];

    [Fact]
    public async Task Batch_after_batch_the_long_lived_processes_read_texts_as_one_process_per_batch_does()
    {
        Requirements.Apertium();
        using var longLived = NewAnalyser();
        using var perBatch = new ApertiumAnalyser(Options.Create(new ApertiumOptions()), NullLogger<ApertiumAnalyser>.Instance) { OneProcessPerBatch = true };

        foreach (var batch in new[] { FirstBatch, SecondBatch, FirstBatch })
        {
            var expected = await perBatch.AnalyseAsync("es", batch, TestContext.Current.CancellationToken);
            var actual = await longLived.AnalyseAsync("es", batch, TestContext.Current.CancellationToken);
            Assert.Equal(Describe(expected), Describe(actual));
        }

        Assert.Equal(1, longLived.ProcessesFor("es").Tagged.Starts);
    }

    [Fact]
    public async Task A_killed_analyser_process_is_started_again_and_the_next_batch_is_read_in_full()
    {
        Requirements.Apertium();
        using var analyser = NewAnalyser();
        var before = await analyser.AnalyseAsync("es", FirstBatch, TestContext.Current.CancellationToken);
        var tagged = analyser.ProcessesFor("es").Tagged;
        Assert.NotNull(tagged.ProcessId);

        using (var process = Process.GetProcessById(tagged.ProcessId!.Value))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var after = await analyser.AnalyseAsync("es", FirstBatch, TestContext.Current.CancellationToken);

        Assert.All(after, Assert.NotNull);
        Assert.Equal(Describe(before), Describe(after));
        Assert.Equal(2, tagged.Starts);
    }

    [Fact]
    public async Task A_batch_larger_than_the_pipes_hold_is_read_without_killing_the_process()
    {
        Requirements.Apertium();
        using var analyser = NewAnalyser();
        // About 140 KB of targets: more than the pipes between us and the two programs hold, so the answer must be read
        // while the batch is still being written.
        string[] large = [.. Enumerable.Range(1, 800).Select(i =>
            $"No conduzca después de tomar este medicamento y no beba alcohol durante {i} horas, salvo que su médico le diga otra cosa por escrito.")];

        var analyses = await analyser.AnalyseAsync("es", large, TestContext.Current.CancellationToken);
        var tagged = analyser.ProcessesFor("es").Tagged;
        var process = tagged.ProcessId;
        await analyser.AnalyseAsync("es", FirstBatch, TestContext.Current.CancellationToken);

        Assert.All(analyses, a => Assert.Contains(a!.Words, w => w.Lemma == "conducir"));
        Assert.NotNull(process);
        Assert.Equal(process, tagged.ProcessId);
        Assert.Equal(1, tagged.Starts);
    }

    private static ApertiumAnalyser NewAnalyser() => new(Options.Create(new ApertiumOptions()), NullLogger<ApertiumAnalyser>.Instance);

    private static string[] Describe(IReadOnlyList<Core.Checks.Analysis.TextAnalysis?> analyses) =>
        [.. analyses.Select(a => a is null ? "(none)" : string.Join(' ', a.Words.Select(w =>
            $"{w.Surface}/{w.Lemma}<{string.Join('.', w.Tags)}>{(w.IsUnknown ? "?" : string.Empty)}{(w.GluedParts is { } g ? "=" + string.Join('+', g) : string.Empty)}")))];
}
