using Dapper;
using Localize.Integration.Tests.Scale;
using Localize.Storage.Workflow;

namespace Localize.Integration.Tests.Formats;

/// <summary>
/// Articles stored before formats had ids get one when the database is migrated: a .resx file is a resource file,
/// anything else a Markdown article, as intake decided when it read them.
/// </summary>
public sealed class ArticleFormatMigrationTests(SharedPostgreSql postgres)
{
    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task Existing_articles_are_given_the_format_their_path_was_read_as(string database)
    {
        using var repository = new TestRepository();
        LocalizeDatabase db = await postgres.DatabaseForAsync(database) is { } connectionString
            ? new PostgreSqlDatabase(connectionString)
            : new SqliteDatabase(Path.Combine(repository.Root, "data", "localize.db"));
        await db.MigrateAsync(default);
        await using (var connection = await db.OpenConnectionAsync(default))
        {
            // The database as it was before the format column: two articles stored then.
            await connection.ExecuteAsync("ALTER TABLE articles DROP COLUMN format");
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE name = '0012_article_format.sql'");
            await connection.ExecuteAsync(
                """
                INSERT INTO articles (slug, pipeline, source_path, title, source_hash, source_text, updated_at) VALUES
                ('asthma', 'p', 'content/asthma.md', 'Asthma', 'h1', 't', '2026-01-01T00:00:00Z'),
                ('site', 'p', 'content/strings/Site.RESX', 'Site.RESX', 'h2', 't', '2026-01-01T00:00:00Z')
                """);
        }

        await db.MigrateAsync(default);

        var store = new SqlArticleStore(db, TimeProvider.System, Localize.Core.Audit.AuditKey.Generate());
        Assert.Equal("markdown", (await store.FindArticleAsync("asthma", default))!.Format);
        Assert.Equal("resx", (await store.FindArticleAsync("site", default))!.Format);
    }
}
