using Dapper;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>
/// The work waiting for a machine (SQL for SQLite and PostgreSQL): claims are leases held by this process
/// (<see cref="WorkLease"/>), so workers sharing a database never translate the same segment twice.
/// </summary>
public sealed class SqlTranslationQueue(LocalizeDatabase database, TimeProvider clock, WorkLease lease) : ITranslationQueue
{
    // Ordinals are dense (0, 1, 2 … in document order) after every save, so a neighbour is ordinal ± 1.
    internal const string NeighbourColumns = """
        (SELECT p.source_text FROM segments p WHERE p.article_id = s.article_id AND p.ordinal = s.ordinal - 1),
        (SELECT n.source_text FROM segments n WHERE n.article_id = s.article_id AND n.ordinal = s.ordinal + 1)
        """;

    public async Task<IReadOnlyList<PendingSegment>> ClaimPendingMachineTranslationAsync(string locale, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // One statement picks and leases the batch, so no two workers ever hold the same segment. PostgreSQL skips the
        // rows another worker is claiming or saving this instant (SKIP LOCKED) instead of waiting for them; SQLite has
        // one writer, so the statement alone is the claim. Rows leased by this worker are taken again (a retry after a
        // failed engine call); a dead worker's rows come back when its lease runs out.
        var candidates = $"""
            SELECT c.id FROM translations c
            WHERE c.locale = @locale AND {database.Dialect.InList("c.state", "@pending")}
              AND (c.lease_until IS NULL OR c.lease_until < @now OR c.lease_owner = @owner)
            ORDER BY c.updated_at, c.id LIMIT @limit
            {(database.Dialect == SqlDialect.PostgreSql ? "FOR UPDATE SKIP LOCKED" : string.Empty)}
            """;
        var claimed = (await connection.QueryAsync<long>(new CommandDefinition(
            $"UPDATE translations SET lease_owner = @owner, lease_until = @until WHERE id IN ({candidates}) RETURNING id",
            new { locale, limit, pending = SegmentStateColumn.Pending, owner = lease.Owner, now, until = now + lease.Duration },
            cancellationToken: cancellationToken))).ToArray();
        if (claimed.Length == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(long TranslationId, long SegmentId, string Slug, string Source, string? Previous, string? Next)>(new CommandDefinition(
            $"""
            SELECT t.id, s.id, a.slug, s.source_text, {NeighbourColumns}
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            WHERE {database.Dialect.InListParameter("t.id", "@claimed")}
            ORDER BY t.updated_at, t.id
            """,
            new { claimed = database.Dialect.ListParameter(claimed) },
            cancellationToken: cancellationToken));
        return rows.Select(r => new PendingSegment(r.TranslationId, r.SegmentId, r.Slug, r.Source) { PreviousSource = r.Previous, NextSource = r.Next }).ToArray();
    }

    public async Task ReleaseClaimsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE translations SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner",
            new { owner = lease.Owner },
            cancellationToken: cancellationToken));
    }

    public async Task<LeasedWork> FindLeasedByOthersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Count, DateTimeOffset? Until)>(new CommandDefinition(
            """
            SELECT COUNT(*), MAX(lease_until) FROM translations
            WHERE state IN ('New', 'Outdated') AND lease_owner IS NOT NULL AND lease_owner <> @owner AND lease_until >= @now
            """,
            new { owner = lease.Owner, now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return new LeasedWork((int)row.Count, row.Until);
    }

    public async Task<IReadOnlyList<PendingSegment>> ListPendingBackTranslationAsync(string locale, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingSegment>(new CommandDefinition(
            $"""
            SELECT t.id AS TranslationId, s.id AS SegmentId, a.slug AS Slug, t.target_text AS Source
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            WHERE t.locale = @locale AND {database.Dialect.InList("t.state", "@reviewed")} AND t.target_text IS NOT NULL
              AND (t.back_translated_target IS NULL OR t.back_translated_target <> t.target_text)
            ORDER BY t.updated_at, t.id LIMIT @limit
            """,
            new { locale, limit, reviewed = SegmentStateColumn.Reviewed },
            cancellationToken: cancellationToken));
        return rows.ToArray();
    }
}
