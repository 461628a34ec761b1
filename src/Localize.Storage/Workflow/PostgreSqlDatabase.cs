using System.Data;
using System.Data.Common;
using Dapper;
using Localize.Storage.Migrations;
using Npgsql;

namespace Localize.Storage.Workflow;

/// <summary>
/// A PostgreSQL server shared by many workers and web apps (<c>Localize:PostgreSql</c> holds the connection string).
/// Migrations are the same scripts as SQLite's, with PostgreSQL's types (<see cref="SchemaMigrations"/>). Writers that extend
/// the audit chain take turns through a transaction-scoped advisory lock; work is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> (see <see cref="SqlTranslationQueue"/>).
/// </summary>
public sealed class PostgreSqlDatabase : LocalizeDatabase, IAsyncDisposable
{
    // Advisory lock keys: arbitrary constants, fixed forever (another version of Localize must use the same ones).
    private const long AuditChainLock = 0x4C6F_6361_6C01;
    private const long MigrationLock = 0x4C6F_6361_6C02;
    private const long MemoryLock = 0x4C6F_6361_6C03;

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override SqlDialect Dialect => SqlDialect.PostgreSql;

    public override string Description { get; }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override Task<DbTransaction> BeginAuditedWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginTakingTurnsAsync(connection, AuditChainLock, cancellationToken);

    public override Task<DbTransaction> BeginMemoryWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginTakingTurnsAsync(connection, MemoryLock, cancellationToken);

    /// <summary>A transaction that first waits for the transaction-scoped advisory lock <paramref name="key"/>.</summary>
    private static async Task<DbTransaction> BeginTakingTurnsAsync(DbConnection connection, long key, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key }, transaction, cancellationToken: cancellationToken));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

        // Workers started together all migrate at start-up: one does it while the others wait, then find nothing to do.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLock }, cancellationToken: cancellationToken));
        try
        {
            await SchemaMigrations.ApplyAsync(connection, Dialect, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = MigrationLock }, cancellationToken: cancellationToken));
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
