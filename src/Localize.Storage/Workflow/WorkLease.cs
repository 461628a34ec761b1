namespace Localize.Storage.Workflow;

/// <summary>
/// Who this worker is when it claims work, and for how long a claim holds. The duration must outlast one batch
/// (claim, engine call, save); a worker killed mid-batch delays that batch by at most this long, after which any worker
/// takes it over.
/// </summary>
public sealed record WorkLease(string Owner, TimeSpan Duration)
{
    /// <summary>A name unique to this process: host, process id and a random part (a restarted worker is a new owner).</summary>
    public static WorkLease ForThisProcess(TimeSpan duration) =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}", duration);
}
