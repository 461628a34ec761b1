using System.Text.Json;
using Dapper;
using Localize.Core.Readability;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;

namespace Localize.Storage.Review;

/// <summary>Back-translations and readability scores (SQL for SQLite and PostgreSQL).</summary>
public sealed class SqlReviewAidStore(LocalizeDatabase database) : IReviewAidStore
{
    public Task SaveBackTranslationsAsync(IReadOnlyList<BackTranslation> backTranslations, CancellationToken cancellationToken) =>
        // One transaction for a batch: a commit per row was most of what a back-translated batch cost the database.
        database.InTransactionAsync(
            TransactionKind.Write,
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE translations SET back_translation = @Text, back_translated_target = @OfTarget WHERE id = @TranslationId AND target_text = @OfTarget",
                backTranslations,
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<StoredReadability?> FindReadabilityAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Score, string ComputedFor, DateTimeOffset ComputedAt)>(new CommandDefinition(
            "SELECT score, computed_for, computed_at FROM readability WHERE slug = @slug AND locale = @locale",
            new { slug, locale },
            cancellationToken: cancellationToken));
        return row.Score is null
            ? null
            : new StoredReadability(slug, locale, JsonSerializer.Deserialize<ReadabilityScore>(row.Score, StoreJson.Options)!, row.ComputedFor, row.ComputedAt);
    }

    public async Task SaveReadabilityAsync(StoredReadability readability, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO readability (slug, locale, score, computed_for, computed_at) VALUES (@Slug, @Locale, @score, @ComputedFor, @at)
            ON CONFLICT (slug, locale) DO UPDATE SET score = excluded.score, computed_for = excluded.computed_for, computed_at = excluded.computed_at
            """,
            new
            {
                readability.Slug, readability.Locale, score = JsonSerializer.Serialize(readability.Score, StoreJson.Options), readability.ComputedFor,
                at = readability.ComputedAt,
            },
            cancellationToken: cancellationToken));
    }
}
