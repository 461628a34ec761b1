using Dapper;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;

namespace Localize.Storage.Review;

/// <summary>Segments as reviewers see them (SQL for SQLite and PostgreSQL).</summary>
public sealed class SqlReviewQueries(LocalizeDatabase database) : IReviewQueries
{
    public async Task<ReviewItem?> FindReviewItemAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewItemRows.Row>(new CommandDefinition(
            $"SELECT {ReviewItemRows.Columns} WHERE t.id = @translationId", new { translationId }, cancellationToken: cancellationToken));
        return rows.Select(ReviewItemRows.ToReviewItem).FirstOrDefault();
    }

    public Task<IReadOnlyList<ReviewItem>> ListReviewQueueAsync(string? locale, string? slug, CancellationToken cancellationToken) =>
        ListInStateAsync(SegmentState.InReview, locale, slug, cancellationToken);

    public async Task<IReadOnlyList<ReviewItem>> ListInStateAsync(SegmentState state, string? locale, string? slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewItemRows.Row>(new CommandDefinition(
            $"""
            SELECT {ReviewItemRows.Columns}
            WHERE t.state = @state AND (@locale IS NULL OR t.locale = @locale) AND (@slug IS NULL OR a.slug = @slug)
            ORDER BY t.updated_at, a.slug, t.locale, s.ordinal
            """,
            new { state = SegmentStateColumn.Write(state), locale, slug },
            cancellationToken: cancellationToken));
        return rows.Select(ReviewItemRows.ToReviewItem).ToArray();
    }

    public async Task<IReadOnlyList<ReviewItem>> ListArticleSegmentsAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewItemRows.Row>(new CommandDefinition(
            $"SELECT {ReviewItemRows.Columns} WHERE a.slug = @slug AND t.locale = @locale ORDER BY s.ordinal",
            new { slug, locale },
            cancellationToken: cancellationToken));
        return rows.Select(ReviewItemRows.ToReviewItem).ToArray();
    }
}
