using Dapper;
using Microsoft.Data.Sqlite;

namespace Localize.Storage.Translation;

/// <summary>
/// Opens connections for the machine-translation tables and applies <c>Migrations/0002_machine_translation.sql</c>
/// before the first use. The script is idempotent, so the workflow store's migration runner may apply it too; doing it
/// here means the engines never depend on that runner having run first.
/// </summary>
internal sealed class MachineTranslationSchema(Func<CancellationToken, Task<SqliteConnection>> open)
{
    private const string ResourceSuffix = ".Migrations.0002_machine_translation.sql";
    private static readonly Lazy<string> _script = new(ReadScript);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _applied;

    public static Func<CancellationToken, Task<SqliteConnection>> Opener(string connectionString) => async cancellationToken =>
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    };

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await open(cancellationToken);
        if (!_applied)
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                if (!_applied)
                {
                    await connection.ExecuteAsync(new CommandDefinition(_script.Value, cancellationToken: cancellationToken));
                    _applied = true;
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
