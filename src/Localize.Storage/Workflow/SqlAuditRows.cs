using System.Data.Common;
using System.Text.Json;
using Dapper;
using Localize.Core.Audit;
using Localize.Core.Review;
using Localize.Core.Segments;
using Localize.Core.Workflow;
using Localize.Storage.Publishing;

namespace Localize.Storage.Workflow;

/// <summary>
/// The rows the audit trail binds, read as they stand and digested as <see cref="AuditRows"/> says (same SQL for SQLite
/// and PostgreSQL). The stores compute the same digests from the values they write, so nothing is read back on the
/// write path.
/// </summary>
internal static class SqlAuditRows
{
    /// <summary>The row keys of one article × locale's translations, as a subquery (parameters @slug, @locale).</summary>
    public const string ArticleTranslationKeys = """
        SELECT 'translations:' || CAST(t.id AS TEXT) FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
        WHERE a.slug = @slug AND t.locale = @locale
        """;

    /// <summary>Every bound row, or only those releasing one article × locale (its translations and latest signature).</summary>
    public static async Task<IReadOnlyList<BoundRow>> ListAsync(
        DbConnection connection, DbTransaction? transaction, string? slug, string? locale, CancellationToken cancellationToken)
    {
        var one = slug is not null;
        var translations = await connection.QueryAsync<(long Id, string Slug, string Locale, long Ordinal, string State, string? Target, long Version, string Approvers)>(new CommandDefinition(
            $"""
            SELECT t.id, a.slug, t.locale, s.ordinal, t.state, t.target_text, t.version, t.approvers
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            {(one ? "WHERE a.slug = @slug AND t.locale = @locale" : string.Empty)}
            ORDER BY a.slug, t.locale, s.ordinal
            """,
            new { slug, locale },
            transaction,
            cancellationToken: cancellationToken));
        var signatures = await connection.QueryAsync<(long Id, string Slug, string Locale, string ContentHash, string SourceHash, string SignedBy, DateTimeOffset SignedAt, string Meaning)>(new CommandDefinition(
            $"""
            SELECT id, slug, locale, content_hash, source_hash, signed_by, signed_at, meaning FROM signatures
            {(one ? "WHERE id = (SELECT MAX(id) FROM signatures WHERE slug = @slug AND locale = @locale)" : string.Empty)}
            ORDER BY id
            """,
            new { slug, locale },
            transaction,
            cancellationToken: cancellationToken));
        var publications = one
            ? []
            : await connection.QueryAsync<PublicationRows.Row>(new CommandDefinition(
                $"{PublicationRows.Select} ORDER BY slug, locale, version", transaction: transaction, cancellationToken: cancellationToken));

        var rows = new List<BoundRow>();
        foreach (var t in translations)
        {
            var state = SegmentStateColumn.Read(t.State);
            var approvers = JsonSerializer.Deserialize<string[]>(t.Approvers) ?? [];
            rows.Add(new BoundRow(
                AuditRows.TranslationKey(t.Id),
                AuditRows.TranslationDigest(state, t.Target, (int)t.Version, approvers),
                $"translations row {t.Id} ({t.Slug}, {t.Locale}, segment {t.Ordinal + 1}, version {t.Version})",
                AuditRows.IsUntouched(state, t.Target, (int)t.Version, approvers)));
        }

        foreach (var s in signatures)
        {
            var signature = new ArticleSignature(s.Slug, s.Locale, s.ContentHash, s.SourceHash, s.SignedBy, s.SignedAt, s.Meaning);
            rows.Add(new BoundRow(
                AuditRows.SignatureKey(s.Id), AuditRows.SignatureDigest(signature), $"signatures row {s.Id} ({s.Slug}, {s.Locale}, signed by {s.SignedBy})")
            {
                AlsoSealedAs = AuditRows.SignatureDigestsSealedBefore(signature),
            });
        }

        foreach (var p in publications.Select(PublicationRows.ToPublication))
        {
            rows.Add(new BoundRow(
                AuditRows.PublicationKey(p.Slug, p.Locale, p.Version),
                AuditRows.PublicationDigest(p),
                $"publications row ({p.Slug}, {p.Locale}, version {p.Version}, published by {p.PublishedBy})")
            {
                AlsoSealedAs = AuditRows.PublicationDigestsSealedBefore(p),
            });
        }

        return rows;
    }
}
