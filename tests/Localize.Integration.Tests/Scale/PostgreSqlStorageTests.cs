using Dapper;
using Localize.Integration.Tests.Cli;
using Localize.Storage.Migrations;
using Localize.Storage.Workflow;
using Npgsql;

namespace Localize.Integration.Tests.Scale;

/// <summary>
/// The schema on PostgreSQL: the same migrations as SQLite, written once, give the same tables, columns, types,
/// nullability and indexes; a migration changed after it was applied is refused; <c>localize db migrate</c> applies them once.
/// </summary>
public sealed class PostgreSqlStorageTests(SharedPostgreSql postgres)
{
    // The names the migration runner itself applies, so this test checks what runs, not a copy of how it lists them.
    private static string[] Migrations() => [.. SchemaMigrations.Scripts.Select(m => m.Name)];

    /// <summary>What each SQLite column type is on PostgreSQL: written here, not taken from the runner's type map.</summary>
    private static readonly Dictionary<string, string> PostgreSqlType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INTEGER"] = "bigint",
        ["TEXT"] = "text",
        ["REAL"] = "double precision",
        ["BLOB"] = "bytea",
    };

    /// <summary>
    /// Times are text on SQLite (it has no time type) and timestamptz on PostgreSQL; a time column is one named like a
    /// time (<c>at</c>, <c>…_at</c>, <c>…_until</c>, <c>…_end</c>), so a new one left as text on PostgreSQL fails here.
    /// </summary>
    private static string PostgreSqlTypeOf(string column, string sqliteType) =>
        sqliteType.Equals("TEXT", StringComparison.OrdinalIgnoreCase)
        && (column == "at" || column.EndsWith("_at", StringComparison.Ordinal) || column.EndsWith("_until", StringComparison.Ordinal) || column.EndsWith("_end", StringComparison.Ordinal))
            ? "timestamp with time zone"
            : PostgreSqlType[sqliteType];

    /// <summary>A migration that gives one database a column, a type, a NOT NULL or an index the other lacks fails here.</summary>
    [Fact]
    public async Task Both_databases_end_up_with_the_same_columns_types_nullability_and_indexes()
    {
        using var repository = new TestRepository { PostgreSql = null };
        var sqlite = new SqliteDatabase(Path.Combine(repository.Root, "data", "localize.db"));
        await sqlite.MigrateAsync(default);
        await using var postgreSql = new PostgreSqlDatabase(await postgres.CreateDatabaseAsync());
        await postgreSql.MigrateAsync(default);

        await using var lite = await sqlite.OpenConnectionAsync(default);
        // A primary key column is never null, whatever SQLite's table_info says of a TEXT key.
        var sqliteColumns = (await lite.QueryAsync<(string Table, string Column, string Type, long NotNull, long Key)>(
                "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"))
            .Select(c => $"{c.Table}.{c.Column} {PostgreSqlTypeOf(c.Column, c.Type)}{(c.NotNull == 1 || c.Key > 0 ? " not null" : string.Empty)}")
            .Order(StringComparer.Ordinal).ToArray();
        // Indexes other than the primary key's, by table, columns in order and uniqueness (names differ: SQLite names a
        // UNIQUE constraint's index itself).
        var sqliteIndexes = (await lite.QueryAsync<(string Table, string Index, long Unique, string Columns)>(
                """
                SELECT m.name, l.name, l."unique", (SELECT group_concat(name, ',') FROM (SELECT i.name FROM pragma_index_info(l.name) i ORDER BY i.seqno))
                FROM sqlite_master m JOIN pragma_index_list(m.name) l
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND l.origin <> 'pk'
                """))
            .Select(i => $"{i.Table}({i.Columns}){(i.Unique == 1 ? " unique" : string.Empty)}")
            .Order(StringComparer.Ordinal).ToArray();

        await using var pg = await postgreSql.OpenConnectionAsync(default);
        var postgreSqlColumns = (await pg.QueryAsync<(string Table, string Column, string Type, string Nullable)>(
                "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()"))
            .Select(c => $"{c.Table}.{c.Column} {c.Type}{(c.Nullable == "NO" ? " not null" : string.Empty)}")
            .Order(StringComparer.Ordinal).ToArray();
        var postgreSqlIndexes = (await pg.QueryAsync<(string Table, bool Unique, string Columns)>(
                """
                SELECT t.relname, x.indisunique,
                       (SELECT string_agg(a.attname, ',' ORDER BY k.ordinality)
                        FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ordinality) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
                FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND NOT x.indisprimary
                """))
            .Select(i => $"{i.Table}({i.Columns}){(i.Unique ? " unique" : string.Empty)}")
            .Order(StringComparer.Ordinal).ToArray();

        Assert.Contains("translations.lease_until timestamp with time zone", sqliteColumns);
        Assert.Contains("changes.at timestamp with time zone not null", sqliteColumns);
        Assert.Contains("mt_usage.day text not null", sqliteColumns);
        Assert.Contains("translations.state text not null", sqliteColumns);
        Assert.Contains("translations(locale,state,updated_at)", sqliteIndexes);
        Assert.Equal(sqliteColumns, postgreSqlColumns);
        Assert.Equal(sqliteIndexes, postgreSqlIndexes);
    }

    [Fact]
    public async Task A_migration_changed_after_PostgreSQL_applied_it_stops_the_migration_naming_it()
    {
        await using var database = new PostgreSqlDatabase(await postgres.CreateDatabaseAsync());
        await database.MigrateAsync(default);
        await using (var connection = await database.OpenConnectionAsync(default))
        {
            Assert.Equal(
                SchemaMigrations.Scripts.Select(s => (s.Name, s.Checksum)),
                await connection.QueryAsync<(string, string)>("SELECT name, checksum FROM schema_migrations ORDER BY name"));
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = @other WHERE name = '0003_memory.sql'", new { other = new string('0', 64) });
        }

        var error = await Assert.ThrowsAsync<MigrationChangedException>(() => database.MigrateAsync(default));
        Assert.StartsWith("migration 0003_memory.sql was changed after this database applied it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_brings_an_empty_PostgreSQL_database_up_to_date_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var repository = new TestRepository();
        var environment = new Dictionary<string, string> { ["Localize__PostgreSql"] = connectionString };

        var first = await LocalizeProcess.RunAsync(repository.Root, null, environment, "db", "migrate");
        var second = await LocalizeProcess.RunAsync(repository.Root, null, environment, "db", "migrate");

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("PostgreSQL database localize_", first.Output);
        Assert.Contains("schema up to date", first.Output);
        Assert.DoesNotContain("Password", first.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, second.ExitCode);
        await using var connection = new NpgsqlConnection(connectionString);
        var applied = (await connection.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name")).ToArray();
        Assert.Equal(Migrations(), applied);
        Assert.False(File.Exists(Path.Combine(repository.Root, "data", "localize.db")), "the SQLite file was created although PostgreSQL is configured");
    }
}
