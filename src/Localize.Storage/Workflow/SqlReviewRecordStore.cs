using Dapper;
using Localize.Core.Audit;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>MQM issues, article signatures and review assignments (SQLite or PostgreSQL, see <see cref="LocalizeDatabase"/>).</summary>
public sealed class SqlReviewRecordStore(LocalizeDatabase database, AuditKey auditKey) : IReviewRecordStore
{
    public async Task RecordMqmIssueAsync(long translationId, string slug, string locale, MqmIssue issue, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO mqm_issues (translation_id, slug, locale, category, severity, actor, at) VALUES (@translationId, @slug, @locale, @Category, @severity, @actor, @at)",
            new { translationId, slug, locale, issue.Category, severity = issue.Severity.ToString(), actor, at }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<MqmSeverity>> ListMqmSeveritiesAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition("SELECT severity FROM mqm_issues WHERE slug = @slug AND locale = @locale", new { slug, locale }, cancellationToken: cancellationToken));
        return rows.Select(Enum.Parse<MqmSeverity>).ToArray();
    }

    public async Task RecordSignatureAsync(ArticleSignature signature, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        // The digest sealed below covers the time as the database will give it back.
        signature = signature with { SignedAt = SqlTime.Stored(signature.SignedAt) };
        await database.InTransactionAsync(
            TransactionKind.AuditedWrite,
            async (connection, transaction) =>
            {
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO signatures (slug, locale, content_hash, source_hash, signed_by, signed_at, meaning)
                    VALUES (@Slug, @Locale, @ContentHash, @SourceHash, @SignedBy, @at, @Meaning) RETURNING id
                    """,
                    new { signature.Slug, signature.Locale, signature.ContentHash, signature.SourceHash, signature.SignedBy, at = signature.SignedAt, signature.Meaning },
                    transaction, cancellationToken: cancellationToken));

                // The sign-off is part of each segment's history, like every other change: appended to the audit chain at once
                // (the change ids come from the chain, which PostgreSQL, unlike SQLite, would not number by itself).
                foreach (var change in changes)
                {
                    await SqlAuditTrail.AppendAsync(
                        connection, transaction, auditKey, change.TranslationId, $"translation:{change.TranslationId}", SegmentStateColumn.Write(change.From), SegmentStateColumn.Write(change.To), change.Actor, change.At, change.Detail,
                        string.Empty, string.Empty, cancellationToken);
                }

                // The signature row itself, bound to the trail: a signer's name changed in the table afterwards is found.
                await SqlAuditTrail.AppendAsync(
                    connection, transaction, auditKey, 0, $"article:{signature.Locale}/{signature.Slug}", "Approved", "Signed", signature.SignedBy, signature.SignedAt,
                    $"signed: {signature.Meaning}; article sha256 {signature.ContentHash}", AuditRows.SignatureKey(id), AuditRows.SignatureDigest(signature), cancellationToken);
            },
            cancellationToken);
    }

    public async Task<ArticleSignature?> FindLatestSignatureAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string ContentHash, string SourceHash, string SignedBy, DateTimeOffset SignedAt, string Meaning)>(new CommandDefinition(
            "SELECT content_hash, source_hash, signed_by, signed_at, meaning FROM signatures WHERE slug = @slug AND locale = @locale ORDER BY id DESC LIMIT 1",
            new { slug, locale }, cancellationToken: cancellationToken));
        return row.ContentHash is null ? null : new ArticleSignature(slug, locale, row.ContentHash, row.SourceHash, row.SignedBy, row.SignedAt, row.Meaning);
    }

    public async Task<ArticleSignature?> FindSignatureAsync(string slug, string locale, string contentHash, string sourceHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string SignedBy, DateTimeOffset SignedAt, string Meaning)>(new CommandDefinition(
            """
            SELECT signed_by, signed_at, meaning FROM signatures
            WHERE slug = @slug AND locale = @locale AND content_hash = @contentHash AND source_hash = @sourceHash ORDER BY id DESC LIMIT 1
            """,
            new { slug, locale, contentHash, sourceHash }, cancellationToken: cancellationToken));
        return row.SignedBy is null ? null : new ArticleSignature(slug, locale, contentHash, sourceHash, row.SignedBy, row.SignedAt, row.Meaning);
    }

    public async Task AssignAsync(ReviewAssignment assignment, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO review_assignments (slug, locale, assignee, due_at, assigned_by, assigned_at) VALUES (@Slug, @Locale, @Assignee, @due, @AssignedBy, @at)
            ON CONFLICT (slug, locale) DO UPDATE SET assignee = excluded.assignee, due_at = excluded.due_at, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
            """,
            new { assignment.Slug, assignment.Locale, assignment.Assignee, due = assignment.DueAt, assignment.AssignedBy, at = assignment.AssignedAt }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ReviewAssignment>> ListAssignmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Slug, string Locale, string Assignee, DateTimeOffset? DueAt, string AssignedBy, DateTimeOffset AssignedAt)>(new CommandDefinition(
            "SELECT slug, locale, assignee, due_at, assigned_by, assigned_at FROM review_assignments ORDER BY slug, locale", cancellationToken: cancellationToken));
        return rows.Select(r => new ReviewAssignment(r.Slug, r.Locale, r.Assignee, r.DueAt, r.AssignedBy, r.AssignedAt)).ToArray();
    }


}
