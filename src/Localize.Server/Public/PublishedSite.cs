using Localize.Server.Hosting;
using Localize.Core.Publishing;
using Localize.Core.Workflow;
using Microsoft.Extensions.Options;

namespace Localize.Server.Public;

/// <summary>
/// Holds the current <see cref="SiteSnapshot"/> and rebuilds it in the background: at once when this process
/// publishes or rolls back (<see cref="IPublicationObserver"/>), and when the store's watermark moves (a source edit
/// that outdates a page, or the CLI in another process). Readers keep the old snapshot until the new one is whole.
/// </summary>
public sealed class PublishedSite(SiteBuilder builder, IPublicationStore publicationStore, IOptions<PublicSiteOptions> options, ILogger<PublishedSite> logger)
    : BackgroundService, IPublicationObserver
{
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _wake = new(0);
    private volatile SiteSnapshot _current = SiteSnapshot.Empty;

    /// <summary>The snapshot requests read; never blocks once the first build finished.</summary>
    public SiteSnapshot Current => _current;

    public Task Ready => _firstBuild.Task;

    /// <summary>
    /// The snapshot, once the first build is done: only the first requests after start wait, and at most ten seconds,
    /// after which a build that keeps failing serves the empty site rather than holding readers.
    /// </summary>
    public async ValueTask<SiteSnapshot> CurrentWhenReadyAsync()
    {
        if (!_firstBuild.Task.IsCompleted)
        {
            await Task.WhenAny(_firstBuild.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        }

        return _current;
    }

    public void Published(Publication publication) => _wake.Release();

    // Off the socket engine's thread, whatever completes what it awaits (see ThreadPoolContext).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => ThreadPoolContext.Run(() => RefreshAsync(stoppingToken));

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var watermark = await publicationStore.ReadPublishedWatermarkAsync(stoppingToken);
                if (watermark != _current.Watermark || !_firstBuild.Task.IsCompleted)
                {
                    _current = await builder.BuildAsync(stoppingToken);
                    _firstBuild.TrySetResult();
                    logger.LogDebug("Public site rebuilt: {Articles} articles in {Locales} locales", _current.Articles.Count, _current.IndexLocales.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A failed rebuild (a content store hiccup) keeps the previous pages online and tries again.
                logger.LogError(ex, "Could not rebuild the public site's pages; still serving the previous ones");
            }

            try
            {
                await _wake.WaitAsync(options.Value.RefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
