using System.Diagnostics;
using System.Text;
using Localize.Core.Translation;
using Microsoft.Extensions.Logging;

namespace Localize.Engines.Apertium;

/// <summary>
/// A long-lived Apertium program (or shell pipeline) run with <c>-z</c> (null-flush): each request is written followed
/// by a NUL, and the program answers it and ends its answer with a NUL, so one process serves batch after batch and a
/// call costs no process start nor the loading of its dictionaries. One request at a time (a lock); a process that
/// died, hung or answered garbage is killed and started again on the next call.
/// </summary>
internal sealed class NullFlushProcess(string command, IReadOnlyList<string> arguments, string what, ILogger logger, TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Process? _process;
    private bool _disposed;
    private long _lastCallEnded; // set when each call ends; a process only starts inside a call

    /// <summary>The running process's id, if one runs; lets a test kill it as a crash would.</summary>
    internal int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Processes started so far: 1 while the first lives, more after restarts.</summary>
    internal int Starts { get; private set; }

    /// <exception cref="TranslationEngineException">The program could not start, died, or did not answer in time.</exception>
    public async Task<string> CallAsync(string request, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var process = _process is { HasExited: false } running ? running : Start();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(callTimeout);
            try
            {
                // The answer is read while the request is written: the program answers as it reads, and once its output
                // pipe is full it stops reading, so writing a large batch (~100 KB) before reading would wait forever.
                var answer = ReadAnswerAsync(process.StandardOutput, timeout.Token);
                try
                {
                    await process.StandardInput.WriteAsync(request.AsMemory(), timeout.Token);
                    await process.StandardInput.WriteAsync("\0".AsMemory(), timeout.Token);
                    await process.StandardInput.FlushAsync(timeout.Token);
                }
                catch
                {
                    // The process is stopped below, which ends the read; its outcome is of no further interest.
                    _ = answer.ContinueWith(static read => read.Exception, TaskScheduler.Default);
                    throw;
                }

                return await answer;
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or EndOfStreamException)
            {
                // Half a request or half an answer may be in the pipes: the process cannot be trusted with the next one.
                Stop();
                cancellationToken.ThrowIfCancellationRequested();
                throw new TranslationEngineException(
                    ex is OperationCanceledException ? $"{what} did not answer within {callTimeout.TotalSeconds:0.###} s and was killed" : $"{what} died: {ex.Message}",
                    true,
                    ex);
            }
        }
        finally
        {
            _lastCallEnded = _clock.GetTimestamp();
            _lock.Release();
        }
    }

    /// <summary>
    /// Stops the process when no call has used it for <paramref name="idleTimeout"/> (a call in progress is never
    /// interrupted); the next call starts it again. Returns whether it stopped one.
    /// </summary>
    public bool StopIfIdle(TimeSpan idleTimeout)
    {
        if (!_lock.Wait(0))
        {
            return false;
        }

        try
        {
            if (_process is null || _clock.GetElapsedTime(_lastCallEnded) < idleTimeout)
            {
                return false;
            }

            Stop();
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _lock.Wait();
        try
        {
            _disposed = true;
            Stop();
        }
        finally
        {
            _lock.Release();
        }
    }

    private Process Start()
    {
        Stop();
        var process = ApertiumProcess.Start(command, arguments);
        // Warnings on stderr are logged, not left to fill the pipe and stall the program.
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                logger.LogDebug("{What}: {Line}", what, e.Data);
            }
        };
        process.BeginErrorReadLine();
        Starts++;
        logger.LogDebug("{What}: started process {Pid}", what, process.Id);
        return _process = process;
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        ApertiumProcess.Kill(_process, logger);
        _process.Dispose();
        _process = null;
    }

    private static async Task<string> ReadAnswerAsync(StreamReader output, CancellationToken cancellationToken)
    {
        // One request at a time, so nothing follows the answer's NUL; the answer is read up to it.
        var answer = new StringBuilder();
        var buffer = new char[8192];
        while (true)
        {
            var read = await output.ReadAsync(buffer.AsMemory(), cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("the process closed its output before answering");
            }

            var end = Array.IndexOf(buffer, '\0', 0, read);
            if (end >= 0)
            {
                return answer.Append(buffer, 0, end).ToString();
            }

            answer.Append(buffer, 0, read);
        }
    }
}
