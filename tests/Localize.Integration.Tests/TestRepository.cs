using Localize.Testing;

namespace Localize.Integration.Tests;

/// <summary>
/// A throw-away copy of a Localize repository (pipelines/, content/ with the seed article, empty translations/) in a
/// temporary folder, so each test drives the real host against real files and its own SQLite database.
/// </summary>
public sealed class TestRepository : IDisposable
{
    public TestRepository(string? pipelineYaml = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "localize-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, "pipelines"));
        Directory.CreateDirectory(Path.Combine(Root, "content"));
        Directory.CreateDirectory(Path.Combine(Root, "translations"));
        File.WriteAllText(Path.Combine(Root, "pipelines", "articles.yaml"), pipelineYaml ?? File.ReadAllText(RepositoryPaths.DefaultPipeline));
        File.Copy(RepositoryPaths.SeedArticle, SourcePath(SeedSlug + ".md"));
        Databases[Root] = _postgreSql;
    }

    public const string SeedSlug = "ketamine-infusions-chronic-migraine";

    /// <summary>
    /// The articles pipeline into one locale with one engine and one approval: what a test needs when what it tests is
    /// the review of that locale, not the default pipeline's three.
    /// </summary>
    public static string OneLocalePipeline(string locale, string engine) => $$"""
        name: patient-articles
        source:
          folder: content
          include: "**/*.md"
          language: en
          fields: [title]
        locales:
          - code: {{locale}}
            engine: {{engine}}
        review:
          approvals: 1
        publish:
          folder: translations
        """;

    /// <summary>
    /// A PostgreSQL connection string when the test runs on PostgreSQL (a database of its own), null for the embedded
    /// SQLite file under <c>data/</c>. The host and the CLI started by the test helpers use it.
    /// </summary>
    public string? PostgreSql
    {
        get => _postgreSql;
        init
        {
            _postgreSql = value;
            Databases[Root] = value;
        }
    }

    private readonly string? _postgreSql = Scale.SharedPostgreSql.EveryTestOnPostgreSql
        // A constructor cannot await; creating a database is one quick statement on the run's cluster.
        ? Scale.SharedPostgreSql.Instance!.CreateDatabaseAsync().GetAwaiter().GetResult()
        : null;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Databases = new(StringComparer.Ordinal);

    /// <summary>The PostgreSQL database of the repository at <paramref name="root"/>, for helpers handed only a folder (a CLI process).</summary>
    public static string? PostgreSqlOf(string root) => Databases.GetValueOrDefault(Path.GetFullPath(root));

    public string Root { get; }

    /// <summary>A connection to this repository's database, SQLite file or PostgreSQL, to look at or tamper with rows.</summary>
    /// <remarks>
    /// A time passed as a parameter is written as the stores write it (text on SQLite, timestamptz on PostgreSQL): the
    /// mapping is registered by <see cref="Localize.Storage.Workflow.LocalizeDatabase"/>'s static constructor, run here
    /// in case this process has not opened a store yet.
    /// </remarks>
    public async Task<System.Data.Common.DbConnection> OpenDatabaseAsync()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Localize.Storage.Workflow.LocalizeDatabase).TypeHandle);
        System.Data.Common.DbConnection connection = PostgreSql is { } postgreSql
            ? new Npgsql.NpgsqlConnection(postgreSql + ";Pooling=false")
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Root, "data", "localize.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public string SourcePath(string name) => Path.Combine(Root, "content", name);

    public string PublishedPath(string locale, string slug) => Path.Combine(Root, "translations", locale, slug + ".md");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping host is not worth failing a test over; the OS cleans temp.
        }
    }
}
