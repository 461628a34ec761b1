using Dapper;
using Localize.Integration.Tests.Cli;
using Localize.Storage.Workflow;
using Npgsql;

namespace Localize.Integration.Tests.Scale;

/// <summary>The PostgreSQL schema: a twin for every SQLite migration, applied by <c>localize db migrate</c> once.</summary>
public sealed class PostgreSqlStorageTests(SharedPostgreSql postgres)
{
    private static string[] Migrations(string folder) =>
        [.. typeof(LocalizeDatabase).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..])
            .Where(n => char.IsAsciiDigit(n[0]))
            .Order(StringComparer.Ordinal)];

    /// <summary>A branch that adds a SQLite migration without its PostgreSQL twin fails here, not on a customer's server.</summary>
    [Fact]
    public void Every_SQLite_migration_has_a_PostgreSQL_twin_of_the_same_name()
    {
        var sqlite = Migrations(".Migrations.");
        Assert.Contains("0001_workflow.sql", sqlite);
        Assert.Equal(sqlite, Migrations(".Migrations.Postgres."));
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
