using System.Data;
using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Localize.Storage.Workflow;

/// <summary>Where the SQL of the two databases differs; everything else is written once, in SQL both accept.</summary>
public enum SqlDialect
{
    Sqlite,
    PostgreSql,
}

public static class SqlDialectExtensions
{
    /// <summary>
    /// <c>column IN (list)</c> for a short, fixed list parameter (a few states): Dapper expands a list into one
    /// parameter per item for SQLite, so its planner sees each value, but hands PostgreSQL the whole array as one
    /// parameter, which only <c>= ANY</c> accepts. A batch's ids or texts, of any length, go through
    /// <see cref="InListParameter"/> instead.
    /// </summary>
    public static string InList(this SqlDialect dialect, string column, string parameter) =>
        dialect == SqlDialect.PostgreSql ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    /// <summary>
    /// <c>column IN (list)</c> for a list of any length passed as one parameter (<see cref="ListParameter{T}"/>):
    /// SQLite reads it as a JSON array, PostgreSQL as an array. A batch's thousand ids or texts expanded by Dapper into
    /// a thousand parameters made SQLite parse, bind (by name, each a scan of the others) and free them on every query.
    /// </summary>
    public static string InListParameter(this SqlDialect dialect, string column, string parameter) =>
        dialect == SqlDialect.PostgreSql ? $"{column} = ANY({parameter})" : $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>The value of a parameter that <see cref="InListParameter"/> reads.</summary>
    public static object ListParameter<T>(this SqlDialect dialect, IEnumerable<T> values) =>
        dialect == SqlDialect.PostgreSql ? values.ToArray() : JsonSerializer.Serialize(values);

    /// <summary>The UTC day (<c>yyyy-MM-dd</c> text) of a time column: a prefix of SQLite's text, a conversion of PostgreSQL's timestamptz.</summary>
    public static string UtcDay(this SqlDialect dialect, string column) =>
        dialect == SqlDialect.PostgreSql ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : $"substr({column}, 1, 10)";
}

/// <summary>
/// The database the stores share: the embedded SQLite file (<see cref="SqliteDatabase"/>, the default) or a PostgreSQL
/// server that many workers point at (<see cref="PostgreSqlDatabase"/>). The stores keep one set of hand-written SQL
/// (Dapper) and ask this class for what cannot be written once: connections, migrations, and how writers that extend
/// the audit chain are kept in single file.
/// </summary>
public abstract class LocalizeDatabase
{
    static LocalizeDatabase() => SqlTime.RegisterWithDapper();

    public abstract SqlDialect Dialect { get; }

    /// <summary>Names the database for logs, without credentials.</summary>
    public abstract string Description { get; }

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies the embedded migrations not yet applied, each turned into this database's SQL (<see cref="Migrations.SchemaMigrations"/>);
    /// idempotent, safe when several processes start at once, and refuses a migration changed since it was applied.
    /// </summary>
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that may append to the audit chain. The chain is one line of records each hashing the one
    /// before, so its writers take turns: SQLite has one writer anyway; PostgreSQL takes a transaction-scoped advisory
    /// lock first, before any row lock, so two such transactions can wait for each other but never deadlock.
    /// </summary>
    public abstract Task<DbTransaction> BeginAuditedWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that adds translation-memory units. Each process's fuzzy index catches up on the memory by
    /// id, so ids must become visible in the order they are handed out: SQLite has one writer anyway; PostgreSQL hands
    /// out ids to concurrent transactions that may commit in any order, so these writers take a lock of their own.
    /// </summary>
    public abstract Task<DbTransaction> BeginMemoryWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a connection, begins a transaction of the <paramref name="kind"/> the work needs, runs the work and commits
    /// (a work that throws leaves nothing behind): the one way the stores run several statements as one.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(TransactionKind kind, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginAsync(connection, kind, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <inheritdoc cref="InTransactionAsync{T}"/>
    public Task InTransactionAsync(TransactionKind kind, Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync(
            kind,
            async (connection, transaction) =>
            {
                await work(connection, transaction);
                return true;
            },
            cancellationToken);

    /// <summary>Begins a transaction of <paramref name="kind"/> on an open connection.</summary>
    public async Task<DbTransaction> BeginAsync(DbConnection connection, TransactionKind kind, CancellationToken cancellationToken) => kind switch
    {
        TransactionKind.AuditedWrite => await BeginAuditedWriteAsync(connection, cancellationToken),
        TransactionKind.MemoryWrite => await BeginMemoryWriteAsync(connection, cancellationToken),
        TransactionKind.Snapshot => await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken),
        _ => await connection.BeginTransactionAsync(cancellationToken),
    };

    /// <summary>Whether the exception is a UNIQUE or PRIMARY KEY violation (the database decided a race).</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}

/// <summary>What a transaction is for, which decides how it begins (<see cref="LocalizeDatabase.InTransactionAsync{T}"/>).</summary>
public enum TransactionKind
{
    /// <summary>Several statements that stand or fall together.</summary>
    Write,

    /// <summary>A write that may append to the audit chain (<see cref="LocalizeDatabase.BeginAuditedWriteAsync"/>).</summary>
    AuditedWrite,

    /// <summary>A write that adds translation-memory units (<see cref="LocalizeDatabase.BeginMemoryWriteAsync"/>).</summary>
    MemoryWrite,

    /// <summary>Reads that must see one state of the database, with work going on meanwhile.</summary>
    Snapshot,
}
