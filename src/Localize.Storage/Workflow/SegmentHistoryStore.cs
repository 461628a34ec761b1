using Dapper;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>
/// Reads a segment's history (SQL for both databases): the change records of the audit trail, joined with the texts
/// <see cref="SqlTranslationStore"/> keeps beside the records that changed the words.
/// </summary>
public sealed class SegmentHistoryStore(LocalizeDatabase database) : ISegmentHistoryStore
{
    public async Task<IReadOnlyList<SegmentHistoryEntry>> ListHistoryAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT c.from_state AS FromState, c.to_state AS ToState, c.actor AS Actor, c.at AS At, c.detail AS Detail,
                   x.source_text AS Source, x.target_text AS Target, x.id AS TextId
            FROM changes c LEFT JOIN translation_texts x ON x.change_id = c.id AND x.translation_id = c.translation_id
            WHERE c.translation_id = @translationId
            ORDER BY c.id
            """,
            new { translationId }, cancellationToken: cancellationToken));
        return rows.Select(r => new SegmentHistoryEntry(
            new ChangeRecord(translationId, Enum.Parse<SegmentState>(r.FromState), Enum.Parse<SegmentState>(r.ToState), r.Actor, r.At, r.Detail),
            r.TextId is null ? null : new SegmentText(r.Source!, r.Target))).ToArray();
    }

    public async Task<IReadOnlyDictionary<long, string>> ListEarlierSourcesAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long TranslationId, string Source)>(new CommandDefinition(
            """
            SELECT x.translation_id, x.source_text
            FROM translation_texts x
            JOIN translations t ON t.id = x.translation_id
            JOIN segments s ON s.id = t.segment_id
            JOIN articles a ON a.id = s.article_id
            WHERE a.slug = @slug AND t.locale = @locale AND x.source_text <> s.source_text
            ORDER BY x.id
            """,
            new { slug, locale }, cancellationToken: cancellationToken));

        // The last source before the change: later rows of the same translation overwrite earlier ones.
        var earlier = new Dictionary<long, string>();
        foreach (var (translationId, source) in rows)
        {
            earlier[translationId] = source;
        }

        return earlier;
    }

    // Settable properties: Dapper cannot match a constructor to columns that are NULL when there is no text row.
    private sealed class HistoryRow
    {
        public string FromState { get; init; } = string.Empty;
        public string ToState { get; init; } = string.Empty;
        public string Actor { get; init; } = string.Empty;
        public DateTimeOffset At { get; init; }
        public string Detail { get; init; } = string.Empty;
        public string? Source { get; init; }
        public string? Target { get; init; }
        public long? TextId { get; init; }
    }
}
