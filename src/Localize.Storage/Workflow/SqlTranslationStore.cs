using System.Data.Common;
using System.Text.Json;
using Dapper;
using Localize.Core.Audit;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>The translations, their notes and change records (SQL for SQLite and PostgreSQL).</summary>
public sealed class SqlTranslationStore(LocalizeDatabase database, TimeProvider clock, AuditKey auditKey) : ITranslationStore
{
    public async Task<SegmentTranslation?> GetTranslationAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await TranslationRows.LoadAsync(connection, null, translationId, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, SegmentTranslation>> GetTranslationsAsync(IReadOnlyCollection<long> translationIds, CancellationToken cancellationToken)
    {
        if (translationIds.Count == 0)
        {
            return new Dictionary<long, SegmentTranslation>();
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await TranslationRows.LoadManyAsync(connection, null, database.Dialect, translationIds, cancellationToken)).ToDictionary(t => t.Id);
    }

    public async Task<SegmentNeighbours> FindNeighboursAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Previous, string? Next)>(new CommandDefinition(
            $"SELECT {SqlTranslationQueue.NeighbourColumns} FROM translations t JOIN segments s ON s.id = t.segment_id WHERE t.id = @translationId",
            new { translationId },
            cancellationToken: cancellationToken));
        return new SegmentNeighbours(row.Previous, row.Next);
    }

    public Task SaveTranslationAsync(SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            TransactionKind.AuditedWrite,
            (connection, transaction) => TranslationRows.SaveAsync(connection, transaction, auditKey, clock.GetUtcNow(), translation, changes, cancellationToken),
            cancellationToken);

    public async Task<IReadOnlySet<long>> SaveTranslationsAsync(IReadOnlyList<TranslationSave> saves, CancellationToken cancellationToken)
    {
        if (saves.Count == 0)
        {
            return new HashSet<long>();
        }

        return await database.InTransactionAsync<IReadOnlySet<long>>(
            TransactionKind.AuditedWrite,
            async (connection, transaction) =>
            {
                var saved = new HashSet<long>();
                var now = clock.GetUtcNow();
                foreach (var save in saves)
                {
                    try
                    {
                        await TranslationRows.SaveAsync(connection, transaction, auditKey, now, save.Translation, save.Changes, cancellationToken);
                    }
                    catch (ConcurrencyConflictException)
                    {
                        // Nothing was written for it (its UPDATE matched no row), so the others still stand together.
                        continue;
                    }

                    await WriteNotesAsync(connection, transaction, save.Translation.Id, save.Notes, cancellationToken);
                    saved.Add(save.Translation.Id);
                }

                return saved;
            },
            cancellationToken);
    }

    public async Task SaveNotesAsync(long translationId, IReadOnlyList<SegmentNote> notes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await WriteNotesAsync(connection, null, translationId, notes, cancellationToken);
    }

    private static Task WriteNotesAsync(DbConnection connection, DbTransaction? transaction, long translationId, IReadOnlyList<SegmentNote> notes, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE translations SET notes = @notes WHERE id = @translationId",
            new { translationId, notes = JsonSerializer.Serialize(notes, StoreJson.Options) },
            transaction,
            cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<ChangeRecord>> ListChangesAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long TranslationId, string From, string To, string Actor, DateTimeOffset At, string Detail)>(new CommandDefinition(
            "SELECT translation_id, from_state, to_state, actor, at, detail FROM changes WHERE translation_id = @translationId ORDER BY id",
            new { translationId },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ChangeRecord(r.TranslationId, SegmentStateColumn.Read(r.From), SegmentStateColumn.Read(r.To), r.Actor, r.At, r.Detail)).ToArray();
    }
}
