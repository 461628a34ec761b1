using Localize.Core.Pipelines;
using Localize.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Localize.Server.Worker;

/// <summary>
/// The worker: runs every pipeline (intake → machine translation → publish) as soon as a source or pipeline file
/// changes, and otherwise every poll interval, so approvals made in the web app or the CLI get published promptly.
/// </summary>
public sealed class PipelineWorker(
    FilePipelineCatalog catalog,
    PipelineRunner runner,
    IOptions<LocalizeOptions> options,
    ILogger<PipelineWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    // Off the socket engine's thread, whatever completes what it awaits (see ThreadPoolContext).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => ThreadPoolContext.Run(() => WorkAsync(stoppingToken));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        using var watchers = WatchSources();
        logger.LogInformation("Worker started on {Root}", options.Value.ResolvedRoot);
        while (!stoppingToken.IsCancellationRequested)
        {
            catalog.Reload();
            await runner.RunOnceAsync(stoppingToken);
            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);

                // Editors save in bursts (temp file, rename, touch): let the burst settle, then run once for all of it.
                await Task.Delay(TimeSpan.FromMilliseconds(300), stoppingToken);
                while (_wake.CurrentCount > 0)
                {
                    await _wake.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Wakes the worker when a pipeline file or a source file (article or .resx) changes. Only those folders are watched: the repository
    /// also holds build output, the database and installed tools, whose churn would exhaust inotify for nothing.
    /// </summary>
    private CompositeDisposable WatchSources()
    {
        var root = options.Value.ResolvedRoot;
        var folders = catalog.Pipelines.SelectMany(p => p.Strings.Select(s => s.Folder).Prepend(p.Source.Folder)).Append("pipelines").Distinct(StringComparer.Ordinal);
        var watchers = new CompositeDisposable();
        foreach (var folder in folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName,
            };
            FileSystemEventHandler changed = (_, _) => _wake.Release();
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (sender, e) => changed(sender, e);
            try
            {
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (IOException ex)
            {
                // inotify limits on busy machines: polling still works, just slower.
                logger.LogWarning("Cannot watch {Folder} for changes ({Reason}); polling every {Interval}", folder, ex.Message, options.Value.PollInterval);
                watcher.Dispose();
            }
        }

        return watchers;
    }

    /// <summary>Disposes a set of watchers together.</summary>
    private sealed class CompositeDisposable : List<IDisposable>, IDisposable
    {
        public void Dispose() => ForEach(d => d.Dispose());
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
