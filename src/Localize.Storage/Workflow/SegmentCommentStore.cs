using Dapper;
using Localize.Core.Review;

namespace Localize.Storage.Workflow;

/// <summary>Segment comment threads (SQL for both databases).</summary>
public sealed class SegmentCommentStore(LocalizeDatabase database) : ISegmentCommentStore
{
    private const string Columns = "translation_id AS TranslationId, slug AS Slug, locale AS Locale, author AS Author, at AS At, body AS Body";

    public async Task AddAsync(SegmentComment comment, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO segment_comments (translation_id, slug, locale, author, at, body) VALUES (@TranslationId, @Slug, @Locale, @Author, @at, @Body)",
            new { comment.TranslationId, comment.Slug, comment.Locale, comment.Author, at = comment.At, comment.Body }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SegmentComment>> ListForArticleAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long TranslationId, string Slug, string Locale, string Author, DateTimeOffset At, string Body)>(new CommandDefinition(
            $"SELECT {Columns} FROM segment_comments WHERE locale = @locale AND slug = @slug ORDER BY id", new { slug, locale }, cancellationToken: cancellationToken));
        return rows.Select(ToComment).ToArray();
    }

    public async Task<IReadOnlyList<SegmentComment>> ListForLocaleAsync(string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long TranslationId, string Slug, string Locale, string Author, DateTimeOffset At, string Body)>(new CommandDefinition(
            $"SELECT {Columns} FROM segment_comments WHERE locale = @locale ORDER BY id", new { locale }, cancellationToken: cancellationToken));
        return rows.Select(ToComment).ToArray();
    }

    private static SegmentComment ToComment((long TranslationId, string Slug, string Locale, string Author, DateTimeOffset At, string Body) r) =>
        new(r.TranslationId, r.Slug, r.Locale, r.Author, r.At, r.Body);
}
