using Localize.Integration.Tests.Scale;

[assembly: AssemblyFixture(typeof(SharedPostgreSql))]

namespace Localize.Integration.Tests.Scale;

/// <summary>
/// One PostgreSQL cluster for the whole test run, started on first use (so the run pays for it only when a PostgreSQL
/// test runs, and a test on a machine without the server skips or fails with the reason), each test in a database of
/// its own.
/// </summary>
public sealed class SharedPostgreSql : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgreSqlServer? _server;

    public SharedPostgreSql()
    {
        Instance = this;
    }

    /// <summary>
    /// <c>LOCALIZE_TEST_DATABASE=PostgreSQL</c> runs every test that does not name its database on PostgreSQL (each
    /// <see cref="TestRepository"/> gets a database of its own); unset, they run on SQLite files.
    /// </summary>
    public static bool EveryTestOnPostgreSql => Environment.GetEnvironmentVariable("LOCALIZE_TEST_DATABASE") == "PostgreSQL";

    /// <summary>The run's instance (xunit creates assembly fixtures before any test), for <see cref="TestRepository"/>.</summary>
    public static SharedPostgreSql? Instance { get; private set; }

    public async Task<PostgreSqlServer> ServerAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _server ??= await PostgreSqlServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh database on the shared cluster, for a <see cref="TestRepository"/> (<c>new TestRepository { PostgreSql = … }</c>).</summary>
    public async Task<string> CreateDatabaseAsync() => await (await ServerAsync()).CreateDatabaseAsync();

    /// <summary>
    /// The connection string for a test that runs on both databases: a fresh database for <c>"PostgreSQL"</c>, null
    /// (the repository's SQLite file) for <c>"SQLite"</c>.
    /// </summary>
    public async Task<string?> DatabaseForAsync(string database) => database switch
    {
        "SQLite" => null,
        "PostgreSQL" => await CreateDatabaseAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, "SQLite or PostgreSQL"),
    };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
