using Dapper;
using Localize.Core.Workflow;
using Localize.Storage.Publishing;

namespace Localize.Storage.Workflow;

/// <summary>The article × locale matrix (SQL for SQLite and PostgreSQL), filtered by the database to what the caller asks for.</summary>
public sealed class SqlStatusQueries(LocalizeDatabase database) : IStatusQueries
{
    public Task<IReadOnlyList<ArticleLocaleStatus>> ListStatusAsync(CancellationToken cancellationToken) =>
        ReadAsync(pipeline: null, slug: null, locale: null, cancellationToken);

    public Task<IReadOnlyList<ArticleLocaleStatus>> ListStatusAsync(string pipeline, CancellationToken cancellationToken) =>
        ReadAsync(pipeline, slug: null, locale: null, cancellationToken);

    public async Task<ArticleLocaleStatus?> FindStatusAsync(string slug, string locale, CancellationToken cancellationToken) =>
        (await ReadAsync(pipeline: null, slug, locale, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<ArticleLocaleStatus>> ReadAsync(string? pipeline, string? slug, string? locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Slug, string Pipeline, string Title, string SourceHash, string Locale, string State, long Count, long Words, DateTimeOffset UpdatedAt)>(
            new CommandDefinition(
                """
                SELECT a.slug, a.pipeline, a.title, a.source_hash, t.locale, t.state, COUNT(*), CAST(SUM(s.words) AS BIGINT), MAX(t.updated_at)
                FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
                WHERE (@pipeline IS NULL OR a.pipeline = @pipeline) AND (@slug IS NULL OR a.slug = @slug) AND (@locale IS NULL OR t.locale = @locale)
                GROUP BY a.id, t.locale, t.state
                """,
                new { pipeline, slug, locale },
                cancellationToken: cancellationToken));
        var latest = (await PublicationRows.ListLatestAsync(connection, slug, locale, cancellationToken)).ToDictionary(p => (p.Slug, p.Locale));
        return rows
            .GroupBy(r => (r.Slug, r.Locale))
            .Select(g =>
            {
                var first = g.First();
                latest.TryGetValue(g.Key, out var publication);
                return new ArticleLocaleStatus(
                    first.Slug,
                    first.Pipeline,
                    first.Title,
                    first.Locale,
                    (int)g.Sum(r => r.Count),
                    (int)g.Sum(r => r.Words),
                    g.ToDictionary(r => SegmentStateColumn.Read(r.State), r => (int)r.Count),
                    publication?.Version,
                    publication is not null && publication.SourceHash != first.SourceHash,
                    g.Max(r => r.UpdatedAt));
            })
            .OrderBy(s => s.Slug, StringComparer.Ordinal)
            .ThenBy(s => s.Locale, StringComparer.Ordinal)
            .ToArray();
    }
}
