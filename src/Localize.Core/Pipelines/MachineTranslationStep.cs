using Localize.Core.Translation;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Pipelines;

/// <summary>
/// Sends every new or outdated segment to the locale's engine and queues the result for review. Needs: translation
/// rows in state New/Outdated. Produces: machine targets in review, with the engine's flags and the checks' findings
/// as notes. A segment the engine could not translate stays where it was and is tried again next run.
/// When a locale's engine cannot run here (Apertium not installed), the pseudo engine stands in — its output is
/// labelled as pseudo and can never pass for a translation.
/// </summary>
public sealed class MachineTranslationStep(
    IMachineTranslator translator,
    IWorkflowStore store,
    ISegmentChecker checker,
    TimeProvider clock,
    ILogger<MachineTranslationStep> logger) : IPipelineStep
{
    public const string FallbackEngine = "pseudo";

    /// <summary>Large enough to fill an engine batch, small enough that a crash repeats little work.</summary>
    private const int BatchSize = 500;

    private readonly HashSet<string> _announcedFallbacks = [];

    public string Name => "machine-translation";

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        foreach (var group in definition.Locales.GroupBy(l => EngineFor(l.Engine, l.Code)))
        {
            var locales = group.Select(l => l.Code).ToArray();
            foreach (var locale in locales)
            {
                while (true)
                {
                    var pending = await store.ListPendingMachineTranslationAsync(locale, BatchSize, cancellationToken);
                    if (pending.Count == 0)
                    {
                        break;
                    }

                    var translated = await TranslateBatchAsync(group.Key, definition.Source.Language, locale, pending, context.Actor, cancellationToken);
                    if (translated == 0)
                    {
                        // Every segment failed (engine down): leave them for the next run rather than spin.
                        break;
                    }
                }
            }
        }
    }

    private async Task<int> TranslateBatchAsync(
        string engineId, string sourceLanguage, string locale, IReadOnlyList<PendingSegment> pending, string actor, CancellationToken cancellationToken)
    {
        var request = new MachineTranslationRequest(
            engineId,
            sourceLanguage,
            [locale],
            pending.Select(p => new SegmentToTranslate(p.TranslationId, p.Slug, p.Source)).ToArray());
        var results = await translator.TranslateAsync(request, cancellationToken);
        var byId = pending.ToDictionary(p => p.TranslationId);
        var done = 0;
        foreach (var result in results)
        {
            if (!byId.TryGetValue(result.SegmentId, out var segment) || result.Locale != locale)
            {
                continue;
            }

            if (result.Text is null && !result.Flags.Contains(MachineTranslationFlags.BrokenCodes))
            {
                logger.LogWarning("{Engine} could not translate segment {Id} of {Slug} into {Locale}: {Error}", engineId, segment.SegmentId, segment.Slug, locale, result.Error);
                await store.SaveNotesAsync(
                    segment.TranslationId,
                    [new SegmentNote($"engine:{engineId}", NoteSeverity.Warning, $"machine translation failed, will retry: {result.Error}")],
                    cancellationToken);
                continue;
            }

            var translation = await store.GetTranslationAsync(segment.TranslationId, cancellationToken);
            if (translation is null || translation.State is not (SegmentState.New or SegmentState.Outdated))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            ChangeRecord[] changes = result.Text is { } target
                ? [translation.RecordMachineTranslation(target, result.EngineId, actor, now), translation.SubmitForReview(actor, now)]
                : [translation.RequestHumanTranslation(segment.Source, result.EngineId, result.Error ?? "inline codes broken", actor, now)];
            await store.SaveTranslationAsync(translation, changes, cancellationToken);
            await store.SaveNotesAsync(
                translation.Id,
                [
                    .. result.Flags.Select(flag => new SegmentNote($"engine:{result.EngineId}", NoteSeverity.Warning, flag)),
                    .. result.Text is null ? [new SegmentNote($"engine:{result.EngineId}", NoteSeverity.Error, $"{result.Error}: translate this segment by hand")] : Array.Empty<SegmentNote>(),
                    .. checker.Check(sourceLanguage, locale, segment.Source, translation.Target!),
                ],
                cancellationToken);
            done++;
        }

        return done;
    }

    private string EngineFor(string engineId, string locale)
    {
        var availability = translator.CheckAvailability(engineId);
        if (availability.IsAvailable)
        {
            return engineId;
        }

        if (_announcedFallbacks.Add(engineId + "/" + locale))
        {
            logger.LogWarning(
                "{Engine} is not available ({Reason}); {Locale} falls back to the pseudo engine, labelled as pseudo",
                engineId, availability.Reason, locale);
        }

        return FallbackEngine;
    }
}
