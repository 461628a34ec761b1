namespace Localize.Core.Workflow;

/// <summary>
/// The work waiting for a machine: translations to make (claimed under a lease, so workers sharing a database never
/// take the same segment) and targets waiting for a back-translation.
/// </summary>
public interface ITranslationQueue
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> translations waiting for a machine (new or outdated) in one locale, oldest
    /// first, for this worker: they are leased to it, so another worker sharing the database does not take them until
    /// the lease runs out (the worker died) or a saved transition ends it. Claims by this worker are returned again.
    /// </summary>
    Task<IReadOnlyList<PendingSegment>> ClaimPendingMachineTranslationAsync(string locale, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back this worker's unfinished claims (when it stops), so that another worker, or this one restarted, need
    /// not wait for them to expire. A worker that is killed cannot, and its claims expire instead.
    /// </summary>
    Task ReleaseClaimsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The translations waiting for a machine that another worker has claimed and whose lease has not yet run out (a
    /// worker busy with them, or one that died holding them), and when the last of those leases ends.
    /// </summary>
    Task<LeasedWork> FindLeasedByOthersAsync(CancellationToken cancellationToken);

    /// <summary>Targets (in review or approved) whose back-translation is missing or was made from an older target.</summary>
    Task<IReadOnlyList<PendingSegment>> ListPendingBackTranslationAsync(string locale, int limit, CancellationToken cancellationToken);
}
