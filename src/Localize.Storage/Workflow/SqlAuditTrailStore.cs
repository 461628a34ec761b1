using Localize.Core.Audit;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>The audit trail and the rows it binds, read for <see cref="AuditVerifier"/> (SQLite or PostgreSQL).</summary>
public sealed class SqlAuditTrailStore(LocalizeDatabase database) : IAuditTrailStore
{
    public async Task<AuditRecord?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await SqlAuditTrail.ReadHeadAsync(connection, null, cancellationToken);
    }

    // One snapshot: a row saved by a working worker between two separate reads would look written outside the trail.
    public Task<(IReadOnlyList<AuditRecord> Trail, IReadOnlyList<BoundRow> Rows)> ReadTrailAndRowsAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            TransactionKind.Snapshot,
            async (connection, transaction) =>
            {
                var trail = await SqlAuditTrail.ReadAsync(connection, transaction, cancellationToken);
                var rows = await SqlAuditRows.ListAsync(connection, transaction, null, null, cancellationToken);
                return (trail, rows);
            },
            cancellationToken);

    // One snapshot for the rows and their records, so a save between the two reads is not taken for tampering.
    public Task<IReadOnlyList<(BoundRow Row, AuditRecord? Last)>> ReadArticleBindingAsync(string slug, string locale, CancellationToken cancellationToken) =>
        database.InTransactionAsync<IReadOnlyList<(BoundRow Row, AuditRecord? Last)>>(
            TransactionKind.Snapshot,
            async (connection, transaction) =>
            {
                var rows = await SqlAuditRows.ListAsync(connection, transaction, slug, locale, cancellationToken);
                var signatureKeys = rows.Where(r => r.Key.StartsWith(AuditRows.SignaturesTable + ":", StringComparison.Ordinal)).Select(r => r.Key).ToArray();
                var last = (await SqlAuditTrail.ReadLastForRowsAsync(
                        connection,
                        transaction,
                        $"{SqlAuditRows.ArticleTranslationKeys} UNION ALL SELECT row_key FROM changes WHERE row_key = @signatureKey",
                        new { slug, locale, signatureKey = signatureKeys.FirstOrDefault() ?? string.Empty },
                        cancellationToken))
                    .ToDictionary(r => r.RowKey, StringComparer.Ordinal);
                return [.. rows.Select(r => (r, last.GetValueOrDefault(r.Key)))];
            },
            cancellationToken);
}
