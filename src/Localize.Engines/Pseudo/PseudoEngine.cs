using Localize.Core.Translation;

namespace Localize.Engines.Pseudo;

/// <summary>
/// Pseudo-localisation (<c>qps-ploc</c>): accented, lengthened, bracketed text with codes intact, for testing layout
/// and for demos. It is the same <see cref="PseudoLocalizer"/> the roundtrip CLI uses, so both show the same thing.
/// Output is never a translation: the engine reports itself as pseudo and every result carries the <c>pseudo</c> flag.
/// </summary>
public sealed class PseudoEngine : ITranslationEngine
{
    public const string EngineId = "pseudo";

    public string Id => EngineId;

    // No network and no process: large batches and one call per core keep it cheap and stop it hogging the machine.
    public EngineCapabilities Capabilities { get; } = new(
        MaxTextsPerBatch: 1000,
        MaxCharactersPerBatch: 1_000_000,
        MaxLocalesPerBatch: 16,
        MaxConcurrentBatches: Environment.ProcessorCount,
        Markup: EngineMarkup.InlineMarkup,
        BatchAttempts: 1,
        IsPseudo: true);

    public EngineAvailability CheckAvailability() => new(EngineId, true, true, "pseudo-localisation, not a translation");

    public string? CheckPair(string sourceLanguage, string targetLocale) => null;

    public Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken)
    {
        var outputs = new IReadOnlyList<EngineOutput>[batch.Texts.Count];
        for (var t = 0; t < batch.Texts.Count; t++)
        {
            // The pseudo form does not depend on the locale: compute once, answer for each.
            var output = new EngineOutput(PseudoLocalizer.Localize(batch.Texts[t]), []);
            outputs[t] = Enumerable.Repeat(output, batch.TargetLocales.Count).ToArray();
        }

        return Task.FromResult(new EngineBatchResult(outputs, 0));
    }
}
