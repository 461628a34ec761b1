using Localize.Core.Audit;

namespace Localize.Storage.Workflow;

/// <summary>
/// Brings the database up to date at start-up: the migrations (<see cref="LocalizeDatabase.MigrateAsync"/>), then the
/// audit trail's one-time upgrades (chaining records older than the chain, the cut-over to a keyed chain), and refuses
/// to start with an audit key other than the one that sealed the trail.
/// </summary>
public sealed class SqlSchema(LocalizeDatabase database, TimeProvider clock, AuditKey auditKey)
{
    /// <summary>Creates or upgrades the schema (idempotent).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await SqlAuditTrail.SealUnchainedAsync(database, connection, cancellationToken);
        await SqlAuditTrail.CutOverAsync(database, connection, auditKey, clock.GetUtcNow(), cancellationToken);
        await SqlAuditTrail.EnsureSameKeyAsync(connection, auditKey, cancellationToken);
    }
}
