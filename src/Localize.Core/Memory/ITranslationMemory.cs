namespace Localize.Core.Memory;

/// <summary>
/// Human-approved translations per language pair. A pair <c>en → es</c> also finds units stored with regional codes
/// (<c>en-US → es-ES</c>), as TMX files from other tools carry them. The embedded default is the SQLite file.
/// </summary>
public interface ITranslationMemory
{
    /// <summary>Stores a unit; a unit with the same pair, source and context replaces the earlier target.</summary>
    Task AddAsync(MemoryUnit unit, CancellationToken cancellationToken);

    /// <summary>Stores many units in one transaction (a TMX import calls it per batch). Returns how many were new.</summary>
    Task<int> AddManyAsync(IReadOnlyList<MemoryUnit> units, CancellationToken cancellationToken);

    /// <summary>The in-context match if there is one, else the most recent exact match, else null.</summary>
    Task<MemoryMatch?> FindExactAsync(string sourceLanguage, string targetLanguage, MemoryQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="FindExactAsync"/> for many queries in one round trip (machine translation asks it per claimed batch):
    /// one answer per query, in the queries' order.
    /// </summary>
    Task<IReadOnlyList<MemoryMatch?>> FindExactManyAsync(string sourceLanguage, string targetLanguage, IReadOnlyList<MemoryQuery> queries, CancellationToken cancellationToken);

    /// <summary>The most similar units (exact ones included, at 100), best first, from 75 %.</summary>
    Task<IReadOnlyList<MemoryMatch>> FindFuzzyAsync(string sourceLanguage, string targetLanguage, string source, int limit, CancellationToken cancellationToken);

    /// <summary>Every unit, optionally of one pair, in id order, streamed.</summary>
    IAsyncEnumerable<MemoryUnit> ExportAsync(string? sourceLanguage, string? targetLanguage, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
