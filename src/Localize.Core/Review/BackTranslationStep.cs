using Localize.Core.Pipelines;
using Localize.Core.Translation;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Review;

/// <summary>
/// Translates every target back into the source language with the engine <see cref="BackTranslationEngines"/> chooses
/// for the locale (Apertium unless configured otherwise, ISPOR practice; the locale's own engine in reverse where
/// Apertium has no pair), so a reviewer who reads the target language less well than the source can see what the
/// target says. Needs: targets in review or approved. Produces: a back-translation per target, redone when the target
/// is edited. A locale no engine here can back-translate is skipped, and the reason logged once; pseudo-locales are
/// not languages.
/// </summary>
public sealed class BackTranslationStep(
    IMachineTranslator translator,
    BackTranslationEngines engines,
    ITranslationQueue translationQueue,
    IReviewAidStore reviewAids,
    ILogger<BackTranslationStep> logger) : IPipelineStep
{
    private const int BatchSize = 1_000;

    private readonly HashSet<string> _explained = new(StringComparer.Ordinal);

    public const string StepName = "back-translation";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var sourceLanguage = context.Definition.Source.Language;
        foreach (var target in context.Definition.Locales)
        {
            var locale = target.Code;
            if (PseudoOutput.IsPseudoLocale(locale))
            {
                continue;
            }

            var choice = engines.Choose(target, sourceLanguage);
            if (choice.EngineId is not { } engine)
            {
                if (_explained.Add(locale + choice.WhyNone))
                {
                    logger.LogInformation("No back-translation for {Locale}: {Reason}", locale, choice.WhyNone);
                }

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
                BackTranslation[] translated = [.. results.Where(r => r.Text is not null && byId.ContainsKey(r.SegmentId))
                    .Select(r => new BackTranslation(r.SegmentId, byId[r.SegmentId].Source, r.Text!))];
                if (translated.Length == 0)
                {
                    // The engine is failing: try again on a later run, not in a loop.
                    logger.LogWarning("No back-translation for {Locale} by {Engine} this run: {Reason}", locale, engine, results.FirstOrDefault()?.Error);
                    break;
                }

                await reviewAids.SaveBackTranslationsAsync(translated, cancellationToken);
            }
        }
    }
}
