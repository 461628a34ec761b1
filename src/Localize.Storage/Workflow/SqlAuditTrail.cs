using System.Data.Common;
using Dapper;
using Localize.Core.Audit;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>
/// The only way a record enters the <c>changes</c> table: appended at the end of the chain, sealed with the audit key,
/// inside the caller's write transaction, begun with <see cref="LocalizeDatabase.BeginAuditedWriteAsync"/> so that two
/// writers never extend the chain from the same record. Costs one indexed read of the last record and one insert.
/// </summary>
internal static class SqlAuditTrail
{
    private const string RecordColumns =
        "id AS Id, subject AS Subject, from_state AS FromState, to_state AS ToState, actor AS Actor, at AS At, detail AS Detail, "
        + "previous_hash AS PreviousHash, hash AS Hash, row_key AS RowKey, row_digest AS RowDigest";

    /// <returns>The id of the record appended.</returns>
    public static async Task<long> AppendAsync(
        DbConnection connection, DbTransaction transaction, AuditKey key, long translationId, string subject, string from, string to, string actor, DateTimeOffset at, string detail,
        string rowKey, string rowDigest, CancellationToken cancellationToken)
    {
        var last = await connection.QuerySingleOrDefaultAsync<(long Id, string Hash)>(new CommandDefinition(
            "SELECT id, hash FROM changes ORDER BY id DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
        // Sealed as stored: the time the database will give back to whoever verifies the record.
        var record = new AuditRecord(last.Id + 1, subject, from, to, actor, SqlTime.Stored(at), detail, last.Hash ?? string.Empty, string.Empty) { RowKey = rowKey, RowDigest = rowDigest };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO changes (id, translation_id, subject, from_state, to_state, actor, at, detail, previous_hash, hash, row_key, row_digest)
            VALUES (@Id, @translationId, @Subject, @From, @To, @Actor, @at, @Detail, @PreviousHash, @hash, @RowKey, @RowDigest)
            """,
            new
            {
                record.Id, translationId, record.Subject, record.From, record.To, record.Actor, at = record.At, record.Detail, record.PreviousHash,
                hash = AuditChain.Seal(record, record.PreviousHash, key), record.RowKey, record.RowDigest,
            },
            transaction,
            cancellationToken: cancellationToken));
        return record.Id;
    }

    public static async Task<IReadOnlyList<AuditRecord>> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RecordRow>(new CommandDefinition(
            $"SELECT {RecordColumns} FROM changes ORDER BY id", transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(ToRecord).ToArray();
    }

    public static async Task<AuditRecord?> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RecordRow>(new CommandDefinition(
            $"SELECT {RecordColumns} FROM changes ORDER BY id DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(ToRecord).FirstOrDefault();
    }

    /// <summary>The last record written for each of the rows <paramref name="rowKeysSql"/> selects (a subquery of row keys).</summary>
    public static async Task<IReadOnlyList<AuditRecord>> ReadLastForRowsAsync(
        DbConnection connection, DbTransaction? transaction, string rowKeysSql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RecordRow>(new CommandDefinition(
            $"""
            SELECT {RecordColumns} FROM changes
            WHERE id IN (SELECT MAX(id) FROM changes WHERE row_key IN ({rowKeysSql}) GROUP BY row_key)
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        return rows.Select(ToRecord).ToArray();
    }

    /// <summary>Chains records written before the chain existed (a database from an earlier version), once, with plain SHA-256.</summary>
    public static async Task SealUnchainedAsync(LocalizeDatabase database, DbConnection connection, CancellationToken cancellationToken)
    {
        // Every start runs this: without unchained records, it must not read the whole trail under the writers' lock.
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM changes WHERE hash = '')", cancellationToken: cancellationToken)))
        {
            return;
        }

        await using var transaction = await database.BeginAuditedWriteAsync(connection, cancellationToken);
        var trail = await ReadAsync(connection, transaction, cancellationToken);
        var previous = string.Empty;
        foreach (var record in trail)
        {
            if (record.Hash.Length == 0)
            {
                var hash = AuditChain.Hash(record with { PreviousHash = previous }, previous);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE changes SET previous_hash = @previous, hash = @hash WHERE id = @Id",
                    new { previous, hash, record.Id },
                    transaction,
                    cancellationToken: cancellationToken));
                previous = hash;
            }
            else
            {
                previous = record.Hash;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The cut-over of a database whose records are plain SHA-256 (marked by migration 0011), once: a keyed record that
    /// seals them (its MAC covers the hash of the last of them), then one keyed baseline record per row as it stands, so
    /// that from here on a row edited behind the application's back is found.
    /// </summary>
    public static async Task CutOverAsync(LocalizeDatabase database, DbConnection connection, AuditKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM audit_cutover)", cancellationToken: cancellationToken)))
        {
            return;
        }

        await using var transaction = await database.BeginAuditedWriteAsync(connection, cancellationToken);
        var lastPlain = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(last_plain_record) FROM audit_cutover", transaction: transaction, cancellationToken: cancellationToken));
        if (lastPlain is null)
        {
            return;  // another process did it first
        }

        await AppendAsync(
            connection, transaction, key, 0, "audit", string.Empty, string.Empty, "system", now,
            $"audit trail keyed from here with audit key {key.Id}: records 1–{lastPlain} keep their plain SHA-256 and are sealed by this record; the rows below are bound as they stand",
            string.Empty, string.Empty, cancellationToken);
        foreach (var row in await SqlAuditRows.ListAsync(connection, transaction, slug: null, locale: null, cancellationToken))
        {
            if (!row.MayBeUnrecorded)
            {
                await AppendAsync(connection, transaction, key, 0, "audit", string.Empty, string.Empty, "system", now, $"baseline at the cut-over: {row.Names}", row.Key, row.Digest, cancellationToken);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM audit_cutover", transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses to extend a trail whose last record another key sealed: every record written from here on would fail
    /// verification, so the process stops at start-up and says which key it needs.
    /// </summary>
    public static async Task EnsureSameKeyAsync(DbConnection connection, AuditKey key, CancellationToken cancellationToken)
    {
        var head = await ReadHeadAsync(connection, null, cancellationToken);
        if (head is not null && AuditKey.KeyIdOf(head.Hash) is { } keyId && keyId != key.Id)
        {
            throw new InvalidOperationException(
                $"The audit trail's last record ({head.Id}) is sealed with audit key {keyId}, but this process has audit key {key.Id}: "
                + "give every process the same key (Localize:Audit:Key, or the data folder's audit.key) before it writes to this database");
        }
    }

    private static AuditRecord ToRecord(RecordRow r) =>
        new(r.Id, r.Subject, r.FromState, r.ToState, r.Actor, r.At, r.Detail, r.PreviousHash, r.Hash) { RowKey = r.RowKey, RowDigest = r.RowDigest };

    // Settable properties rather than an eleven-element tuple, matched by the column aliases.
    private sealed class RecordRow
    {
        public long Id { get; init; }
        public string Subject { get; init; } = string.Empty;
        public string FromState { get; init; } = string.Empty;
        public string ToState { get; init; } = string.Empty;
        public string Actor { get; init; } = string.Empty;
        public DateTimeOffset At { get; init; }
        public string Detail { get; init; } = string.Empty;
        public string PreviousHash { get; init; } = string.Empty;
        public string Hash { get; init; } = string.Empty;
        public string RowKey { get; init; } = string.Empty;
        public string RowDigest { get; init; } = string.Empty;
    }
}
