using Localize.Core.Audit;
using Localize.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Localize.Server.Worker;

/// <summary>
/// Anchors the audit trail's head in the content store at start and every <see cref="AuditOptions.CheckpointInterval"/>
/// (an hour by default), so that records written between publishes cannot be deleted unnoticed for longer than that.
/// </summary>
public sealed class AuditCheckpointService(AuditCheckpointWriter writer, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    // Off the socket engine's thread, whatever completes what it awaits (see ThreadPoolContext).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => ThreadPoolContext.Run(() => CheckpointAsync(stoppingToken));

    private async Task CheckpointAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock);
        do
        {
            try
            {
                await writer.WriteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The content store is down: the next tick tries again; the trail itself is untouched.
                logger.LogError(ex, "Could not write the audit checkpoint; retrying in {Interval}", options.Value.CheckpointInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
