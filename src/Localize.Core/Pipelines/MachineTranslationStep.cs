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
    private const int BatchSize = 1_000;

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
        // Locales are independent work: each claims and translates its own segments at the same time as the others;
        // the engines' own limits (their concurrent calls, shared across locales) decide how much runs at once.
        var locales = definition.Locales.Select(l => (Engine: EngineFor(l), l.Code)).ToArray();
        await Task.WhenAll(locales.Select(l => TranslateLocaleAsync(l.Engine, definition.Source.Language, l.Code, context, cancellationToken)));
    }

    /// <summary>
    /// One locale's pending segments, a claimed batch at a time, pipelined: the next batch is claimed and with the engine
    /// while the previous one is checked and saved, so neither the engine nor the database waits for the other.
    /// </summary>
    private async Task TranslateLocaleAsync(string engineId, string sourceLanguage, string locale, PipelineContext context, CancellationToken cancellationToken)
    {
        await ReplacePseudoOutputAsync(engineId, locale, context.Actor, cancellationToken);
        Task<TranslatedBatch>? inFlight = null;
        HashSet<long> inFlightIds = [];
        try
        {
            while (true)
            {
                // A claim takes this worker's own leased rows again (a retry after a failed call), so the batch still with
                // the engine would come back: ask for that many more and leave them out.
                var claimed = await translationQueue.ClaimPendingMachineTranslationAsync(locale, BatchSize + inFlightIds.Count, cancellationToken);
                IReadOnlyList<PendingSegment> pending = [.. claimed.Where(p => !inFlightIds.Contains(p.TranslationId)).Take(BatchSize)];
                var next = pending.Count == 0 ? null : TranslateBatchAsync(engineId, sourceLanguage, locale, pending, context.Actor, cancellationToken);
                inFlightIds = [.. pending.Select(p => p.TranslationId)];
                var previous = inFlight;
                inFlight = next;
                if (previous is not null && await SaveBatchAsync(await previous, context, cancellationToken) == 0 && next is not null)
                {
                    // Every segment failed (engine down): save what the batch already sent got, and leave the rest for the next run rather than spin.
                    inFlight = null;
                    await SaveBatchAsync(await next, context, cancellationToken);
                    break;
                }

                if (next is null)
                {
                    break;
                }
            }
        }
        finally
        {
            // A batch still with the engine when this locale stops on an error: its outcome is observed, not left unobserved.
            if (inFlight is { IsCompleted: false })
            {
                await inFlight.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Memory first, then the engine for the rest; nothing of the engine's output is saved yet.</summary>
    private async Task<TranslatedBatch> TranslateBatchAsync(
        string engineId, string sourceLanguage, string locale, IReadOnlyList<PendingSegment> pending, string actor, CancellationToken cancellationToken)
    {
        var glossary = await glossaries.LoadAsync(sourceLanguage, locale, cancellationToken);
        var fromMemory = await ApplyMemoryAsync(sourceLanguage, locale, pending, glossary, actor, cancellationToken);
        pending = [.. pending.Where(p => !fromMemory.Contains(p.TranslationId))];
        if (pending.Count == 0)
        {
            return new TranslatedBatch(engineId, sourceLanguage, locale, actor, glossary, fromMemory.Count, [], []);
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
        return new TranslatedBatch(engineId, sourceLanguage, locale, actor, glossary, fromMemory.Count, pending, results);
    }

    /// <summary>
    /// Checks the engine's outputs and saves them as targets in review, the whole batch in one transaction; returns how
    /// many segments the batch settled (memory included).
    /// </summary>
    private async Task<int> SaveBatchAsync(TranslatedBatch batch, PipelineContext context, CancellationToken cancellationToken)
    {
        var (engineId, sourceLanguage, locale, actor, glossary) = (batch.EngineId, batch.SourceLanguage, batch.Locale, batch.Actor, batch.Glossary);
        var byId = batch.Pending.ToDictionary(p => p.TranslationId);
        var results = batch.Results.Where(r => byId.ContainsKey(r.SegmentId) && r.Locale == locale).ToArray();
        var checkNotes = await CheckAsync(sourceLanguage, locale, glossary, results, byId, cancellationToken);
        var translations = await translationStore.GetTranslationsAsync([.. results.Select(r => r.SegmentId)], cancellationToken);
        var saves = new List<TranslationSave>();
        foreach (var result in results)
        {
            var segment = byId[result.SegmentId];
            if (result.Text is null && !result.Flags.Contains(MachineTranslationFlags.BrokenCodes))
            {
                logger.LogWarning("{Engine} could not translate segment {Id} of {Slug} into {Locale}: {Error}", engineId, segment.SegmentId, segment.Slug, locale, result.Error);
                await translationStore.SaveNotesAsync(
                    segment.TranslationId,
                    [new SegmentNote(NoteOrigin.Engine(engineId), NoteSeverity.Warning, $"machine translation failed, will retry: {result.Error}")],
                    cancellationToken);
                continue;
            }

            if (!translations.TryGetValue(segment.TranslationId, out var translation) || translation.State is not (SegmentState.New or SegmentState.Outdated))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            ChangeRecord[] changes = result.Text is { } target
                ? [translation.RecordMachineTranslation(target, result.EngineId, actor, now), translation.SubmitForReview(actor, now)]
                : [translation.RequestHumanTranslation(segment.Source, result.EngineId, result.Error ?? "inline codes broken", actor, now)];
            saves.Add(new TranslationSave(
                translation,
                changes,
                [
                    .. result.Flags.Select(flag => FlagNote(result.EngineId, locale, flag)),
                    .. result.EnforcedTerms.Select(term => new SegmentNote(NoteOrigin.Engine(result.EngineId), NoteSeverity.Info, $"glossary term enforced: {term}")),
                    .. result.Text is null ? [new SegmentNote(NoteOrigin.Engine(result.EngineId), NoteSeverity.Error, $"{result.Error}: translate this segment by hand")] : Array.Empty<SegmentNote>(),
                    .. checkNotes.TryGetValue(result.SegmentId, out var notes) ? notes : checker.Check(sourceLanguage, locale, segment.Source, translation.Target!, glossary),
                ]));
        }

        var done = batch.FromMemory + (await SaveAsync(saves, cancellationToken)).Count;
        if (done > 0)
        {
            // Targets are in review: a step running alongside (back-translation) has work.
            context.Progress.Report();
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

        if (!PseudoOutput.IsPseudoLocale(locale) && analyser.Unavailable(locale) is { } why && Announce("analyser/" + locale))
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
    private async Task<IReadOnlySet<long>> ApplyMemoryAsync(
        string sourceLanguage, string locale, IReadOnlyList<PendingSegment> pending, Glossary glossary, string actor, CancellationToken cancellationToken)
    {
        // One lookup for the whole batch rather than a round trip per segment (on a fresh locale nothing matches at all).
        var matches = await memory.FindExactManyAsync(
            sourceLanguage, locale, [.. pending.Select(p => new MemoryQuery(p.Source, p.PreviousSource, p.NextSource, p.Slug))], cancellationToken);
        var found = pending.Zip(matches).Where(p => p.Second is not null).Select(p => (Segment: p.First, Match: p.Second!)).ToArray();
        if (found.Length == 0)
        {
            return new HashSet<long>();
        }

        var translations = await translationStore.GetTranslationsAsync([.. found.Select(f => f.Segment.TranslationId)], cancellationToken);
        var saves = new List<TranslationSave>();
        foreach (var (segment, match) in found)
        {
            if (!translations.TryGetValue(segment.TranslationId, out var translation) || translation.State is not (SegmentState.New or SegmentState.Outdated))
            {
                continue;
            }

            var reference = $"translation memory unit {match.UnitId} ({match.Origin})";
            var now = clock.GetUtcNow();
            var change = match.Kind == MemoryMatchKind.InContext
                ? translation.ApplyInContextMemoryMatch(match.Target, reference, actor, now)
                : translation.ApplyExactMemoryMatch(match.Target, reference, actor, now);
            saves.Add(new TranslationSave(
                translation,
                [change],
                [
                    new SegmentNote(NoteOrigin.Memory, NoteSeverity.Info, $"{match.Score} % match from {reference}"),
                    .. checker.Check(sourceLanguage, locale, segment.Source, match.Target, glossary),
                ]));
        }

        var applied = await SaveAsync(saves, cancellationToken);
        if (applied.Count > 0)
        {
            logger.LogInformation("{Count} segment(s) into {Locale} taken from translation memory", applied.Count, locale);
        }

        return applied;
    }

    /// <summary>
    /// Saves machine or memory results, except those whose translation changed since it was read: then someone else
    /// moved it on (another worker whose claim outlived ours, an intake that outdated it, a reviewer), and their state
    /// stands. Such a segment is not lost: if it still needs a machine, the next claim picks it up again.
    /// </summary>
    private async Task<IReadOnlySet<long>> SaveAsync(IReadOnlyList<TranslationSave> saves, CancellationToken cancellationToken)
    {
        var saved = await translationStore.SaveTranslationsAsync(saves, cancellationToken);
        foreach (var skipped in saves.Where(s => !saved.Contains(s.Translation.Id)))
        {
            logger.LogInformation("Translation {Id} changed while it was being translated; keeping the newer state", skipped.Translation.Id);
        }

        return saved;
    }

    /// <summary>The locale's real engine runs: pseudo output a fallback left behind goes back to it, once.</summary>
    private async Task ReplacePseudoOutputAsync(string engineId, string locale, string actor, CancellationToken cancellationToken)
    {
        if (translator.CheckAvailability(engineId).IsPseudo || PseudoOutput.IsPseudoLocale(locale) || !MarkPseudoSwept(locale))
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
        lock (_pseudoSweptLocales)
        {
            _pseudoSweptLocales.Remove(locale.Code);
        }

        if (Announce(locale.Engine + "/" + locale.Code))
        {
            logger.LogWarning(
                "{Engine} is not available ({Reason}); {Locale} falls back to the {Fallback} engine, its output labelled as such",
                locale.Engine, availability.Reason, locale.Code, locale.Fallback);
        }

        return locale.Fallback;
    }

    /// <summary>Whether this is the first time (locales run concurrently, so the sets are guarded).</summary>
    private bool Announce(string what)
    {
        lock (_announcedFallbacks)
        {
            return _announcedFallbacks.Add(what);
        }
    }

    private bool MarkPseudoSwept(string locale)
    {
        lock (_pseudoSweptLocales)
        {
            return _pseudoSweptLocales.Add(locale);
        }
    }

    /// <summary>A claimed batch back from memory and the engine, waiting to be checked and saved.</summary>
    private sealed record TranslatedBatch(
        string EngineId, string SourceLanguage, string Locale, string Actor, Glossary Glossary, int FromMemory,
        IReadOnlyList<PendingSegment> Pending, IReadOnlyList<MachineTranslationResult> Results);
}
