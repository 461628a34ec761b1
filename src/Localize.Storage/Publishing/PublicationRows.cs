using System.Data.Common;
using System.Text.Json;
using Dapper;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;

namespace Localize.Storage.Publishing;

/// <summary>How a <see cref="Publication"/> is read, for the publication store, the status queries, the webhook outbox and the audit rows.</summary>
internal static class PublicationRows
{
    /// <summary>The select list and FROM clause; the caller adds WHERE and ORDER BY.</summary>
    public const string Select = """
        SELECT slug AS Slug, locale AS Locale, version AS Version, content_hash AS ContentHash, source_hash AS SourceHash, path AS Path,
               published_by AS PublishedBy, published_at AS PublishedAt, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt, restored_version AS RestoredVersion, unpublished AS Unpublished
        FROM publications
        """;

    /// <summary>The latest version of every article × locale, or of one article × locale when both are given.</summary>
    public static async Task<IReadOnlyList<Publication>> ListLatestAsync(DbConnection connection, string? slug, string? locale, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            {Select} p WHERE version = (SELECT MAX(version) FROM publications q WHERE q.slug = p.slug AND q.locale = p.locale)
              AND (@slug IS NULL OR p.slug = @slug) AND (@locale IS NULL OR p.locale = @locale)
            ORDER BY slug, locale
            """,
            new { slug, locale },
            cancellationToken: cancellationToken));
        return rows.Select(ToPublication).ToArray();
    }

    public static Publication ToPublication(Row r) =>
        new(r.Slug, r.Locale, (int)r.Version, r.ContentHash, r.SourceHash, r.Path, r.PublishedBy, r.PublishedAt,
            JsonSerializer.Deserialize<string[]>(r.ReviewedBy, StoreJson.Options) ?? [],
            r.ReviewedAt,
            r.RestoredVersion is null ? null : (int)r.RestoredVersion,
            r.Unpublished != 0);

    // Settable properties rather than a positional record: reviewed_at and restored_version are often NULL, and Dapper
    // cannot match a constructor to a column whose SQLite type is unknown then.
    internal sealed class Row
    {
        public string Slug { get; init; } = string.Empty;
        public string Locale { get; init; } = string.Empty;
        public long Version { get; init; }
        public string ContentHash { get; init; } = string.Empty;
        public string SourceHash { get; init; } = string.Empty;
        public string Path { get; init; } = string.Empty;
        public string PublishedBy { get; init; } = string.Empty;
        public DateTimeOffset PublishedAt { get; init; }
        public string ReviewedBy { get; init; } = "[]";
        public DateTimeOffset? ReviewedAt { get; init; }
        public long? RestoredVersion { get; init; }

        public long Unpublished { get; init; }
    }
}
