using System.Security.Cryptography;
using System.Text;
using Dapper;
using Localize.Core.Translation;
using Localize.Storage.Workflow;
using Microsoft.Data.Sqlite;

namespace Localize.Storage.Translation;

/// <summary>
/// Machine-output memory in the workflow database (<c>mt_cache</c>), so output paid for once survives restarts. Rows are looked up by
/// the SHA-256 of the engine input and the input itself compared, so a hash collision can never return another
/// segment's translation.
/// </summary>
public sealed class SqlMachineTranslationCache : IMachineTranslationCache
{
    // Chunks bound what one statement carries.
    private const int Chunk = 500;

    private readonly LocalizeDatabase _database;

    /// <summary>On the workflow database, SQLite or PostgreSQL (its migrations applied), so every worker sharing it shares this too.</summary>
    public SqlMachineTranslationCache(LocalizeDatabase database)
    {
        _database = database;
    }

    public async Task<IReadOnlyDictionary<string, EngineOutput>> GetManyAsync(
        MachineTranslationCacheScope scope,
        IReadOnlyCollection<string> inputs,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EngineOutput>(StringComparer.Ordinal);
        if (inputs.Count == 0)
        {
            return found;
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in inputs.Chunk(Chunk))
        {
            var rows = await connection.QueryAsync<(string Input, string Output, string Flags)>(new CommandDefinition(
                $"""
                SELECT input, output, flags FROM mt_cache
                WHERE engine_id = @EngineId AND source_language = @SourceLanguage AND locale = @Locale AND {_database.Dialect.InListParameter("input_hash", "@Hashes")}
                """,
                new { scope.EngineId, scope.SourceLanguage, scope.Locale, Hashes = _database.Dialect.ListParameter(chunk.Select(Hash)) },
                cancellationToken: cancellationToken));
            foreach (var (input, output, flags) in rows)
            {
                found[input] = new EngineOutput(output, flags.Length == 0 ? [] : flags.Split('\n'));
            }
        }

        return found;
    }

    public async Task PutManyAsync(
        MachineTranslationCacheScope scope,
        IReadOnlyList<KeyValuePair<string, EngineOutput>> entries,
        CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await _database.InTransactionAsync(
            TransactionKind.Write,
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO mt_cache (engine_id, source_language, locale, input_hash, input, output, flags)
                    VALUES (@EngineId, @SourceLanguage, @Locale, @Hash, @Input, @Output, @Flags)
                    ON CONFLICT DO NOTHING
                    """,
                    entries.Select(e => new
                    {
                        scope.EngineId,
                        scope.SourceLanguage,
                        scope.Locale,
                        Hash = Hash(e.Key),
                        Input = e.Key,
                        Output = e.Value.Text,
                        Flags = string.Join('\n', e.Value.Flags),
                    }),
                    transaction,
                    cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    private static string Hash(string input) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
}
