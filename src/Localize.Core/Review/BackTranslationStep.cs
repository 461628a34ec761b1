using Localize.Core.Pipelines;
using Localize.Core.Translation;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Review;

/// <summary>
/// Translates every target back into the source language with the locale's back-translation engine (Apertium unless
/// configured otherwise; ISPOR practice), so a reviewer who reads the target language less well than the source can
/// see what the target says. Needs: targets in review or approved. Produces: a back-translation per target, redone
/// when the target is edited. Locales whose engine cannot run here or has no pair for them are skipped quietly;
/// pseudo-locales are not languages.
/// </summary>
public sealed class BackTranslationStep(IMachineTranslator translator, ITranslationQueue translationQueue, IReviewAidStore reviewAids, ILogger<BackTranslationStep> logger) : IPipelineStep
{
    private const int BatchSize = 500;

    private readonly HashSet<string> _unsupported = new(StringComparer.OrdinalIgnoreCase);

    public const string StepName = "back-translation";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var sourceLanguage = context.Definition.Source.Language;
        var available = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var target in context.Definition.Locales)
        {
            if (target.BackTranslation is not { } engine)
            {
                continue;
            }

            var locale = target.Code;
            if (locale.StartsWith("qps-", StringComparison.OrdinalIgnoreCase) || _unsupported.Contains(engine + "/" + locale))
            {
                continue;
            }

            if (!available.TryGetValue(engine, out var canRun))
            {
                available[engine] = canRun = translator.CheckAvailability(engine).IsAvailable;
            }

            if (!canRun)
            {
                continue;
            }

            while (true)
            {
                var pending = await translationQueue.ListPendingBackTranslationAsync(locale, BatchSize, cancellationToken);
                if (pending.Count == 0)
                {
                    break;
                }

                var results = await translator.TranslateAsync(
                    new MachineTranslationRequest(engine, locale, [sourceLanguage], [.. pending.Select(p => new SegmentToTranslate(p.TranslationId, p.Slug, p.Source))]),
                    cancellationToken);
                var byId = pending.ToDictionary(p => p.TranslationId);
                var saved = 0;
                foreach (var result in results.Where(r => r.Text is not null && byId.ContainsKey(r.SegmentId)))
                {
                    await reviewAids.SaveBackTranslationAsync(result.SegmentId, byId[result.SegmentId].Source, result.Text!, cancellationToken);
                    saved++;
                }

                if (saved == 0)
                {
                    // No pair for this locale, or the engine is failing: try again on a later run, not in a loop.
                    var reason = results.FirstOrDefault()?.Error;
                    if (reason is not null && reason.Contains("no installed pair", StringComparison.OrdinalIgnoreCase))
                    {
                        _unsupported.Add(engine + "/" + locale);
                        logger.LogInformation("No back-translation for {Locale} by {Engine}: {Reason}", locale, engine, reason);
                    }

                    break;
                }
            }
        }
    }
}
