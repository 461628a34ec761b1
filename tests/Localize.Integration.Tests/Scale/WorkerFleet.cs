using System.Collections.Concurrent;
using System.Diagnostics;

namespace Localize.Integration.Tests.Scale;

/// <summary>
/// Worker processes as an operator runs them: the built <c>localize run --watch</c>, each its own process against one
/// repository and one database, started, killed with SIGKILL (<see cref="Process.Kill()"/> on Unix) and restarted. Every
/// line they print is kept, so a test can hold them to "no error in the logs".
/// </summary>
public sealed class WorkerFleet : IAsyncDisposable
{
    private readonly string _root;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Process?[] _workers;
    private readonly ConcurrentQueue<string> _lines = new();

    public WorkerFleet(string root, int count, IReadOnlyDictionary<string, string> environment)
    {
        _root = root;
        _environment = environment;
        _workers = new Process?[count];
    }

    /// <summary>Every line every worker printed, prefixed with its slot (<c>[w1] info: …</c>).</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>
    /// Errors the workers logged (the console logger's <c>fail:</c> and <c>crit:</c>, with the indented lines of their
    /// message from the same worker, on one line) and unhandled exceptions: a test that fails on them names the cause.
    /// </summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            var lines = _lines.ToArray();
            var errors = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (!(line.Contains("] fail: ", StringComparison.Ordinal) || line.Contains("] crit: ", StringComparison.Ordinal)
                    || line.Contains("Unhandled exception", StringComparison.Ordinal) || line.Contains("deadlock", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var prefix = line[..(line.IndexOf(']', StringComparison.Ordinal) + 2)];
                var message = lines.Skip(i + 1).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Take(3)
                    .TakeWhile(l => l.Length > prefix.Length && char.IsWhiteSpace(l[prefix.Length])).Select(l => l[prefix.Length..].Trim());
                errors.Add(string.Join(" | ", [line, .. message]));
            }

            return errors;
        }
    }

    public void StartAll()
    {
        for (var i = 0; i < _workers.Length; i++)
        {
            Start(i);
        }
    }

    public void Start(int slot)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "localize.dll"));
        foreach (var argument in new[] { "run", "--watch", "--root", _root })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var prefix = $"[w{slot}] ";
        process.OutputDataReceived += (_, e) => Keep(prefix, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(prefix, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _workers[slot] = process;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no finally block runs in the worker.</summary>
    public async Task KillAsync(int slot)
    {
        if (_workers[slot] is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        _workers[slot] = null;
        _lines.Enqueue($"[w{slot}] (killed)");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _workers.Length; i++)
        {
            await KillAsync(i);
        }
    }

    private void Keep(string prefix, string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(prefix + line);
        }
    }
}
