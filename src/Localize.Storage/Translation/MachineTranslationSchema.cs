using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Localize.Storage.Translation;

/// <summary>
/// Applies <c>Migrations/0002_machine_translation.sql</c> once per database before the first cache or meter access.
/// The script is idempotent, so the workflow store's migration runner may apply it too.
/// </summary>
internal static class MachineTranslationSchema
{
    private const string ResourceSuffix = "0002_machine_translation.sql";
    private static readonly Lazy<string> _script = new(ReadScript);
    private static readonly SemaphoreSlim _lock = new(1, 1);
    private static readonly ConcurrentDictionary<string, bool> _applied = new(StringComparer.Ordinal);

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_applied.ContainsKey(connectionString))
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                if (!_applied.ContainsKey(connectionString))
                {
                    await connection.ExecuteAsync(new CommandDefinition(_script.Value, cancellationToken: cancellationToken));
                    // An in-memory database lives and dies with its connection: never assume it was migrated.
                    if (!connectionString.Contains(":memory:", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
                    {
                        _applied[connectionString] = true;
                    }
                }
            }
            finally
            {
                _lock.Release();
            }
        }

        return connection;
    }

    private static string ReadScript()
    {
        var assembly = typeof(MachineTranslationSchema).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
