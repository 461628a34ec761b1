using System.CommandLine;
using Humanizer;
using Localize.Core.Pipelines;
using Localize.Core.Resx;
using Localize.Core.Translation;
using Localize.Core.Workflow;
using Localize.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize translate</c>: reads the sources and machine-translates every new or changed segment of every
/// pipeline now, with a progress bar, then stops. The results wait for review like the worker's.
/// </summary>
public static class TranslateCommand
{
    // Culture files first: translations a .resx already has are offered as memory matches before any engine is paid.
    public static readonly IReadOnlySet<string> Steps = new HashSet<string> { SourceIntakeStep.StepName, CultureFileMemoryStep.StepName, MachineTranslationStep.StepName };

    public static Command Create()
    {
        var translate = new Command(
            "translate",
            "Machine-translate every new or changed segment now (sources are read first), showing progress; the targets then wait for review.\n\n"
            + "With --retranslate --engine pseudo, every segment whose target is still pseudo output in a real locale goes back to "
            + "the locale's engine first (the worker does this by itself once that engine can run).\n\n"
            + "Example: localize translate\nExample: localize translate --retranslate --engine pseudo");
        var retranslate = new Option<bool>("--retranslate") { Description = "Send back to machine translation the segments whose target is still the output of --engine." };
        var engine = new Option<string?>("--engine") { Description = "With --retranslate: whose output to replace; pseudo (the one engine whose output is never kept)." };
        engine.AcceptOnlyFromAmong(PseudoOutput.EngineId);
        translate.Options.Add(retranslate);
        translate.Options.Add(engine);
        translate.Validators.Add(result =>
        {
            if (result.GetValue(retranslate) != (result.GetValue(engine) is not null))
            {
                result.AddError("--retranslate and --engine go together: localize translate --retranslate --engine pseudo");
            }
        });
        translate.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var catalog = services.GetRequiredService<FilePipelineCatalog>().Reload();
            var statusQueries = services.GetRequiredService<IStatusQueries>();
            if (parseResult.GetValue(retranslate))
            {
                var sent = await services.GetRequiredService<PseudoRetranslation>().SendBackAsync(
                    null, null, "re-translation asked for (localize translate --retranslate --engine pseudo)", $"{Environment.UserName} (localize translate)", cancellationToken);
                Console.WriteLine($"translate: {"segment".ToQuantity(sent)} holding pseudo output sent back to the locale's engine");
            }

            var translated = await PipelineProgress.RunAsync("translate", services.GetRequiredService<PipelineRunner>(), Steps, ct => WaitingAsync(statusQueries, ct), cancellationToken);
            var waiting = await WaitingAsync(statusQueries, cancellationToken);
            Console.WriteLine($"translate: {"segment".ToQuantity(translated)} machine-translated, now waiting for review");
            foreach (var error in catalog.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            foreach (var problem in services.GetRequiredService<PipelineRunProblems>().Current)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
            }

            if (waiting > 0)
            {
                await Console.Error.WriteLineAsync($"translate: {"segment".ToQuantity(waiting)} could not be translated now (the log above says why); the next run tries again");
            }

            return waiting == 0 && catalog.Errors.Count == 0 && services.GetRequiredService<PipelineRunProblems>().Current.Count == 0
                ? LocalizeCommandLine.Ok
                : LocalizeCommandLine.Failed;
        });
        return translate;
    }

    /// <summary>Segments waiting for the machine: new or outdated, in every article × locale.</summary>
    private static async Task<int> WaitingAsync(IStatusQueries statusQueries, CancellationToken cancellationToken) =>
        (await statusQueries.ListStatusAsync(cancellationToken)).Sum(c => c.ByState.GetValueOrDefault(SegmentState.New) + c.ByState.GetValueOrDefault(SegmentState.Outdated));
}
