using Localize.Core.Audit;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>The audit trail and the rows it binds, read for <see cref="AuditVerifier"/> (SQLite or PostgreSQL).</summary>
public sealed class SqlAuditTrailStore(LocalizeDatabase database) : IAuditTrailStore
{
    public async Task<AuditRecord?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await SqliteAuditTrail.ReadHeadAsync(connection);
    }

    public async Task<(IReadOnlyList<AuditRecord> Trail, IReadOnlyList<BoundRow> Rows)> ReadTrailAndRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One snapshot: a row saved by a working worker between two separate reads would look written outside the trail.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var trail = await SqliteAuditTrail.ReadAsync(connection, transaction);
        var rows = await SqlAuditRows.ListAsync(connection, transaction, null, null);
        await transaction.CommitAsync(cancellationToken);
        return (trail, rows);
    }

    public async Task<IReadOnlyList<(BoundRow Row, AuditRecord? Last)>> ReadArticleBindingAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One snapshot for the rows and their records, so a save between the two reads is not taken for tampering.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var rows = await SqlAuditRows.ListAsync(connection, transaction, slug, locale);
        var signatureKeys = rows.Where(r => r.Key.StartsWith(AuditRows.SignaturesTable + ":", StringComparison.Ordinal)).Select(r => r.Key).ToArray();
        var last = (await SqliteAuditTrail.ReadLastForRowsAsync(
                connection,
                transaction,
                $"{SqlAuditRows.ArticleTranslationKeys} UNION ALL SELECT row_key FROM changes WHERE row_key = @signatureKey",
                new { slug, locale, signatureKey = signatureKeys.FirstOrDefault() ?? string.Empty }))
            .ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        await transaction.CommitAsync(cancellationToken);
        return [.. rows.Select(r => (r, last.GetValueOrDefault(r.Key)))];
    }
}
