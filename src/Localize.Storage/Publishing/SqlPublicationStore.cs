using System.Text.Json;
using Dapper;
using Localize.Core.Audit;
using Localize.Core.Publishing;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;

namespace Localize.Storage.Publishing;

/// <summary>The numbered published versions (SQL for SQLite and PostgreSQL); each is recorded with its audit record.</summary>
public sealed class SqlPublicationStore(LocalizeDatabase database, AuditKey auditKey) : IPublicationStore
{
    public Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken)
    {
        // The digest sealed below covers the times as the database will give them back.
        publication = publication with
        {
            PublishedAt = SqlTime.Stored(publication.PublishedAt),
            ReviewedAt = publication.ReviewedAt is { } reviewedAt ? SqlTime.Stored(reviewedAt) : null,
        };
        return database.InTransactionAsync(TransactionKind.AuditedWrite, async (connection, transaction) =>
        {
            // Workers sharing a database may publish the same signed content at once: both write the same bytes (atomic
            // rename), and the second to get here finds the version recorded with that very hash, which is its own work
            // done. Another hash under the same version number is a real conflict, refused by the UNIQUE constraint.
            var recorded = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT content_hash FROM publications WHERE slug = @Slug AND locale = @Locale AND version = @Version",
                new { publication.Slug, publication.Locale, publication.Version },
                transaction,
                cancellationToken: cancellationToken));
            if (recorded == publication.ContentHash)
            {
                return;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO publications (slug, locale, version, content_hash, source_hash, path, published_by, published_at, reviewed_by, reviewed_at, restored_version, unpublished)
                VALUES (@Slug, @Locale, @Version, @ContentHash, @SourceHash, @Path, @PublishedBy, @at, @reviewedBy, @reviewedAt, @RestoredVersion, @Unpublished)
                """,
                new
                {
                    publication.Slug, publication.Locale, publication.Version, publication.ContentHash, publication.SourceHash, publication.Path, publication.PublishedBy,
                    at = publication.PublishedAt,
                    reviewedBy = JsonSerializer.Serialize(publication.Reviewers, StoreJson.Options),
                    reviewedAt = publication.ReviewedAt,
                    publication.RestoredVersion,
                    // An integer flag on both databases (PostgreSQL would not take a boolean into its BIGINT column).
                    Unpublished = publication.Unpublished ? 1L : 0L,
                },
                transaction,
                cancellationToken: cancellationToken));
            var detail = publication.Unpublished
                ? $"unpublished {publication.Path} as version {publication.Version} (was sha256 {publication.ContentHash})"
                : publication.RestoredVersion is { } restored
                ? $"rolled back {publication.Path} to version {restored} as version {publication.Version} (sha256 {publication.ContentHash})"
                : $"published {publication.Path} version {publication.Version} (sha256 {publication.ContentHash})";
            await SqlAuditTrail.AppendAsync(
                connection, transaction, auditKey, 0, $"article:{publication.Locale}/{publication.Slug}", "Approved", publication.Unpublished ? "Unpublished" : publication.RestoredVersion is null ? "Published" : "RolledBack",
                publication.PublishedBy, publication.PublishedAt, detail,
                AuditRows.PublicationKey(publication.Slug, publication.Locale, publication.Version), AuditRows.PublicationDigest(publication), cancellationToken);
        },
        cancellationToken);
    }

    public async Task<IReadOnlyList<Publication>> ListPublicationsAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublicationRows.Row>(new CommandDefinition(
            $"{PublicationRows.Select} WHERE slug = @slug AND locale = @locale ORDER BY version",
            new { slug, locale },
            cancellationToken: cancellationToken));
        return rows.Select(PublicationRows.ToPublication).ToArray();
    }

    public async Task<string> ReadPublishedWatermarkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Articles' updated_at moves only when their source changes, which is what turns a publication outdated.
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM publications) || '|' || (SELECT COUNT(*) || '|' || COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM articles)",
            cancellationToken: cancellationToken)) ?? string.Empty;
    }

    public async Task<Publication?> FindLatestPublicationAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublicationRows.Row>(new CommandDefinition(
            $"{PublicationRows.Select} WHERE slug = @slug AND locale = @locale ORDER BY version DESC LIMIT 1",
            new { slug, locale },
            cancellationToken: cancellationToken));
        return rows.Select(PublicationRows.ToPublication).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Publication>> ListLatestPublicationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await PublicationRows.ListLatestAsync(connection, null, null, cancellationToken);
    }
}
