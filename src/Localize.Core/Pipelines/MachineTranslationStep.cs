using Localize.Core.Checks.Analysis;
using Localize.Core.Glossaries;
using Localize.Core.Memory;
using Localize.Core.Translation;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Pipelines;

/// <summary>
/// Sends every new or outdated segment to the locale's engine and queues the result for review. Needs: translation
/// rows in state New/Outdated, claimed a batch at a time so that workers sharing a database never translate the same
/// segment twice. Produces: machine targets in review, with the engine's flags and the checks' findings
/// as notes. A segment the engine could not translate stays where it was and is tried again next run.
/// When a locale's engine cannot run here (Apertium not installed), the locale's fallback engine stands in (by default
/// the pseudo engine, whose output is labelled as pseudo and can never pass for a translation); once the engine can run
/// again, every segment of that locale still holding pseudo output is sent back and translated by it (once per locale
/// and process: afterwards no pseudo output is left to find).
/// Translation memory comes first, because it costs nothing: an in-context match (same source, same neighbours, same
/// article) is approved as the reviewer approved it before; an exact match is prefilled and queued for review; only
/// the rest goes to the engine, with the pair's do-not-translate glossary terms protected and its preferred
/// translations enforced in the request; each term the engine was made to use is an info note the reviewer sees.
/// </summary>
public sealed class MachineTranslationStep(
    IMachineTranslator translator,
    ITranslationQueue translationQueue,
    ITranslationStore translationStore,
    ISegmentChecker checker,
    ITranslationMemory memory,
    IGlossaryStore glossaries,
    PseudoRetranslation pseudoRetranslation,
    IMorphologicalAnalyser analyser,
    TimeProvider clock,
    ILogger<MachineTranslationStep> logger) : IPipelineStep
{
    /// <summary>Large enough to fill an engine batch, small enough that a crash repeats little work.</summary>
    private const int BatchSize = 500;

    private readonly HashSet<string> _announcedFallbacks = [];

    /// <summary>Locales whose real engine ran in this process and whose pseudo output was already sent back to it.</summary>
    private readonly HashSet<string> _pseudoSweptLocales = new(StringComparer.OrdinalIgnoreCase);

    public const string StepName = "machine-translation";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        try
        {
            await TranslatePendingAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-batch: hand the claimed segments back now rather than make the next worker wait out the lease.
            await translationQueue.ReleaseClaimsAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task TranslatePendingAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        foreach (var group in definition.Locales.GroupBy(EngineFor))
        {
            var locales = group.Select(l => l.Code).ToArray();
            foreach (var locale in locales)
            {
                await ReplacePseudoOutputAsync(group.Key, locale, context.Actor, cancellationToken);
                while (true)
                {
                    var pending = await translationQueue.ClaimPendingMachineTranslationAsync(locale, BatchSize, cancellationToken);
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
        var glossary = await glossaries.LoadAsync(sourceLanguage, locale, cancellationToken);
        var fromMemory = await ApplyMemoryAsync(sourceLanguage, locale, pending, glossary, actor, cancellationToken);
        pending = [.. pending.Where(p => !fromMemory.Contains(p.TranslationId))];
        if (pending.Count == 0)
        {
            return fromMemory.Count;
        }

        var request = new MachineTranslationRequest(
            engineId,
            sourceLanguage,
            [locale],
            pending.Select(p => new SegmentToTranslate(p.TranslationId, p.Slug, p.Source)).ToArray())
        {
            DoNotTranslate = [.. glossary.DoNotTranslate.Select(e => e.Source)],
            // A term with several preferred translations is enforced as its first; the check accepts any of them.
            Terms = [.. glossary.Preferred.Where(e => e.Target.Length > 0).DistinctBy(e => e.Source, StringComparer.OrdinalIgnoreCase)
                .Select(e => new TermTranslation(e.Source, e.Target))],
        };
        var results = await translator.TranslateAsync(request, cancellationToken);
        var byId = pending.ToDictionary(p => p.TranslationId);
        var checkNotes = await CheckAsync(sourceLanguage, locale, glossary, results, byId, cancellationToken);
        var done = fromMemory.Count;
        foreach (var result in results)
        {
            if (!byId.TryGetValue(result.SegmentId, out var segment) || result.Locale != locale)
            {
                continue;
            }

            if (result.Text is null && !result.Flags.Contains(MachineTranslationFlags.BrokenCodes))
            {
                logger.LogWarning("{Engine} could not translate segment {Id} of {Slug} into {Locale}: {Error}", engineId, segment.SegmentId, segment.Slug, locale, result.Error);
                await translationStore.SaveNotesAsync(
                    segment.TranslationId,
                    [new SegmentNote(NoteOrigin.Engine(engineId), NoteSeverity.Warning, $"machine translation failed, will retry: {result.Error}")],
                    cancellationToken);
                continue;
            }

            var translation = await translationStore.GetTranslationAsync(segment.TranslationId, cancellationToken);
            if (translation is null || translation.State is not (SegmentState.New or SegmentState.Outdated))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            ChangeRecord[] changes = result.Text is { } target
                ? [translation.RecordMachineTranslation(target, result.EngineId, actor, now), translation.SubmitForReview(actor, now)]
                : [translation.RequestHumanTranslation(segment.Source, result.EngineId, result.Error ?? "inline codes broken", actor, now)];
            if (!await TrySaveAsync(translation, changes, cancellationToken))
            {
                continue;
            }

            await translationStore.SaveNotesAsync(
                translation.Id,
                [
                    .. result.Flags.Select(flag => FlagNote(result.EngineId, locale, flag)),
                    .. result.EnforcedTerms.Select(term => new SegmentNote(NoteOrigin.Engine(result.EngineId), NoteSeverity.Info, $"glossary term enforced: {term}")),
                    .. result.Text is null ? [new SegmentNote(NoteOrigin.Engine(result.EngineId), NoteSeverity.Error, $"{result.Error}: translate this segment by hand")] : Array.Empty<SegmentNote>(),
                    .. checkNotes.TryGetValue(result.SegmentId, out var notes) ? notes : checker.Check(sourceLanguage, locale, segment.Source, translation.Target!, glossary),
                ],
                cancellationToken);
            done++;
        }

        return done;
    }

    /// <summary>
    /// The whole batch's machine targets checked together, so the locale's morphological analyser is asked once, for
    /// the targets a check needs read; without an analyser the checks read word lists only, which the log says once per
    /// locale.
    /// </summary>
    private async Task<Dictionary<long, IReadOnlyList<SegmentNote>>> CheckAsync(
        string sourceLanguage, string locale, Glossary glossary, IReadOnlyList<MachineTranslationResult> results, Dictionary<long, PendingSegment> byId, CancellationToken cancellationToken)
    {
        var translated = results.Where(r => r.Text is not null && r.Locale == locale && byId.ContainsKey(r.SegmentId)).ToArray();
        if (translated.Length == 0)
        {
            return [];
        }

        if (!PseudoOutput.IsPseudoLocale(locale) && analyser.Unavailable(locale) is { } why && _announcedFallbacks.Add("analyser/" + locale))
        {
            logger.LogWarning("{Locale}: prohibitions are checked by word lists only, as {Reason}", locale, why);
        }

        var notes = await checker.CheckAsync(sourceLanguage, locale, [.. translated.Select(r => (byId[r.SegmentId].Source, r.Text!))], glossary, analyser, cancellationToken);
        return translated.Select((r, i) => (r.SegmentId, Notes: notes[i])).ToDictionary(p => p.SegmentId, p => p.Notes);
    }

    /// <summary>An engine's flag as the reviewer sees it; pseudo output in a real locale is an error, as no one may approve it.</summary>
    private static SegmentNote FlagNote(string engineId, string locale, string flag) =>
        flag == MachineTranslationFlags.Pseudo && !PseudoOutput.IsPseudoLocale(locale)
            ? new SegmentNote(NoteOrigin.Engine(engineId), NoteSeverity.Error, "pseudo: pseudo-localised text, not a translation; it cannot be approved and is re-translated when the locale's engine is available")
            : new SegmentNote(NoteOrigin.Engine(engineId), NoteSeverity.Warning, flag);

    /// <summary>Applies in-context and exact memory matches; returns the translations it took care of.</summary>
    private async Task<HashSet<long>> ApplyMemoryAsync(
        string sourceLanguage, string locale, IReadOnlyList<PendingSegment> pending, Glossary glossary, string actor, CancellationToken cancellationToken)
    {
        var applied = new HashSet<long>();
        foreach (var segment in pending)
        {
            var query = new MemoryQuery(segment.Source, segment.PreviousSource, segment.NextSource, segment.Slug);
            if (await memory.FindExactAsync(sourceLanguage, locale, query, cancellationToken) is not { } match)
            {
                continue;
            }

            var translation = await translationStore.GetTranslationAsync(segment.TranslationId, cancellationToken);
            if (translation is null || translation.State is not (SegmentState.New or SegmentState.Outdated))
            {
                continue;
            }

            var reference = $"translation memory unit {match.UnitId} ({match.Origin})";
            var now = clock.GetUtcNow();
            var change = match.Kind == MemoryMatchKind.InContext
                ? translation.ApplyInContextMemoryMatch(match.Target, reference, actor, now)
                : translation.ApplyExactMemoryMatch(match.Target, reference, actor, now);
            if (!await TrySaveAsync(translation, [change], cancellationToken))
            {
                continue;
            }

            await translationStore.SaveNotesAsync(
                translation.Id,
                [
                    new SegmentNote(NoteOrigin.Memory, NoteSeverity.Info, $"{match.Score} % match from {reference}"),
                    .. checker.Check(sourceLanguage, locale, segment.Source, match.Target, glossary),
                ],
                cancellationToken);
            applied.Add(segment.TranslationId);
        }

        if (applied.Count > 0)
        {
            logger.LogInformation("{Count} segment(s) into {Locale} taken from translation memory", applied.Count, locale);
        }

        return applied;
    }

    /// <summary>
    /// Saves a machine or memory result unless the translation changed since it was read: then someone else moved it
    /// on (another worker whose claim outlived ours, an intake that outdated it, a reviewer), and their state stands.
    /// The segment is not lost: if it still needs a machine, the next claim picks it up again.
    /// </summary>
    private async Task<bool> TrySaveAsync(SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        try
        {
            await translationStore.SaveTranslationAsync(translation, changes, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException ex)
        {
            logger.LogInformation("Translation {Id} changed while it was being translated; keeping the newer state ({Reason})", translation.Id, ex.Message);
            return false;
        }
    }

    /// <summary>The locale's real engine runs: pseudo output a fallback left behind goes back to it, once.</summary>
    private async Task ReplacePseudoOutputAsync(string engineId, string locale, string actor, CancellationToken cancellationToken)
    {
        if (translator.CheckAvailability(engineId).IsPseudo || PseudoOutput.IsPseudoLocale(locale) || !_pseudoSweptLocales.Add(locale))
        {
            return;
        }

        var sent = await pseudoRetranslation.SendBackAsync(null, locale, $"{engineId} is available, replacing pseudo output", actor, cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("{Engine} is available: {Count} segment(s) of {Locale} holding pseudo output go back to it", engineId, sent, locale);
        }
    }

    private string EngineFor(LocaleTarget locale)
    {
        var availability = translator.CheckAvailability(locale.Engine);
        if (availability.IsAvailable || locale.Fallback is null)
        {
            return locale.Engine;
        }

        // Pseudo output is made again from here on: when the engine returns, it needs replacing again.
        _pseudoSweptLocales.Remove(locale.Code);

        if (_announcedFallbacks.Add(locale.Engine + "/" + locale.Code))
        {
            logger.LogWarning(
                "{Engine} is not available ({Reason}); {Locale} falls back to the {Fallback} engine, its output labelled as such",
                locale.Engine, availability.Reason, locale.Code, locale.Fallback);
        }

        return locale.Fallback;
    }
}
