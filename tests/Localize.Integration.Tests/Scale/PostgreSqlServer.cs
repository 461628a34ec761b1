using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Localize.Testing;
using Npgsql;

namespace Localize.Integration.Tests.Scale;

/// <summary>
/// A throw-away PostgreSQL cluster on a loopback port: Debian's own server programs (<c>initdb</c>, <c>pg_ctl</c>),
/// a fresh data folder under the temp folder, trust authentication for one user, stopped and deleted on dispose. Run
/// as root (CI), the server runs as the <c>postgres</c> account the Debian package creates, since PostgreSQL refuses to
/// run as root. Each test gets its own database (<see cref="CreateDatabaseAsync"/>), with the C collation so text
/// orders byte-wise, as in SQLite.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    private const string User = "localize";
    private readonly string _bin;
    private readonly string _folder;
    private int _databases;

    private PostgreSqlServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<PostgreSqlServer> StartAsync()
    {
        var bin = Requirements.PostgreSql();
        var folder = Path.Combine(Path.GetTempPath(), "localize-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new PostgreSqlServer(bin, folder, FreePort());
        try
        {
            if (Environment.UserName == "root")
            {
                // The server's account must own its folder and be able to reach it through the temp folder.
                await RunAsync("chown", ["-R", "postgres:postgres", folder]);
            }

            await server.RunServerProgramAsync("initdb", ["-D", server.DataFolder, "-U", User, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
            await server.RunServerProgramAsync("pg_ctl", [
                "-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "start"]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"localize_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username={User};Database={database}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await RunServerProgramAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp; a stuck file is no reason to fail a test.
            }
        }
    }

    private Task RunServerProgramAsync(string program, IReadOnlyList<string> arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server's account may not read the test's working folder.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
