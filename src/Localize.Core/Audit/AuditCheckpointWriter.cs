using Microsoft.Extensions.Logging;

namespace Localize.Core.Audit;

/// <summary>
/// Writes a checkpoint of the trail's head after every publish and on the worker's hourly timer. Needs one indexed
/// read (the last record), so it costs the same whatever the trail's length; writes nothing when the head has not
/// moved since this process's last checkpoint.
/// </summary>
public sealed class AuditCheckpointWriter(IAuditTrailStore trail, AuditCheckpointLog log, TimeProvider clock, ILogger<AuditCheckpointWriter> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private long _lastWritten;

    /// <summary>The checkpoint written, or null when the trail is empty or its head is already checkpointed.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var head = await trail.ReadHeadAsync(cancellationToken);
            if (head is null || head.Id == _lastWritten)
            {
                return null;
            }

            var checkpoint = new AuditCheckpoint(clock.GetUtcNow(), head.Id, head.Hash);
            await log.AppendAsync(checkpoint, cancellationToken);
            _lastWritten = head.Id;
            logger.LogDebug("Audit checkpoint: record {Sequence}", head.Id);
            return checkpoint;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
