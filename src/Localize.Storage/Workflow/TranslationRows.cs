using System.Data.Common;
using System.Text.Json;
using Dapper;
using Localize.Core.Audit;
using Localize.Core.Workflow;
using Row = (long Id, long SegmentId, string Locale, string State, string? Target, string? MachineTarget, string? EngineId, string Approvers, long Version, string? EditedBy);

namespace Localize.Storage.Workflow;

/// <summary>
/// Reads and saves one translation row inside the caller's audited write transaction: shared by
/// <see cref="SqlTranslationStore"/> (a transition) and <see cref="SqlArticleStore"/> (a source edit outdating or
/// mechanically updating translations).
/// </summary>
internal static class TranslationRows
{
    private const string Columns = "id, segment_id, locale, state, target_text, machine_text, engine_id, approvers, version, edited_by";

    public static async Task<SegmentTranslation?> LoadAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition($"SELECT {Columns} FROM translations WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        return row.Locale is null ? null : ToTranslation(row);
    }

    public static async Task<IReadOnlyList<SegmentTranslation>> LoadManyAsync(
        DbConnection connection, DbTransaction? transaction, SqlDialect dialect, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(
            new CommandDefinition($"SELECT {Columns} FROM translations WHERE {dialect.InListParameter("id", "@ids")}", new { ids = dialect.ListParameter(ids) }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(ToTranslation)];
    }

    /// <summary>
    /// Saves a translation after a transition with its change records appended to the audit chain. Refused with
    /// <see cref="ConcurrencyConflictException"/> when someone saved it since it was read.
    /// </summary>
    public static async Task SaveAsync(
        DbConnection connection, DbTransaction transaction, AuditKey auditKey, DateTimeOffset now, SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE translations SET state = @state, target_text = @Target, machine_text = @MachineTarget, engine_id = @EngineId,
                   approvers = @approvers, edited_by = @EditedBy, version = version + 1, updated_at = @now,
                   lease_owner = NULL, lease_until = NULL
            WHERE id = @Id AND version = @Version
            """,
            new
            {
                state = SegmentStateColumn.Write(translation.State),
                translation.Target,
                translation.MachineTarget,
                translation.EngineId,
                translation.EditedBy,
                approvers = JsonSerializer.Serialize(translation.Approvers, StoreJson.Options),
                now,
                translation.Id,
                translation.Version,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new ConcurrencyConflictException($"translation {translation.Id} was changed by someone else since it was read");
        }

        // Each record binds the row as this save leaves it (the UPDATE above moved its version on by one).
        var rowKey = AuditRows.TranslationKey(translation.Id);
        var rowDigest = AuditRows.TranslationDigest(translation.State, translation.Target, translation.Version + 1, translation.Approvers);

        // The words belong to the first change of a save: the one that made them (a machine fill, then "queued for review").
        var firstChange = 0L;
        foreach (var change in changes)
        {
            var id = await SqlAuditTrail.AppendAsync(
                connection, transaction, auditKey, change.TranslationId, $"translation:{change.TranslationId}", SegmentStateColumn.Write(change.From), SegmentStateColumn.Write(change.To), change.Actor, change.At, change.Detail,
                rowKey, rowDigest, cancellationToken);
            firstChange = firstChange == 0 ? id : firstChange;
        }

        if (firstChange > 0)
        {
            await RecordTextAsync(connection, transaction, translation.Id, firstChange, cancellationToken);
        }
    }

    /// <summary>
    /// Keeps the words beside the change record that changed them (target or source differs from the last kept
    /// version), so the history can show each edit against the text it replaced, the machine's first.
    /// </summary>
    private static Task RecordTextAsync(DbConnection connection, DbTransaction transaction, long translationId, long changeId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO translation_texts (translation_id, change_id, source_text, target_text)
            SELECT t.id, @changeId, s.source_text, t.target_text
            FROM translations t JOIN segments s ON s.id = t.segment_id
            WHERE t.id = @translationId AND NOT EXISTS (
                SELECT 1 FROM translation_texts x
                WHERE x.id = (SELECT MAX(id) FROM translation_texts WHERE translation_id = @translationId)
                  AND x.source_text = s.source_text AND COALESCE(x.target_text, '') = COALESCE(t.target_text, ''))
            """,
            new { translationId, changeId },
            transaction,
            cancellationToken: cancellationToken));

    private static SegmentTranslation ToTranslation(Row row) =>
        new(row.Id, row.SegmentId, row.Locale, SegmentStateColumn.Read(row.State), row.Target, row.MachineTarget, row.EngineId,
            JsonSerializer.Deserialize<string[]>(row.Approvers, StoreJson.Options) ?? [], (int)row.Version, row.EditedBy);
}
