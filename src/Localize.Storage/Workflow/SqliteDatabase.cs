using System.Data;
using System.Data.Common;
using Dapper;
using Localize.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Localize.Storage.Workflow;

/// <summary>
/// The embedded database: one SQLite file, opened in WAL mode so the web app reads while the worker writes, with a
/// busy timeout so a brief lock (the CLI approving while the worker runs) waits instead of failing. SQLite has a single
/// writer, which gives the audit chain and the work leases their ordering with no further locking.
/// </summary>
public sealed class SqliteDatabase : LocalizeDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string databasePath)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Path = databasePath;
    }

    public string Path { get; }

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public override string Description => $"SQLite file {Path}";

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken: cancellationToken));
        return connection;
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    public override async Task<DbTransaction> BeginAuditedWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    public override async Task<DbTransaction> BeginMemoryWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    // SQLITE_CONSTRAINT (19): UNIQUE and PRIMARY KEY violations among others; the stores only catch it around inserts.
    public override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: 19 };

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SchemaMigrations.ApplyAsync(connection, Dialect, cancellationToken);
    }
}
