using System.Collections.Concurrent;
using Localize.Core.Translation;

namespace Localize.Engines.Shared;

/// <summary>
/// The cache used when no store is registered (CLI runs, tests, benchmarks): it lives as long as the process.
/// The server registers the SQLite one from Localize.Storage so machine output survives restarts.
/// </summary>
public sealed class InMemoryMachineTranslationCache : IMachineTranslationCache
{
    private readonly ConcurrentDictionary<(MachineTranslationCacheScope Scope, string Input), EngineOutput> _entries = new();

    public int Count => _entries.Count;

    public Task<IReadOnlyDictionary<string, EngineOutput>> GetManyAsync(
        MachineTranslationCacheScope scope,
        IReadOnlyCollection<string> inputs,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EngineOutput>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (_entries.TryGetValue((scope, input), out var output))
            {
                found[input] = output;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, EngineOutput>>(found);
    }

    public Task PutManyAsync(
        MachineTranslationCacheScope scope,
        IReadOnlyList<KeyValuePair<string, EngineOutput>> entries,
        CancellationToken cancellationToken)
    {
        foreach (var (input, output) in entries)
        {
            _entries.TryAdd((scope, input), output);
        }

        return Task.CompletedTask;
    }
}
