using Localize.Core.Translation;

namespace Localize.Engines.Shared;

/// <summary>
/// Packs distinct engine inputs into as few calls as the engine's limits allow. Inputs needing the same set of locales
/// travel together so one Azure request fans out to all of them; characters count once per locale, as Azure bills.
/// </summary>
internal static class BatchPlanner
{
    /// <param name="work">Each input with the locales it still needs (cache misses), in request order.</param>
    /// <param name="tooLong">Inputs that exceed a whole call on their own, per locale.</param>
    public static List<PlannedBatch> Plan(
        IReadOnlyList<(string Input, IReadOnlyList<string> Locales)> work,
        EngineCapabilities limits,
        out List<(string Input, string Locale)> tooLong)
    {
        tooLong = [];
        var batches = new List<PlannedBatch>();
        var groups = work.GroupBy(w => string.Join('\n', w.Locales), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var locales = group.First().Locales;
            var maxLocales = Math.Max(1, limits.MaxLocalesPerBatch);
            for (var from = 0; from < locales.Count; from += maxLocales)
            {
                var chunk = locales.Skip(from).Take(maxLocales).ToArray();
                var fitting = new List<string>();
                var oversized = new List<string>();
                foreach (var (input, _) in group)
                {
                    (Cost(input, chunk.Length) <= limits.MaxCharactersPerBatch ? fitting : oversized).Add(input);
                }

                Pack(fitting, chunk, limits, batches);
                foreach (var locale in chunk)
                {
                    // Inputs too long for all locales at once go one locale at a time; too long for one, they fail.
                    Pack(oversized.Where(input => input.Length <= limits.MaxCharactersPerBatch), [locale], limits, batches);
                    tooLong.AddRange(oversized.Where(input => input.Length > limits.MaxCharactersPerBatch).Select(input => (input, locale)));
                }
            }
        }

        return batches;
    }

    private static long Cost(string input, int locales) => (long)input.Length * locales;

    private static void Pack(IEnumerable<string> inputs, string[] locales, EngineCapabilities limits, List<PlannedBatch> batches)
    {
        var texts = new List<string>();
        long characters = 0;
        foreach (var input in inputs)
        {
            var cost = Cost(input, locales.Length);
            if (texts.Count > 0 && (texts.Count == limits.MaxTextsPerBatch || characters + cost > limits.MaxCharactersPerBatch))
            {
                batches.Add(new PlannedBatch(texts, locales, characters));
                texts = [];
                characters = 0;
            }

            texts.Add(input);
            characters += cost;
        }

        if (texts.Count > 0)
        {
            batches.Add(new PlannedBatch(texts, locales, characters));
        }
    }
}

/// <param name="Characters">Input characters × locales: what the call sends and what Azure bills.</param>
internal sealed record PlannedBatch(IReadOnlyList<string> Texts, IReadOnlyList<string> Locales, long Characters);
