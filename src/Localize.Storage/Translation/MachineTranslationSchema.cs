using System.Data.Common;
using Dapper;
using Localize.Storage.Workflow;
using Microsoft.Data.Sqlite;

namespace Localize.Storage.Translation;

/// <summary>
/// Opens connections for the machine-translation tables and applies <c>Migrations/0002_machine_translation.sql</c>
/// (or its PostgreSQL twin) before the first use. The script is idempotent, so the workflow store's migration runner
/// may apply it too; doing it here means the engines never depend on that runner having run first.
/// </summary>
internal sealed class MachineTranslationSchema(Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect = SqlDialect.Sqlite)
{
    private const string ScriptName = "0002_machine_translation.sql";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _applied;

    public SqlDialect Dialect => dialect;

    public static Func<CancellationToken, Task<DbConnection>> Opener(string connectionString) => async cancellationToken =>
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    };

    /// <summary>Adapts an opener of SQLite connections (a caller's own WAL set-up) to the common shape.</summary>
    public static Func<CancellationToken, Task<DbConnection>> Opener(Func<CancellationToken, Task<SqliteConnection>> open) =>
        async cancellationToken => await open(cancellationToken);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await open(cancellationToken);
        if (!_applied)
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                if (!_applied)
                {
                    var folder = dialect == SqlDialect.PostgreSql ? ".Migrations.Postgres." : ".Migrations.";
                    var script = LocalizeDatabase.MigrationScripts(folder).Single(s => s.Name == ScriptName);
                    await connection.ExecuteAsync(new CommandDefinition(await LocalizeDatabase.ReadScriptAsync(script.Resource), cancellationToken: cancellationToken));
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
}
