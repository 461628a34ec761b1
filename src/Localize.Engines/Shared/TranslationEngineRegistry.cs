using System.Diagnostics.CodeAnalysis;
using Localize.Core.Translation;

namespace Localize.Engines.Shared;

/// <summary>The engines this process knows, by id. One list, so adding an engine is one registration.</summary>
public sealed class TranslationEngineRegistry
{
    private readonly Dictionary<string, ITranslationEngine> _engines;

    public TranslationEngineRegistry(IEnumerable<ITranslationEngine> engines)
    {
        _engines = new Dictionary<string, ITranslationEngine>(StringComparer.OrdinalIgnoreCase);
        foreach (var engine in engines)
        {
            if (!_engines.TryAdd(engine.Id, engine))
            {
                throw new InvalidOperationException($"Two translation engines are registered with the id '{engine.Id}'.");
            }
        }
    }

    public IReadOnlyCollection<string> EngineIds => _engines.Keys;

    public bool TryGet(string engineId, [NotNullWhen(true)] out ITranslationEngine? engine) =>
        _engines.TryGetValue(engineId, out engine);
}
