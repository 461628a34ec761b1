using System.Collections.Concurrent;
using Localize.Core.Translation;
using Microsoft.Extensions.Logging;

namespace Localize.Engines.Apertium;

/// <summary>
/// Each installed mode's translation pipeline (<c>lt-proc | apertium-tagger | … | lt-proc -p</c>) kept running between
/// calls in null-flush mode, as Apertium-APy serves it: starting the <c>apertium</c> command loads every dictionary and
/// rule file again, about a second of CPU per call whatever it carries, which a 200-article run paid some forty times.
/// The pipeline is the mode's own, as <c>apertium-wblank-mode -z</c> writes it for the <c>apertium</c> command; the
/// HTML around it is taken apart and put back by Apertium's own <c>apertium-deshtml</c> and <c>apertium-rehtml</c>,
/// small programs that read no data and cannot run null-flush, once per call. So a call answers exactly as
/// <c>apertium -f html</c> does. One pipeline serves one call at a time; concurrent calls of a mode get one each.
/// A pipeline holds its dictionaries in memory (about 200 MB for eng-spa), so one left idle for
/// <see cref="ApertiumOptions.PipelineIdleTimeout"/> is stopped, and started again by the next call.
/// </summary>
internal sealed class ApertiumModePipelines : IDisposable
{
    private const string ModeScriptCommand = "apertium-wblank-mode";
    private const string Deformatter = "apertium-deshtml";
    private const string Reformatter = "apertium-rehtml";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentBag<NullFlushProcess>> _idle = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<NullFlushProcess> _all = [];
    private readonly ApertiumOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly ITimer _idleSweep;
    private bool _disposed;

    public ApertiumModePipelines(ApertiumOptions options, ILogger logger, TimeProvider clock)
    {
        _options = options;
        _logger = logger;
        _clock = clock;
        var idle = options.PipelineIdleTimeout;
        var every = idle > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(250).Ticks, idle.Ticks / 4)) : Timeout.InfiniteTimeSpan;
        _idleSweep = clock.CreateTimer(_ => StopIdle(), null, every, every);
    }

    /// <summary>Pipelines started so far, restarts included; lets a test see that one start serves many calls.</summary>
    internal int Starts
    {
        get
        {
            lock (_all)
            {
                return _all.Sum(p => p.Starts);
            }
        }
    }

    /// <summary>Ids of the running pipelines' shells; lets a test kill one as a crash would.</summary>
    internal IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_all)
            {
                return [.. _all.Select(p => p.ProcessId).OfType<int>()];
            }
        }
    }

    /// <summary>Translates an HTML document through the mode's running pipeline (started on first use).</summary>
    /// <exception cref="TranslationEngineException">A program could not start, died, or did not answer in time.</exception>
    public async Task<string> TranslateHtmlAsync(string mode, string html, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        var what = $"apertium {mode}";
        var stream = await ApertiumProcess.RunAsync(Deformatter, [], html, callTimeout, $"{what} ({Deformatter})", _logger, cancellationToken);
        var script = await _scripts.GetOrAdd(mode, m => new Lazy<Task<string>>(() => ModeScriptAsync(m, callTimeout))).Value;
        var pipeline = Take(mode, script, what);
        string translated;
        try
        {
            translated = await pipeline.CallAsync(stream, callTimeout, cancellationToken);
        }
        finally
        {
            // A pipeline that failed stopped itself and starts afresh on its next call, so it goes back all the same.
            _idle[mode].Add(pipeline);
        }

        return await ApertiumProcess.RunAsync(Reformatter, [], translated, callTimeout, $"{what} ({Reformatter})", _logger, cancellationToken);
    }

    public void Dispose()
    {
        _idleSweep.Dispose();
        lock (_all)
        {
            _disposed = true;
            foreach (var pipeline in _all)
            {
                pipeline.Dispose();
            }
        }
    }

    private void StopIdle()
    {
        lock (_all)
        {
            foreach (var pipeline in _all)
            {
                if (pipeline.StopIfIdle(_options.PipelineIdleTimeout))
                {
                    _logger.LogDebug("An apertium pipeline idle for {Idle} was stopped", _options.PipelineIdleTimeout);
                }
            }
        }
    }

    private NullFlushProcess Take(string mode, string script, string what)
    {
        if (_idle.GetOrAdd(mode, _ => []).TryTake(out var idle))
        {
            return idle;
        }

        lock (_all)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // The mode's pipeline takes the generator's and the tagger's options as $1 and $2, as the apertium command
            // passes them: -g marks unknown words with '*' (the engine turns them into flags); no tagger option.
            // The programs read and write UTF-8 whatever the host's locale.
            var pipeline = new NullFlushProcess(_options.Shell, ["-c", "LC_CTYPE=C.UTF-8; export LC_CTYPE\n" + script, "sh", "-g", ""], what, _logger, _clock);
            _all.Add(pipeline);
            return pipeline;
        }
    }

    /// <summary>A failed attempt is not kept, so a mode installed later is tried again.</summary>
    private async Task<string> ModeScriptAsync(string mode, TimeSpan callTimeout)
    {
        try
        {
            var script = await ApertiumProcess.RunAsync(
                ModeScriptCommand, ["-z", Path.Combine(_options.ModesDirectory, mode + ".mode")], string.Empty, callTimeout, $"{ModeScriptCommand} {mode}", _logger, CancellationToken.None);
            return string.IsNullOrWhiteSpace(script)
                ? throw new TranslationEngineException($"{ModeScriptCommand} wrote no pipeline for {mode}", false)
                : script;
        }
        catch
        {
            _scripts.TryRemove(mode, out _);
            throw;
        }
    }
}
