namespace Localize.Core.Translation;

/// <summary>
/// Memory of machine output, so the same engine input to the same locale is never paid for twice. Separate from the
/// human-approved translation memory: nothing here has been reviewed. Keyed by the protected engine input (what the
/// engine saw, glossary protection included), and holding the raw engine output, so verification runs again on reuse.
/// </summary>
public interface IMachineTranslationCache
{
    /// <summary>The cached outputs among <paramref name="inputs"/>; inputs not cached are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, EngineOutput>> GetManyAsync(
        MachineTranslationCacheScope scope,
        IReadOnlyCollection<string> inputs,
        CancellationToken cancellationToken);

    Task PutManyAsync(
        MachineTranslationCacheScope scope,
        IReadOnlyList<KeyValuePair<string, EngineOutput>> entries,
        CancellationToken cancellationToken);
}

public sealed record MachineTranslationCacheScope(string EngineId, string SourceLanguage, string Locale);
