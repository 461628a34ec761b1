using Localize.Core.Translation;
using Localize.Engines.Shared;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Tests;

/// <summary>Builds the shared layer over real engines, with the caches and meters a test wants to look into.</summary>
internal static class Translators
{
    public static MachineTranslator Create(
        ITranslationEngine engine,
        IMachineTranslationCache? cache = null,
        IUsageMeter? meter = null,
        IReadOnlyList<string>? doNotTranslate = null) =>
        new(
            new TranslationEngineRegistry([engine]),
            cache ?? new InMemoryMachineTranslationCache(),
            meter ?? new InMemoryUsageMeter(),
            Options.Create(new MachineTranslatorOptions
            {
                DoNotTranslate = [.. doNotTranslate ?? []],
                BatchRetryDelay = TimeSpan.FromMilliseconds(10),
            }),
            TimeProvider.System);

    public static MachineTranslationRequest Request(string engineId, string from, string[] to, params string[] texts) =>
        new(engineId, from, to, texts.Select((t, i) => new SegmentToTranslate(i + 1, "article-1", t)).ToArray());
}
