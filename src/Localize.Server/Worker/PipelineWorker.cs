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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = WatchRepository();
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

    /// <summary>Wakes the worker when something under the repository root changes, except its own output and data.</summary>
    private FileSystemWatcher? WatchRepository()
    {
        var root = options.Value.ResolvedRoot;
        if (!Directory.Exists(root))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName };
        FileSystemEventHandler changed = (_, e) =>
        {
            var relative = Path.GetRelativePath(root, e.FullPath).Replace('\\', '/');
            if (relative.StartsWith("content/", StringComparison.Ordinal) || relative.StartsWith("pipelines/", StringComparison.Ordinal)
                || catalog.Pipelines.Any(p => relative.StartsWith(p.Source.Folder + "/", StringComparison.Ordinal)))
            {
                _wake.Release();
            }
        };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (sender, e) => changed(sender, e);
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException ex)
        {
            // inotify limits on busy machines: polling still works, just slower.
            logger.LogWarning("Cannot watch {Root} for changes ({Reason}); polling every {Interval}", root, ex.Message, options.Value.PollInterval);
            watcher.Dispose();
            return null;
        }

        return watcher;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
