using System.Data.Common;
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
    /// <c>column IN (list)</c> for a list parameter: Dapper expands a list into one parameter per item for SQLite, but
    /// hands PostgreSQL the whole array as one parameter, which only <c>= ANY</c> accepts.
    /// </summary>
    public static string InList(this SqlDialect dialect, string column, string parameter) =>
        dialect == SqlDialect.PostgreSql ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";
}

/// <summary>
/// The database the stores share: the embedded SQLite file (<see cref="SqliteDatabase"/>, the default) or a PostgreSQL
/// server that many workers point at (<see cref="PostgreSqlDatabase"/>). The stores keep one set of hand-written SQL
/// (Dapper) and ask this class for what cannot be written once: connections, migrations, and how writers that extend
/// the audit chain are kept in single file.
/// </summary>
public abstract class LocalizeDatabase
{
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

    /// <summary>Whether the exception is a UNIQUE or PRIMARY KEY violation (the database decided a race).</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}
