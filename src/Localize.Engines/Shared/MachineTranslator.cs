using System.Collections.Concurrent;
using Localize.Core.Segments;
using Localize.Core.Translation;
using Localize.Engines.Protection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Shared;

/// <summary>
/// The shared layer every engine gets for free: protects inline codes and glossary terms in the engine's markup,
/// skips what the machine-output cache already holds, batches the rest to the engine's limits (identical inputs sent
/// once), runs at most the engine's number of calls at a time, retries transient batch failures with back-off,
/// verifies every code on the way back, meters characters sent and charged, and answers one result per
/// segment × locale. A batch that finally fails leaves exactly its segments with an error: nothing half-written.
/// </summary>
public sealed class MachineTranslator : IMachineTranslator
{
    public const string PseudoFlag = MachineTranslationFlags.Pseudo;
    public const string BrokenCodesFlag = MachineTranslationFlags.BrokenCodes;

    private readonly TranslationEngineRegistry _engines;
    private readonly IMachineTranslationCache _cache;
    private readonly IUsageMeter _meter;
    private readonly TimeProvider _time;
    private readonly ILogger<MachineTranslator> _logger;
    private readonly MachineTranslatorOptions _options;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public MachineTranslator(
        TranslationEngineRegistry engines,
        IMachineTranslationCache cache,
        IUsageMeter meter,
        IOptions<MachineTranslatorOptions> options,
        TimeProvider time,
        ILogger<MachineTranslator>? logger = null)
    {
        _engines = engines;
        _cache = cache;
        _meter = meter;
        _options = options.Value;
        _time = time;
        // Optional so a container without logging (a CLI, a test) still builds the translator.
        _logger = logger ?? NullLogger<MachineTranslator>.Instance;
    }

    public IReadOnlyCollection<string> Engines => _engines.EngineIds;

    public EngineAvailability CheckAvailability(string engineId) =>
        _engines.TryGet(engineId, out var engine)
            ? engine.CheckAvailability()
            : new EngineAvailability(engineId, false, false, $"no engine '{engineId}' (known: {string.Join(", ", _engines.EngineIds)})");

    public string? CheckPair(string engineId, string sourceLanguage, string targetLocale) =>
        _engines.TryGet(engineId, out var engine) ? engine.CheckPair(sourceLanguage, targetLocale) : $"no engine '{engineId}'";

    public async Task<IReadOnlyList<MachineTranslationResult>> TranslateAsync(
        MachineTranslationRequest request,
        CancellationToken cancellationToken)
    {
        var locales = request.TargetLocales.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var availability = CheckAvailability(request.EngineId);
        if (!availability.IsAvailable || !_engines.TryGet(request.EngineId, out var engine))
        {
            return FailAll(request, locales, $"engine '{request.EngineId}' is not available: {availability.Reason}");
        }

        var run = new Run(request, engine, locales);
        run.Protect([.. _options.DoNotTranslate, .. request.DoNotTranslate], request.Terms);
        var pairErrors = locales
            .Select(locale => (locale, reason: engine.CheckPair(request.SourceLanguage, locale)))
            .Where(p => p.reason is not null)
            .ToDictionary(p => p.locale, p => p.reason!, StringComparer.OrdinalIgnoreCase);
        var workLocales = locales.Where(l => !pairErrors.ContainsKey(l)).ToArray();

        await LoadFromCacheAsync(run, workLocales, cancellationToken);
        var work = run.Inputs.Keys
            .Select(input => (input, (IReadOnlyList<string>)workLocales.Where(l => !run.Outputs.ContainsKey((input, l))).ToArray()))
            .Where(w => w.Item2.Count > 0)
            .ToList();
        var batches = BatchPlanner.Plan(work, engine.Capabilities, out var tooLong);
        foreach (var (input, locale) in tooLong)
        {
            run.Failures[(input, locale)] = $"segment is longer than one {engine.Id} call allows ({engine.Capabilities.MaxCharactersPerBatch} characters)";
        }

        var gate = _gates.GetOrAdd(engine.Id, _ => new SemaphoreSlim(Math.Max(1, engine.Capabilities.MaxConcurrentBatches)));
        await Task.WhenAll(batches.Select(batch => RunBatchAsync(run, batch, gate, cancellationToken)));
        return run.Results(pairErrors);
    }

    private async Task LoadFromCacheAsync(Run run, string[] locales, CancellationToken cancellationToken)
    {
        if (run.Inputs.Count == 0)
        {
            return;
        }

        foreach (var locale in locales)
        {
            var scope = new MachineTranslationCacheScope(run.Engine.Id, run.Request.SourceLanguage, locale);
            var cached = await _cache.GetManyAsync(scope, run.Inputs.Keys, cancellationToken);
            foreach (var (input, output) in cached)
            {
                run.Outputs[(input, locale)] = output;
            }
        }
    }

    private async Task RunBatchAsync(Run run, PlannedBatch batch, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var engine = run.Engine;
        var attempts = Math.Max(1, engine.Capabilities.BatchAttempts);
        EngineBatchResult? result = null;
        string? error = null;
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= attempts && result is null; attempt++)
            {
                try
                {
                    result = await engine.TranslateBatchAsync(
                        new EngineBatch(run.Request.SourceLanguage, batch.Locales, batch.Texts),
                        cancellationToken);
                    error = CheckShape(result, batch);
                    if (error is not null)
                    {
                        // An engine answering the wrong shape is a bug or a bad response: never match by guesswork.
                        result = null;
                    }
                }
                catch (TranslationEngineException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    error = ex.Message;
                    _logger.LogWarning(
                        "{Engine} batch of {Texts} texts to {Locales} failed (attempt {Attempt} of {Attempts}, transient: {Transient}): {Error}",
                        engine.Id, batch.Texts.Count, string.Join(",", batch.Locales), attempt, attempts, ex.IsTransient, ex.Message);
                    if (!ex.IsTransient)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // An engine bug fails its own batch, not the other articles' batches of this run.
                    error = $"{ex.GetType().Name}: {ex.Message}";
                    _logger.LogError(ex, "{Engine} batch of {Texts} texts failed unexpectedly", engine.Id, batch.Texts.Count);
                    break;
                }

                if (result is null && attempt < attempts)
                {
                    // The slot is kept while backing off: a struggling service should see less load, not the next batch.
                    await Task.Delay(_options.BatchRetryDelay * Math.Pow(2, attempt - 1), _time, cancellationToken);
                }
            }
        }
        finally
        {
            gate.Release();
        }

        if (result is null)
        {
            run.FailBatch(batch, $"{engine.Id} could not translate this batch: {error}");
            return;
        }

        run.AcceptBatch(batch, result);
        await StoreAsync(run, batch, result, cancellationToken);
    }

    private static string? CheckShape(EngineBatchResult result, PlannedBatch batch) =>
        result.Outputs.Count != batch.Texts.Count || result.Outputs.Any(o => o.Count != batch.Locales.Count)
            ? $"engine answered {result.Outputs.Count} texts for {batch.Texts.Count} × {batch.Locales.Count} locales"
            : null;

    /// <summary>
    /// The outputs are already paid for: a cache or meter failure is logged, never allowed to throw away translations.
    /// </summary>
    private async Task StoreAsync(Run run, PlannedBatch batch, EngineBatchResult result, CancellationToken cancellationToken)
    {
        try
        {
            for (var l = 0; l < batch.Locales.Count; l++)
            {
                var scope = new MachineTranslationCacheScope(run.Engine.Id, run.Request.SourceLanguage, batch.Locales[l]);
                var entries = batch.Texts.Select((input, t) => KeyValuePair.Create(input, result.Outputs[t][l])).ToList();
                await _cache.PutManyAsync(scope, entries, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not cache {Count} {Engine} outputs", batch.Texts.Count, run.Engine.Id);
        }

        try
        {
            await _meter.RecordAsync(Meter(run, batch, result.CharactersCharged), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not record usage of a {Engine} batch ({Characters} characters)", run.Engine.Id, batch.Characters);
        }
    }

    /// <summary>
    /// Characters sent per (locale, article); the service's charged figure is shared out in proportion, the
    /// remainder to the largest share, so the rows add up to exactly what the service reported.
    /// </summary>
    private List<UsageRecord> Meter(Run run, PlannedBatch batch, long charged)
    {
        var day = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var sent = new Dictionary<(string Locale, string Document), (long Characters, long Segments)>();
        foreach (var input in batch.Texts)
        {
            var document = run.Inputs[input].Document;
            foreach (var locale in batch.Locales)
            {
                var key = (locale, document);
                var (characters, segments) = sent.GetValueOrDefault(key);
                sent[key] = (characters + input.Length, segments + 1);
            }
        }

        var records = sent
            .Select(s => new UsageRecord(day, run.Engine.Id, s.Key.Locale, s.Key.Document, s.Value.Characters,
                batch.Characters == 0 ? 0 : charged * s.Value.Characters / batch.Characters, s.Value.Segments))
            .ToList();
        var remainder = charged - records.Sum(r => r.CharactersCharged);
        if (remainder != 0 && records.Count > 0)
        {
            var largest = records.IndexOf(records.MaxBy(r => r.CharactersSent)!);
            records[largest] = records[largest] with { CharactersCharged = records[largest].CharactersCharged + remainder };
        }

        return records;
    }

    private static List<MachineTranslationResult> FailAll(MachineTranslationRequest request, string[] locales, string error) =>
        request.Segments
            .SelectMany(s => locales.Select(l => new MachineTranslationResult(s.SegmentId, l, request.EngineId, null, [], error)))
            .ToList();

    /// <summary>The state of one TranslateAsync call; batches of the call write to it concurrently.</summary>
    private sealed class Run(MachineTranslationRequest request, ITranslationEngine engine, string[] locales)
    {
        private readonly ProtectedText?[] _protected = new ProtectedText?[request.Segments.Count];
        private readonly string?[] _sourceErrors = new string?[request.Segments.Count];

        public MachineTranslationRequest Request { get; } = request;

        public ITranslationEngine Engine { get; } = engine;

        /// <summary>Distinct engine inputs; the first article that needs one is the one metered for it.</summary>
        public Dictionary<string, (string Document, ProtectedText Protected)> Inputs { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<(string Input, string Locale), EngineOutput> Outputs { get; } = new();

        public ConcurrentDictionary<(string Input, string Locale), string> Failures { get; } = new();

        public void Protect(IReadOnlyList<string> doNotTranslate, IReadOnlyList<TermTranslation> glossary)
        {
            for (var i = 0; i < Request.Segments.Count; i++)
            {
                var segment = Request.Segments[i];
                try
                {
                    var protectedText = InlineCodeProtector.Protect(segment.Text, doNotTranslate, glossary, Engine.Capabilities.Markup);
                    _protected[i] = protectedText;
                    Inputs.TryAdd(protectedText.EngineInput, (segment.Document, protectedText));
                }
                catch (InlineMarkupException ex)
                {
                    _sourceErrors[i] = $"source inline codes are malformed: {ex.Message}";
                }
            }
        }

        public void FailBatch(PlannedBatch batch, string error)
        {
            foreach (var input in batch.Texts)
            {
                foreach (var locale in batch.Locales)
                {
                    Failures[(input, locale)] = error;
                }
            }
        }

        public void AcceptBatch(PlannedBatch batch, EngineBatchResult result)
        {
            for (var t = 0; t < batch.Texts.Count; t++)
            {
                for (var l = 0; l < batch.Locales.Count; l++)
                {
                    Outputs[(batch.Texts[t], batch.Locales[l])] = result.Outputs[t][l];
                }
            }
        }

        public List<MachineTranslationResult> Results(IReadOnlyDictionary<string, string> pairErrors)
        {
            var results = new List<MachineTranslationResult>(Request.Segments.Count * locales.Length);
            for (var i = 0; i < Request.Segments.Count; i++)
            {
                foreach (var locale in locales)
                {
                    results.Add(Result(i, locale, pairErrors));
                }
            }

            return results;
        }

        private MachineTranslationResult Result(int index, string locale, IReadOnlyDictionary<string, string> pairErrors)
        {
            var segment = Request.Segments[index];
            var pseudo = Engine.Capabilities.IsPseudo ? new[] { PseudoFlag } : [];
            MachineTranslationResult Fail(string error, IReadOnlyList<string> flags) =>
                new(segment.SegmentId, locale, Engine.Id, null, flags, error);

            if (_sourceErrors[index] is { } sourceError)
            {
                return Fail(sourceError, pseudo);
            }

            if (pairErrors.TryGetValue(locale, out var pairError))
            {
                return Fail(pairError, pseudo);
            }

            var protectedText = _protected[index]!;
            if (!Outputs.TryGetValue((protectedText.EngineInput, locale), out var output))
            {
                return Fail(Failures.GetValueOrDefault((protectedText.EngineInput, locale), "no output"), pseudo);
            }

            var flags = pseudo.Concat(output.Flags).ToList();
            var restored = InlineCodeProtector.Restore(segment.Text, output.Text, protectedText, Engine.Capabilities.Markup);
            if (restored.Text is null)
            {
                flags.Add(BrokenCodesFlag);
                return Fail($"{Engine.Id} output broke the inline codes: {string.Join("; ", restored.Problems)}", flags);
            }

            return new MachineTranslationResult(segment.SegmentId, locale, Engine.Id, restored.Text, flags, null) { EnforcedTerms = restored.EnforcedTerms };
        }
    }
}
