using System.Data.Common;
using Dapper;
using Localize.Core.Audit;
using Localize.Core.Documents;
using Localize.Core.Memory;
using Localize.Core.Segments;
using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>
/// The articles and their segments, and the source files the intake could not use (SQL for SQLite and PostgreSQL).
/// Saving a new version realigns its segments and outdates, keeps or retires their translations in the same transaction.
/// </summary>
public sealed class SqlArticleStore(LocalizeDatabase database, TimeProvider clock, AuditKey auditKey) : IArticleStore
{
    public async Task<StoredArticle?> FindArticleAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindArticleAsync(connection, null, slug, cancellationToken);
    }

    public Task<SyncSummary> SaveArticleAsync(
        ArticleVersion version, IDocumentFormat format, string pipeline, IReadOnlyList<string> locales, string actor, CancellationToken cancellationToken) =>
        database.InTransactionAsync(TransactionKind.AuditedWrite, async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            var stored = await FindArticleAsync(connection, transaction, version.Slug, cancellationToken);
            SyncSummary summary;
            long articleId;
            if (stored is null)
            {
                articleId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO articles (slug, pipeline, source_path, title, source_hash, source_text, format, updated_at)
                    VALUES (@Slug, @pipeline, @Path, @Title, @SourceHash, @SourceText, @format, @now) RETURNING id
                    """,
                    new { version.Slug, pipeline, version.Path, version.Title, version.SourceHash, version.SourceText, format = format.Id, now },
                    transaction,
                    cancellationToken: cancellationToken));
                for (var i = 0; i < version.Segments.Count; i++)
                {
                    await InsertSegmentAsync(connection, transaction, articleId, i, version, cancellationToken);
                }

                summary = new SyncSummary(version.Slug, true, 0, 0, version.Segments.Count, 0);
            }
            else
            {
                articleId = stored.Id;
                summary = stored.SourceHash == version.SourceHash
                    ? new SyncSummary(version.Slug, false, stored.Segments.Count, 0, 0, 0)
                    : await RealignAsync(connection, transaction, stored, version, format.Presentation, actor, now, cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE articles SET pipeline = @pipeline, source_path = @Path, title = @Title, source_hash = @SourceHash,
                           source_text = @SourceText, format = @format, updated_at = CASE WHEN source_hash = @SourceHash THEN updated_at ELSE @now END
                    WHERE id = @articleId
                    """,
                    new { pipeline, version.Path, version.Title, version.SourceHash, version.SourceText, format = format.Id, now, articleId },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            foreach (var locale in locales)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO translations (segment_id, locale, state, updated_at)
                    SELECT id, @locale, @state, @now FROM segments WHERE article_id = @articleId
                    ON CONFLICT DO NOTHING
                    """,
                    new { locale, state = SegmentStateColumn.Write(SegmentState.New), now, articleId },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            return summary;
        },
        cancellationToken);

    private async Task<SyncSummary> RealignAsync(
        DbConnection connection, DbTransaction transaction, StoredArticle stored, ArticleVersion version, SegmentPresentation presentation, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var steps = SegmentAligner.Align(stored.Segments, version.Segments, presentation);
        int unchanged = 0, changed = 0, added = 0, removed = 0, cosmetic = 0;
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case AlignmentKind.Unchanged:
                    unchanged++;
                    // Most of a long article stays where it was: one statement per segment that did not move would
                    // make a one-word edit cost as much as the whole article.
                    var kept = stored.Segments[step.OldIndex];
                    var current = version.Segments[step.NewIndex];
                    if (kept.Ordinal != step.NewIndex || kept.UnitId != current.UnitId || kept.Kind != current.Kind)
                    {
                        await UpdateSegmentAsync(connection, transaction, kept.Id, step.NewIndex, version, cancellationToken);
                    }

                    break;
                case AlignmentKind.Changed:
                    var segmentId = stored.Segments[step.OldIndex].Id;
                    var oldSource = stored.Segments[step.OldIndex].Source;
                    var newSource = version.Segments[step.NewIndex].Text;
                    await UpdateSegmentAsync(connection, transaction, segmentId, step.NewIndex, version, cancellationToken);
                    if (CosmeticChangeRule.Classify(oldSource, newSource) == SourceChange.Cosmetic)
                    {
                        cosmetic++;
                        await KeepTranslationsAsync(connection, transaction, segmentId, oldSource, newSource, actor, cancellationToken);
                    }
                    else
                    {
                        changed++;
                        await OutdateTranslationsAsync(connection, transaction, segmentId, actor, cancellationToken);
                    }

                    break;
                case AlignmentKind.Added:
                    added++;
                    await InsertSegmentAsync(connection, transaction, stored.Id, step.NewIndex, version, cancellationToken);
                    break;
                case AlignmentKind.Removed:
                    removed++;
                    await RetireSegmentAsync(connection, transaction, stored.Segments[step.OldIndex].Id, actor, now, cancellationToken);
                    break;
            }
        }

        return new SyncSummary(version.Slug, false, unchanged, changed, added, removed, cosmetic);
    }

    private static Task InsertSegmentAsync(DbConnection connection, DbTransaction transaction, long articleId, int ordinal, ArticleVersion version, CancellationToken cancellationToken)
    {
        var segment = version.Segments[ordinal];
        return connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO segments (article_id, ordinal, unit_id, kind, source_text, words) VALUES (@articleId, @ordinal, @UnitId, @Kind, @Text, @words)",
            new { articleId, ordinal, segment.UnitId, segment.Kind, segment.Text, words = CountWords(segment.Text) },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static Task UpdateSegmentAsync(DbConnection connection, DbTransaction transaction, long segmentId, int ordinal, ArticleVersion version, CancellationToken cancellationToken)
    {
        var segment = version.Segments[ordinal];
        return connection.ExecuteAsync(new CommandDefinition(
            "UPDATE segments SET ordinal = @ordinal, unit_id = @UnitId, kind = @Kind, source_text = @Text, words = @words WHERE id = @segmentId",
            new { segmentId, ordinal, segment.UnitId, segment.Kind, segment.Text, words = CountWords(segment.Text) },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static Task<IEnumerable<long>> TranslationIdsAsync(DbConnection connection, DbTransaction transaction, long segmentId, CancellationToken cancellationToken) =>
        connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM translations WHERE segment_id = @segmentId", new { segmentId }, transaction, cancellationToken: cancellationToken));

    private async Task OutdateTranslationsAsync(DbConnection connection, DbTransaction transaction, long segmentId, string actor, CancellationToken cancellationToken)
    {
        foreach (var id in await TranslationIdsAsync(connection, transaction, segmentId, cancellationToken))
        {
            var translation = (await TranslationRows.LoadAsync(connection, transaction, id, cancellationToken))!;
            var change = translation.MarkOutdated(actor, clock.GetUtcNow());
            await TranslationRows.SaveAsync(connection, transaction, auditKey, clock.GetUtcNow(), translation, [change], cancellationToken);
        }
    }

    /// <summary>A cosmetic source change: each translation keeps its state and approvals, its target takes the mechanical update.</summary>
    private async Task KeepTranslationsAsync(
        DbConnection connection, DbTransaction transaction, long segmentId, string oldSource, string newSource, string actor, CancellationToken cancellationToken)
    {
        foreach (var id in await TranslationIdsAsync(connection, transaction, segmentId, cancellationToken))
        {
            var translation = (await TranslationRows.LoadAsync(connection, transaction, id, cancellationToken))!;
            if (translation.Target is not { } target || translation.State is SegmentState.New or SegmentState.Outdated)
            {
                // Nothing made yet: the segment is translated from the new source as it is.
                continue;
            }

            var change = translation.KeepApprovalAfterCosmeticChange(CosmeticChangeRule.UpdateTarget(oldSource, newSource, target), actor, clock.GetUtcNow());
            await TranslationRows.SaveAsync(connection, transaction, auditKey, clock.GetUtcNow(), translation, [change], cancellationToken);
        }
    }

    private async Task RetireSegmentAsync(DbConnection connection, DbTransaction transaction, long segmentId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retiring = await connection.QueryAsync<(long Id, string State)>(new CommandDefinition(
            "SELECT id, state FROM translations WHERE segment_id = @segmentId", new { segmentId }, transaction, cancellationToken: cancellationToken));
        foreach (var (id, state) in retiring)
        {
            await SqlAuditTrail.AppendAsync(
                connection, transaction, auditKey, id, $"translation:{id}", state, state, actor, now, "retired: the sentence was removed from the source",
                AuditRows.TranslationKey(id), AuditVerifier.RetiredDigest, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM segments WHERE id = @segmentId", new { segmentId }, transaction, cancellationToken: cancellationToken));
    }

    public async Task RecordSourceErrorAsync(SourceError error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO source_errors (path, message, line, field, seen_at) VALUES (@Path, @Message, @Line, @Field, @at)
            ON CONFLICT (path) DO UPDATE SET message = excluded.message, line = excluded.line, field = excluded.field, seen_at = excluded.seen_at
            """,
            new { error.Path, error.Message, error.Line, error.Field, at = error.SeenAt },
            cancellationToken: cancellationToken));
    }

    public async Task ClearSourceErrorsAsync(string folder, IReadOnlyCollection<string> stillFailing, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var existing = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT path FROM source_errors WHERE path LIKE @prefix ESCAPE '\\'", new { prefix = LikePrefix(folder + "/") }, cancellationToken: cancellationToken));
        foreach (var path in existing.Except(stillFailing))
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM source_errors WHERE path = @path", new { path }, cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlyList<SourceError>> ListSourceErrorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Path, string Message, long? Line, string? Field, DateTimeOffset SeenAt)>(new CommandDefinition(
            "SELECT path, message, line, field, seen_at FROM source_errors ORDER BY path", cancellationToken: cancellationToken));
        return rows.Select(r => new SourceError(r.Path, r.Message, (int?)r.Line, r.Field, r.SeenAt)).ToArray();
    }

    private static async Task<StoredArticle?> FindArticleAsync(DbConnection connection, DbTransaction? transaction, string slug, CancellationToken cancellationToken)
    {
        var article = await connection.QuerySingleOrDefaultAsync<(long Id, string Slug, string Pipeline, string Path, string Title, string SourceHash, string SourceText, string Format)>(
            new CommandDefinition(
                "SELECT id, slug, pipeline, source_path, title, source_hash, source_text, format FROM articles WHERE slug = @slug",
                new { slug },
                transaction,
                cancellationToken: cancellationToken));
        if (article.Slug is null)
        {
            return null;
        }

        var segments = await connection.QueryAsync<(long Id, long Ordinal, string UnitId, string Kind, string Source)>(new CommandDefinition(
            "SELECT id, ordinal, unit_id, kind, source_text FROM segments WHERE article_id = @Id ORDER BY ordinal",
            new { article.Id },
            transaction,
            cancellationToken: cancellationToken));
        return new StoredArticle(
            article.Id, article.Slug, article.Pipeline, article.Path, article.Title, article.SourceHash, article.SourceText,
            segments.Select(s => new StoredSegment(s.Id, (int)s.Ordinal, s.UnitId, s.Kind, s.Source)).ToArray(),
            article.Format);
    }

    private static int CountWords(string tagged) =>
        InlineMarkup.PlainText(tagged).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
