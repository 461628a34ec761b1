using Dapper;
using Localize.Integration.Tests.Cli;
using Localize.Storage.Workflow;
using Npgsql;

namespace Localize.Integration.Tests.Scale;

/// <summary>The PostgreSQL schema: a twin for every SQLite migration, applied by <c>localize db migrate</c> once.</summary>
public sealed class PostgreSqlStorageTests(SharedPostgreSql postgres)
{
    // The names the migration runner itself applies, so this test checks what runs, not a copy of how it lists them.
    private static string[] Migrations(string folder) => [.. LocalizeDatabase.MigrationScripts(folder).Select(m => m.Name)];

    /// <summary>A branch that adds a SQLite migration without its PostgreSQL twin fails here, not on a customer's server.</summary>
    [Fact]
    public void Every_SQLite_migration_has_a_PostgreSQL_twin_of_the_same_name()
    {
        var sqlite = Migrations(".Migrations.");
        Assert.Contains("0001_workflow.sql", sqlite);
        Assert.Equal(sqlite, Migrations(".Migrations.Postgres."));
    }

    /// <summary>A twin that misses a column, or adds one, fails here: both schemas have the same tables and columns.</summary>
    [Fact]
    public async Task Both_databases_end_up_with_the_same_tables_and_columns()
    {
        using var repository = new TestRepository { PostgreSql = null };
        var sqlite = new SqliteDatabase(Path.Combine(repository.Root, "data", "localize.db"));
        await sqlite.MigrateAsync(default);
        await using var postgreSql = new PostgreSqlDatabase(await postgres.CreateDatabaseAsync());
        await postgreSql.MigrateAsync(default);

        await using var lite = await sqlite.OpenConnectionAsync(default);
        var sqliteColumns = (await lite.QueryAsync<string>(
            "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"))
            .Order(StringComparer.Ordinal).ToArray();
        await using var pg = await postgreSql.OpenConnectionAsync(default);
        var postgreSqlColumns = (await pg.QueryAsync<string>(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema()"))
            .Order(StringComparer.Ordinal).ToArray();

        Assert.Contains("translations.lease_until", sqliteColumns);
        Assert.Equal(sqliteColumns, postgreSqlColumns);
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
        Assert.Equal(Migrations(".Migrations.Postgres."), applied);
        Assert.False(File.Exists(Path.Combine(repository.Root, "data", "localize.db")), "the SQLite file was created although PostgreSQL is configured");
    }
}
