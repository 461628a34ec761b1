using Dapper;
using Localize.Core.Workflow;
using System.Data.Common;

namespace Localize.Storage.Workflow;

/// <summary>
/// The only way a record enters the <c>changes</c> table: appended at the end of the hash chain, inside the caller's
/// write transaction, begun with <see cref="LocalizeDatabase.BeginAuditedWriteAsync"/> so that two writers never extend
/// the chain from the same record.
/// </summary>
internal static class SqliteAuditTrail
{
    /// <returns>The id of the record appended.</returns>
    public static async Task<long> AppendAsync(
        DbConnection connection, DbTransaction transaction, long translationId, string subject, string from, string to, string actor, DateTimeOffset at, string detail)
    {
        var last = await connection.QuerySingleOrDefaultAsync<(long Id, string Hash)>(
            "SELECT id, hash FROM changes ORDER BY id DESC LIMIT 1", transaction: transaction);
        var record = new AuditRecord(last.Id + 1, subject, from, to, actor, at, detail, last.Hash ?? string.Empty, string.Empty);
        await connection.ExecuteAsync(
            """
            INSERT INTO changes (id, translation_id, subject, from_state, to_state, actor, at, detail, previous_hash, hash)
            VALUES (@Id, @translationId, @Subject, @From, @To, @Actor, @at, @Detail, @PreviousHash, @hash)
            """,
            new { record.Id, translationId, record.Subject, record.From, record.To, record.Actor, at = SqliteTime.Format(at), record.Detail, record.PreviousHash, hash = AuditChain.Hash(record, record.PreviousHash) },
            transaction);
        return record.Id;
    }

    public static async Task<IReadOnlyList<AuditRecord>> ReadAsync(DbConnection connection, DbTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync<(long Id, string Subject, string From, string To, string Actor, string At, string Detail, string PreviousHash, string Hash)>(
            "SELECT id, subject, from_state, to_state, actor, at, detail, previous_hash, hash FROM changes ORDER BY id",
            transaction: transaction);
        return rows.Select(r => new AuditRecord(r.Id, r.Subject, r.From, r.To, r.Actor, SqliteTime.Parse(r.At), r.Detail, r.PreviousHash, r.Hash)).ToArray();
    }

    /// <summary>Chains records written before the chain existed (a database from an earlier version), once.</summary>
    public static async Task SealUnchainedAsync(LocalizeDatabase database, DbConnection connection, CancellationToken cancellationToken)
    {
        // Every start runs this: without unchained records, it must not read the whole trail under the writers' lock.
        if (!await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM changes WHERE hash = '')"))
        {
            return;
        }

        await using var transaction = await database.BeginAuditedWriteAsync(connection, cancellationToken);
        var trail = await ReadAsync(connection, transaction);
        var previous = string.Empty;
        foreach (var record in trail)
        {
            if (record.Hash.Length == 0)
            {
                var hash = AuditChain.Hash(record with { PreviousHash = previous }, previous);
                await connection.ExecuteAsync(
                    "UPDATE changes SET previous_hash = @previous, hash = @hash WHERE id = @Id",
                    new { previous, hash, record.Id },
                    transaction);
                previous = hash;
            }
            else
            {
                previous = record.Hash;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
