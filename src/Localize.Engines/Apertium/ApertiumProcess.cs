using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Localize.Core.Translation;
using Microsoft.Extensions.Logging;

namespace Localize.Engines.Apertium;

/// <summary>
/// One call of an Apertium program (the translator, or the analyser and tagger): input on stdin, output from stdout,
/// under a time limit, and the whole process tree killed when it hangs. Shared by the engine and the analyser.
/// </summary>
internal static class ApertiumProcess
{
    /// <exception cref="TranslationEngineException">The program could not start, failed, or did not finish in time.</exception>
    public static async Task<string> RunAsync(
        string command, IReadOnlyList<string> arguments, string input, TimeSpan callTimeout, string what, ILogger logger, CancellationToken cancellationToken)
    {
        using var process = Start(command, arguments);
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(callTimeout);
        var stdoutTask = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderrTask = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            var stdout = await stdoutTask;
            var stderr = await stderrTask;
            logger.LogDebug("{What}: {Characters} characters in {Elapsed} ms", what, input.Length, stopwatch.ElapsedMilliseconds);
            if (process.ExitCode != 0)
            {
                throw new TranslationEngineException($"{what} exited with {process.ExitCode}: {stderr.Trim()}", true);
            }

            return stdout;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // Apertium is a shell pipeline of several processes: kill them all, or a hung stage keeps a core busy.
            var exitedEarly = process.HasExited && !timeout.IsCancellationRequested;
            Kill(process, logger);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TranslationEngineException(
                exitedEarly
                    ? $"{what} exited before reading its input: {ex.Message}"
                    : $"{what} did not finish within {callTimeout.TotalSeconds:0.###} s and was killed",
                true,
                ex);
        }
    }

    /// <summary>Starts the program with its three streams redirected, UTF-8 both ways.</summary>
    /// <exception cref="TranslationEngineException">The program could not start.</exception>
    public static Process Start(string command, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
            return process;
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new TranslationEngineException($"cannot start '{command}': {ex.Message}", false, ex);
        }
    }

    public static bool CommandExists(string command)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(command);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));
    }

    public static void Kill(Process process, ILogger logger)
    {
        try
        {
            process.Kill(entireProcessTree: true);

            // Killed means gone: the process is reaped before the caller reports it killed, so neither a zombie nor a
            // test counting processes sees it afterwards. SIGKILL ends it at once; the bound only guards a hung kernel.
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                logger.LogWarning("A killed apertium process {Pid} had not exited 30 s later", process.Id);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
        catch (Win32Exception ex)
        {
            logger.LogWarning(ex, "Could not kill a hung apertium process {Pid}", process.Id);
        }
    }
}
