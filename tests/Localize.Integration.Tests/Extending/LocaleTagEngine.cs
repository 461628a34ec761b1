using Localize.Core.Translation;

namespace Localize.Integration.Tests.Extending;

/// <summary>
/// An engine a newcomer adds with this one class and one registration: it "translates" by putting the target locale in
/// brackets before the text (<c>[es] Shake the inhaler.</c>), inline codes untouched. No network, no process: what it
/// answers is known to the letter, so a test can write the expected target down.
/// </summary>
public sealed class LocaleTagEngine : ITranslationEngine
{
    public const string EngineId = "locale-tag";

    public string Id => EngineId;

    public EngineCapabilities Capabilities { get; } = new(
        MaxTextsPerBatch: 100, MaxCharactersPerBatch: 100_000, MaxLocalesPerBatch: 8, MaxConcurrentBatches: 1, Markup: EngineMarkup.InlineMarkup);

    public EngineAvailability CheckAvailability() => new(EngineId, true, false, "a test engine that tags each text with its locale");

    public string? CheckPair(string sourceLanguage, string targetLocale) => null;

    public Task<EngineBatchResult> TranslateBatchAsync(EngineBatch batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<EngineOutput>[] outputs =
            [.. batch.Texts.Select(text => batch.TargetLocales.Select(locale => new EngineOutput($"[{locale}] {text}", [])).ToArray())];
        return Task.FromResult(new EngineBatchResult(outputs, 0));
    }
}
