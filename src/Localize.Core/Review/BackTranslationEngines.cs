using Localize.Core.Pipelines;
using Localize.Core.Translation;

namespace Localize.Core.Review;

/// <summary>
/// Which engine translates a locale's targets back into the source language: the locale's back-translation engine
/// (Apertium unless configured otherwise) where it can run and has the pair, else — unless
/// <see cref="EngineRoles.BackTranslationByLocaleEngine"/> is off — the engine that translated the locale, in reverse
/// (Azure for French or Arabic, for which Apertium has no pair here). A pseudo engine never back-translates: its output
/// says nothing about what the target means. When neither can, the choice says why, in words a reviewer reads.
/// </summary>
public sealed class BackTranslationEngines(IMachineTranslator translator, EngineRoles roles)
{
    public BackTranslationChoice Choose(LocaleTarget target, string sourceLanguage)
    {
        var candidates = new List<string>(2);
        if (target.BackTranslation is { } configured)
        {
            candidates.Add(configured);
        }

        if (roles.BackTranslationByLocaleEngine && !candidates.Contains(target.Engine, StringComparer.OrdinalIgnoreCase))
        {
            candidates.Add(target.Engine);
        }

        var reasons = new List<string>(candidates.Count);
        foreach (var engine in candidates)
        {
            var availability = translator.CheckAvailability(engine);
            var why = availability.IsPseudo ? "pseudo output is not a translation"
                : !availability.IsAvailable ? availability.Reason ?? "not available here"
                : translator.CheckPair(engine, target.Code, sourceLanguage);
            if (why is null)
            {
                return new BackTranslationChoice(engine, null);
            }

            reasons.Add($"{engine}: {why}");
        }

        return new BackTranslationChoice(
            null,
            reasons.Count == 0
                ? $"no back-translation engine is configured for {target.Code}"
                : $"no engine here translates {target.Code} → {sourceLanguage} ({string.Join("; ", reasons)})");
    }
}

/// <param name="EngineId">The engine that back-translates, or null when none can.</param>
/// <param name="WhyNone">Why there is no back-translation, for the review page and the worker's log; null when there is one.</param>
public sealed record BackTranslationChoice(string? EngineId, string? WhyNone);
