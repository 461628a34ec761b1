using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Localize.Testing;

namespace Localize.Integration.Tests;

/// <summary>
/// Azurite's blob service as a child process on a loopback port, with its data in a temporary folder. It can be
/// stopped and started again on the same port and data, to make the blob service fail for a while.
/// </summary>
public sealed class AzuriteBlobService : IAsyncDisposable
{
    // Azurite's published development account; it only exists inside Azurite.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _program;
    private readonly string _location = Path.Combine(Path.GetTempPath(), "localize-azurite-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _process;

    private AzuriteBlobService(string program, int port)
    {
        _program = program;
        Port = port;
        Directory.CreateDirectory(_location);
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteBlobService> StartAsync()
    {
        var service = new AzuriteBlobService(Requirements.Azurite(), FreePort());
        await service.StartAgainAsync();
        return service;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(_program)
        {
            ArgumentList = { "--silent", "--skipApiVersionCheck", "--loose", "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", _location },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_program}");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// Stops Azurite as a service manager would, with SIGTERM: it writes its blob index to disk on the way out (a
    /// SIGKILL would lose the blobs written in its last seconds). Killed only if it does not exit in time.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            _ = Kill(process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // Temp is cleaned by the OS; not worth failing a test over.
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
