using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Localize.Core.Documents;
using Localize.Core.Audit;
using Localize.Core.Memory;
using Localize.Core.Readability;
using Localize.Core.Segments;
using Localize.Core.Workflow;
using System.Data.Common;

namespace Localize.Storage.Workflow;

/// <summary>
/// The workflow store: one set of SQL for the embedded SQLite file and for PostgreSQL (<see cref="LocalizeDatabase"/>
/// says where they differ). The name is kept from when SQLite was the only database, so the branches that add queries
/// here merge cleanly.
/// </summary>
public sealed class SqliteWorkflowStore(LocalizeDatabase database, TimeProvider clock, WorkLease lease, AuditKey auditKey) : IWorkflowStore
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private const string ReviewItemColumns = """
        t.id AS TranslationId, a.slug AS Slug, a.pipeline AS Pipeline, a.title AS ArticleTitle, t.locale AS Locale,
        s.ordinal AS Ordinal, s.unit_id AS UnitId, s.kind AS Kind, s.source_text AS Source, t.target_text AS Target,
        t.machine_text AS MachineTarget, t.engine_id AS EngineId, t.state AS State, t.version AS Version,
        t.notes AS Notes, t.approvers AS Approvers, t.updated_at AS UpdatedAt,
        CASE WHEN t.back_translated_target = t.target_text THEN t.back_translation END AS BackTranslation,
        t.edited_by AS EditedBy
        FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
        """;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await SqliteAuditTrail.SealUnchainedAsync(database, connection, cancellationToken);
        await SqliteAuditTrail.CutOverAsync(database, connection, auditKey, clock.GetUtcNow(), cancellationToken);
        await SqliteAuditTrail.EnsureSameKeyAsync(connection, auditKey);
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAuditTrailAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await SqliteAuditTrail.ReadAsync(connection);
    }

    public async Task<StoredArticle?> FindArticleAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindArticleAsync(connection, null, slug);
    }

    public async Task<SyncSummary> SaveArticleAsync(
        ArticleVersion version, IDocumentFormat format, string pipeline, IReadOnlyList<string> locales, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginAuditedWriteAsync(connection, cancellationToken);
        var now = Iso(clock.GetUtcNow());
        var stored = await FindArticleAsync(connection, transaction, version.Slug);
        SyncSummary summary;
        long articleId;
        if (stored is null)
        {
            articleId = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO articles (slug, pipeline, source_path, title, source_hash, source_text, format, updated_at)
                VALUES (@Slug, @pipeline, @Path, @Title, @SourceHash, @SourceText, @format, @now) RETURNING id
                """,
                new { version.Slug, pipeline, version.Path, version.Title, version.SourceHash, version.SourceText, format = format.Id, now },
                transaction);
            for (var i = 0; i < version.Segments.Count; i++)
            {
                await InsertSegmentAsync(connection, transaction, articleId, i, version);
            }

            summary = new SyncSummary(version.Slug, true, 0, 0, version.Segments.Count, 0);
        }
        else
        {
            articleId = stored.Id;
            summary = stored.SourceHash == version.SourceHash
                ? new SyncSummary(version.Slug, false, stored.Segments.Count, 0, 0, 0)
                : await RealignAsync(connection, transaction, stored, version, format.Presentation, actor, now);
            await connection.ExecuteAsync(
                """
                UPDATE articles SET pipeline = @pipeline, source_path = @Path, title = @Title, source_hash = @SourceHash,
                       source_text = @SourceText, format = @format, updated_at = CASE WHEN source_hash = @SourceHash THEN updated_at ELSE @now END
                WHERE id = @articleId
                """,
                new { pipeline, version.Path, version.Title, version.SourceHash, version.SourceText, format = format.Id, now, articleId },
                transaction);
        }

        foreach (var locale in locales)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO translations (segment_id, locale, state, updated_at)
                SELECT id, @locale, @state, @now FROM segments WHERE article_id = @articleId
                ON CONFLICT DO NOTHING
                """,
                new { locale, state = SegmentStateColumn.Write(SegmentState.New), now, articleId },
                transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    private async Task<SyncSummary> RealignAsync(
        DbConnection connection, DbTransaction transaction, StoredArticle stored, ArticleVersion version, SegmentPresentation presentation, string actor, string now)
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
                        await UpdateSegmentAsync(connection, transaction, kept.Id, step.NewIndex, version);
                    }

                    break;
                case AlignmentKind.Changed:
                    var segmentId = stored.Segments[step.OldIndex].Id;
                    var oldSource = stored.Segments[step.OldIndex].Source;
                    var newSource = version.Segments[step.NewIndex].Text;
                    await UpdateSegmentAsync(connection, transaction, segmentId, step.NewIndex, version);
                    if (CosmeticChangeRule.Classify(oldSource, newSource) == SourceChange.Cosmetic)
                    {
                        cosmetic++;
                        await KeepTranslationsAsync(connection, transaction, segmentId, oldSource, newSource, actor);
                    }
                    else
                    {
                        changed++;
                        await OutdateTranslationsAsync(connection, transaction, segmentId, actor);
                    }

                    break;
                case AlignmentKind.Added:
                    added++;
                    await InsertSegmentAsync(connection, transaction, stored.Id, step.NewIndex, version);
                    break;
                case AlignmentKind.Removed:
                    removed++;
                    await RetireSegmentAsync(connection, transaction, stored.Segments[step.OldIndex].Id, actor, now);
                    break;
            }
        }

        return new SyncSummary(version.Slug, false, unchanged, changed, added, removed, cosmetic);
    }

    private static Task InsertSegmentAsync(DbConnection connection, DbTransaction transaction, long articleId, int ordinal, ArticleVersion version)
    {
        var segment = version.Segments[ordinal];
        return connection.ExecuteAsync(
            "INSERT INTO segments (article_id, ordinal, unit_id, kind, source_text, words) VALUES (@articleId, @ordinal, @UnitId, @Kind, @Text, @words)",
            new { articleId, ordinal, segment.UnitId, segment.Kind, segment.Text, words = CountWords(segment.Text) },
            transaction);
    }

    private static Task UpdateSegmentAsync(DbConnection connection, DbTransaction transaction, long segmentId, int ordinal, ArticleVersion version)
    {
        var segment = version.Segments[ordinal];
        return connection.ExecuteAsync(
            "UPDATE segments SET ordinal = @ordinal, unit_id = @UnitId, kind = @Kind, source_text = @Text, words = @words WHERE id = @segmentId",
            new { segmentId, ordinal, segment.UnitId, segment.Kind, segment.Text, words = CountWords(segment.Text) },
            transaction);
    }

    private async Task OutdateTranslationsAsync(DbConnection connection, DbTransaction transaction, long segmentId, string actor)
    {
        var ids = await connection.QueryAsync<long>("SELECT id FROM translations WHERE segment_id = @segmentId", new { segmentId }, transaction);
        foreach (var id in ids)
        {
            var translation = (await LoadTranslationAsync(connection, transaction, id))!;
            var change = translation.MarkOutdated(actor, clock.GetUtcNow());
            await SaveTranslationAsync(connection, transaction, translation, [change]);
        }
    }

    /// <summary>A cosmetic source change: each translation keeps its state and approvals, its target takes the mechanical update.</summary>
    private async Task KeepTranslationsAsync(DbConnection connection, DbTransaction transaction, long segmentId, string oldSource, string newSource, string actor)
    {
        var ids = await connection.QueryAsync<long>("SELECT id FROM translations WHERE segment_id = @segmentId", new { segmentId }, transaction);
        foreach (var id in ids)
        {
            var translation = (await LoadTranslationAsync(connection, transaction, id))!;
            if (translation.Target is not { } target || translation.State is SegmentState.New or SegmentState.Outdated)
            {
                // Nothing made yet: the segment is translated from the new source as it is.
                continue;
            }

            var change = translation.KeepApprovalAfterCosmeticChange(CosmeticChangeRule.UpdateTarget(oldSource, newSource, target), actor, clock.GetUtcNow());
            await SaveTranslationAsync(connection, transaction, translation, [change]);
        }
    }

    private async Task RetireSegmentAsync(DbConnection connection, DbTransaction transaction, long segmentId, string actor, string now)
    {
        var retiring = await connection.QueryAsync<(long Id, string State)>(
            "SELECT id, state FROM translations WHERE segment_id = @segmentId", new { segmentId }, transaction);
        foreach (var (id, state) in retiring)
        {
            await SqliteAuditTrail.AppendAsync(
                connection, transaction, auditKey, id, $"translation:{id}", state, state, actor, ParseIso(now), "retired: the sentence was removed from the source",
                AuditRows.TranslationKey(id), AuditVerifier.RetiredDigest);
        }

        await connection.ExecuteAsync("DELETE FROM segments WHERE id = @segmentId", new { segmentId }, transaction);
    }

    public async Task RecordSourceErrorAsync(SourceError error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO source_errors (path, message, line, field, seen_at) VALUES (@Path, @Message, @Line, @Field, @at)
            ON CONFLICT (path) DO UPDATE SET message = excluded.message, line = excluded.line, field = excluded.field, seen_at = excluded.seen_at
            """,
            new { error.Path, error.Message, error.Line, error.Field, at = Iso(error.SeenAt) });
    }

    public async Task ClearSourceErrorsAsync(string folder, IReadOnlyCollection<string> stillFailing, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var existing = await connection.QueryAsync<string>("SELECT path FROM source_errors WHERE path LIKE @prefix ESCAPE '\\'", new { prefix = LikePrefix(folder + "/") });
        foreach (var path in existing.Except(stillFailing))
        {
            await connection.ExecuteAsync("DELETE FROM source_errors WHERE path = @path", new { path });
        }
    }

    public async Task<IReadOnlyList<SourceError>> ListSourceErrorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Path, string Message, long? Line, string? Field, string SeenAt)>(
            "SELECT path, message, line, field, seen_at FROM source_errors ORDER BY path");
        return rows.Select(r => new SourceError(r.Path, r.Message, (int?)r.Line, r.Field, ParseIso(r.SeenAt))).ToArray();
    }

    public async Task<IReadOnlyList<PendingSegment>> ClaimPendingMachineTranslationAsync(string locale, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // One statement picks and leases the batch, so no two workers ever hold the same segment. PostgreSQL skips the
        // rows another worker is claiming or saving this instant (SKIP LOCKED) instead of waiting for them; SQLite has
        // one writer, so the statement alone is the claim. Rows leased by this worker are taken again (a retry after a
        // failed engine call); a dead worker's rows come back when its lease runs out.
        var candidates = $"""
            SELECT c.id FROM translations c
            WHERE c.locale = @locale AND {database.Dialect.InList("c.state", "@pending")}
              AND (c.lease_until IS NULL OR c.lease_until < @now OR c.lease_owner = @owner)
            ORDER BY c.updated_at, c.id LIMIT @limit
            {(database.Dialect == SqlDialect.PostgreSql ? "FOR UPDATE SKIP LOCKED" : string.Empty)}
            """;
        var claimed = (await connection.QueryAsync<long>(
            $"UPDATE translations SET lease_owner = @owner, lease_until = @until WHERE id IN ({candidates}) RETURNING id",
            new { locale, limit, pending = SegmentStateColumn.Pending, owner = lease.Owner, now = Iso(now), until = Iso(now + lease.Duration) })).ToArray();
        if (claimed.Length == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(long TranslationId, long SegmentId, string Slug, string Source, string? Previous, string? Next)>(
            $"""
            SELECT t.id, s.id, a.slug, s.source_text, {NeighbourColumns}
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            WHERE {database.Dialect.InList("t.id", "@claimed")}
            ORDER BY t.updated_at, t.id
            """,
            new { claimed });
        return rows.Select(r => new PendingSegment(r.TranslationId, r.SegmentId, r.Slug, r.Source) { PreviousSource = r.Previous, NextSource = r.Next }).ToArray();
    }

    public async Task ReleaseClaimsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE translations SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner",
            new { owner = lease.Owner });
    }

    public async Task<LeasedWork> FindLeasedByOthersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Count, string? Until)>(
            """
            SELECT COUNT(*), MAX(lease_until) FROM translations
            WHERE state IN ('New', 'Outdated') AND lease_owner IS NOT NULL AND lease_owner <> @owner AND lease_until >= @now
            """,
            new { owner = lease.Owner, now = Iso(clock.GetUtcNow()) });
        return new LeasedWork((int)row.Count, row.Until is null ? null : ParseIso(row.Until));
    }

    // Ordinals are dense (0, 1, 2 … in document order) after every save, so a neighbour is ordinal ± 1.
    private const string NeighbourColumns = """
        (SELECT p.source_text FROM segments p WHERE p.article_id = s.article_id AND p.ordinal = s.ordinal - 1),
        (SELECT n.source_text FROM segments n WHERE n.article_id = s.article_id AND n.ordinal = s.ordinal + 1)
        """;

    public async Task<SegmentNeighbours> FindNeighboursAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Previous, string? Next)>(
            $"SELECT {NeighbourColumns} FROM translations t JOIN segments s ON s.id = t.segment_id WHERE t.id = @translationId",
            new { translationId });
        return new SegmentNeighbours(row.Previous, row.Next);
    }

    public async Task<SegmentTranslation?> GetTranslationAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await LoadTranslationAsync(connection, null, translationId);
    }

    public async Task<ReviewItem?> FindReviewItemAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewRow>($"SELECT {ReviewItemColumns} WHERE t.id = @translationId", new { translationId });
        return rows.Select(ToReviewItem).FirstOrDefault();
    }

    public async Task SaveTranslationAsync(SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginAuditedWriteAsync(connection, cancellationToken);
        await SaveTranslationAsync(connection, transaction, translation, changes);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SaveTranslationAsync(DbConnection connection, DbTransaction transaction, SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes)
    {
        var updated = await connection.ExecuteAsync(
            """
            UPDATE translations SET state = @state, target_text = @Target, machine_text = @MachineTarget, engine_id = @EngineId,
                   approvers = @approvers, edited_by = @EditedBy, version = version + 1, updated_at = @now,
                   lease_owner = NULL, lease_until = NULL
            WHERE id = @Id AND version = @Version
            """,
            new
            {
                state = SegmentStateColumn.Write(translation.State),
                translation.Target,
                translation.MachineTarget,
                translation.EngineId,
                translation.EditedBy,
                approvers = JsonSerializer.Serialize(translation.Approvers, Json),
                now = Iso(clock.GetUtcNow()),
                translation.Id,
                translation.Version,
            },
            transaction);
        if (updated == 0)
        {
            throw new ConcurrencyConflictException($"translation {translation.Id} was changed by someone else since it was read");
        }

        // Each record binds the row as this save leaves it (the UPDATE above moved its version on by one).
        var rowKey = AuditRows.TranslationKey(translation.Id);
        var rowDigest = AuditRows.TranslationDigest(translation.State, translation.Target, translation.Version + 1, translation.Approvers);

        // The words belong to the first change of a save: the one that made them (a machine fill, then "queued for review").
        var firstChange = 0L;
        foreach (var change in changes)
        {
            var id = await SqliteAuditTrail.AppendAsync(
                connection, transaction, auditKey, change.TranslationId, $"translation:{change.TranslationId}", SegmentStateColumn.Write(change.From), SegmentStateColumn.Write(change.To), change.Actor, change.At, change.Detail,
                rowKey, rowDigest);
            firstChange = firstChange == 0 ? id : firstChange;
        }

        if (firstChange > 0)
        {
            await RecordTextAsync(connection, transaction, translation.Id, firstChange);
        }
    }

    /// <summary>
    /// Keeps the words beside the change record that changed them (target or source differs from the last kept
    /// version), so the history can show each edit against the text it replaced, the machine's first.
    /// </summary>
    private static Task RecordTextAsync(DbConnection connection, DbTransaction transaction, long translationId, long changeId) =>
        connection.ExecuteAsync(
            """
            INSERT INTO translation_texts (translation_id, change_id, source_text, target_text)
            SELECT t.id, @changeId, s.source_text, t.target_text
            FROM translations t JOIN segments s ON s.id = t.segment_id
            WHERE t.id = @translationId AND NOT EXISTS (
                SELECT 1 FROM translation_texts x
                WHERE x.id = (SELECT MAX(id) FROM translation_texts WHERE translation_id = @translationId)
                  AND x.source_text = s.source_text AND COALESCE(x.target_text, '') = COALESCE(t.target_text, ''))
            """,
            new { translationId, changeId },
            transaction);

    public async Task SaveNotesAsync(long translationId, IReadOnlyList<SegmentNote> notes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE translations SET notes = @notes WHERE id = @translationId",
            new { translationId, notes = JsonSerializer.Serialize(notes, Json) });
    }

    public Task<IReadOnlyList<ReviewItem>> ListReviewQueueAsync(string? locale, string? slug, CancellationToken cancellationToken) =>
        ListInStateAsync(SegmentState.InReview, locale, slug, cancellationToken);

    public async Task<IReadOnlyList<ReviewItem>> ListInStateAsync(SegmentState state, string? locale, string? slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewRow>(
            $"""
            SELECT {ReviewItemColumns}
            WHERE t.state = @state AND (@locale IS NULL OR t.locale = @locale) AND (@slug IS NULL OR a.slug = @slug)
            ORDER BY t.updated_at, a.slug, t.locale, s.ordinal
            """,
            new { state = SegmentStateColumn.Write(state), locale, slug });
        return rows.Select(ToReviewItem).ToArray();
    }

    public async Task<IReadOnlyList<ReviewItem>> ListArticleSegmentsAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewRow>(
            $"SELECT {ReviewItemColumns} WHERE a.slug = @slug AND t.locale = @locale ORDER BY s.ordinal",
            new { slug, locale });
        return rows.Select(ToReviewItem).ToArray();
    }

    public async Task<IReadOnlyList<ArticleLocaleStatus>> ListStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Slug, string Pipeline, string Title, string SourceHash, string Locale, string State, long Count, long Words, string UpdatedAt)>(
            """
            SELECT a.slug, a.pipeline, a.title, a.source_hash, t.locale, t.state, COUNT(*), CAST(SUM(s.words) AS BIGINT), MAX(t.updated_at)
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            GROUP BY a.id, t.locale, t.state
            """);
        var latest = (await ListLatestPublicationsAsync(connection)).ToDictionary(p => (p.Slug, p.Locale));
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
                    g.Max(r => ParseIso(r.UpdatedAt)));
            })
            .OrderBy(s => s.Slug, StringComparer.Ordinal)
            .ThenBy(s => s.Locale, StringComparer.Ordinal)
            .ToArray();
    }

    public async Task<IReadOnlyList<ChangeRecord>> ListChangesAsync(long translationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long TranslationId, string From, string To, string Actor, string At, string Detail)>(
            "SELECT translation_id, from_state, to_state, actor, at, detail FROM changes WHERE translation_id = @translationId ORDER BY id",
            new { translationId });
        return rows.Select(r => new ChangeRecord(r.TranslationId, SegmentStateColumn.Read(r.From), SegmentStateColumn.Read(r.To), r.Actor, ParseIso(r.At), r.Detail)).ToArray();
    }

    public async Task<IReadOnlyList<PendingSegment>> ListPendingBackTranslationAsync(string locale, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingSegment>(
            $"""
            SELECT t.id AS TranslationId, s.id AS SegmentId, a.slug AS Slug, t.target_text AS Source
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            WHERE t.locale = @locale AND {database.Dialect.InList("t.state", "@reviewed")} AND t.target_text IS NOT NULL
              AND (t.back_translated_target IS NULL OR t.back_translated_target <> t.target_text)
            ORDER BY t.updated_at, t.id LIMIT @limit
            """,
            new { locale, limit, reviewed = SegmentStateColumn.Reviewed });
        return rows.ToArray();
    }

    public async Task SaveBackTranslationAsync(long translationId, string ofTarget, string backTranslation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE translations SET back_translation = @backTranslation, back_translated_target = @ofTarget WHERE id = @translationId AND target_text = @ofTarget",
            new { translationId, ofTarget, backTranslation });
    }

    public async Task<StoredReadability?> FindReadabilityAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Score, string ComputedFor, string ComputedAt)>(
            "SELECT score, computed_for, computed_at FROM readability WHERE slug = @slug AND locale = @locale",
            new { slug, locale });
        return row.Score is null
            ? null
            : new StoredReadability(slug, locale, JsonSerializer.Deserialize<ReadabilityScore>(row.Score, Json)!, row.ComputedFor, ParseIso(row.ComputedAt));
    }

    public async Task SaveReadabilityAsync(StoredReadability readability, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO readability (slug, locale, score, computed_for, computed_at) VALUES (@Slug, @Locale, @score, @ComputedFor, @at)
            ON CONFLICT (slug, locale) DO UPDATE SET score = excluded.score, computed_for = excluded.computed_for, computed_at = excluded.computed_at
            """,
            new { readability.Slug, readability.Locale, score = JsonSerializer.Serialize(readability.Score, Json), readability.ComputedFor, at = Iso(readability.ComputedAt) });
    }

    public async Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginAuditedWriteAsync(connection, cancellationToken);

        // Workers sharing a database may publish the same signed content at once: both write the same bytes (atomic
        // rename), and the second to get here finds the version recorded with that very hash, which is its own work
        // done. Another hash under the same version number is a real conflict, refused by the UNIQUE constraint.
        var recorded = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT content_hash FROM publications WHERE slug = @Slug AND locale = @Locale AND version = @Version",
            new { publication.Slug, publication.Locale, publication.Version },
            transaction);
        if (recorded == publication.ContentHash)
        {
            return;
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO publications (slug, locale, version, content_hash, source_hash, path, published_by, published_at, reviewed_by, reviewed_at, restored_version, unpublished)
            VALUES (@Slug, @Locale, @Version, @ContentHash, @SourceHash, @Path, @PublishedBy, @at, @reviewedBy, @reviewedAt, @RestoredVersion, @Unpublished)
            """,
            new
            {
                publication.Slug, publication.Locale, publication.Version, publication.ContentHash, publication.SourceHash, publication.Path, publication.PublishedBy,
                at = Iso(publication.PublishedAt),
                reviewedBy = JsonSerializer.Serialize(publication.Reviewers, Json),
                reviewedAt = publication.ReviewedAt is { } reviewedAt ? Iso(reviewedAt) : null,
                publication.RestoredVersion,
                // An integer flag on both databases (PostgreSQL would not take a boolean into its BIGINT column).
                Unpublished = publication.Unpublished ? 1L : 0L,
            },
            transaction);
        var detail = publication.Unpublished
            ? $"unpublished {publication.Path} as version {publication.Version} (was sha256 {publication.ContentHash})"
            : publication.RestoredVersion is { } restored
            ? $"rolled back {publication.Path} to version {restored} as version {publication.Version} (sha256 {publication.ContentHash})"
            : $"published {publication.Path} version {publication.Version} (sha256 {publication.ContentHash})";
        await SqliteAuditTrail.AppendAsync(
            connection, transaction, auditKey, 0, $"article:{publication.Locale}/{publication.Slug}", "Approved", publication.Unpublished ? "Unpublished" : publication.RestoredVersion is null ? "Published" : "RolledBack",
            publication.PublishedBy, publication.PublishedAt, detail,
            AuditRows.PublicationKey(publication.Slug, publication.Locale, publication.Version), AuditRows.PublicationDigest(publication));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Publication>> ListPublicationsAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublicationRow>(
            $"{PublicationSelect} WHERE slug = @slug AND locale = @locale ORDER BY version",
            new { slug, locale });
        return rows.Select(ToPublication).ToArray();
    }

    public async Task<string> ReadPublishedWatermarkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Articles' updated_at moves only when their source changes, which is what turns a publication outdated.
        return await connection.ExecuteScalarAsync<string>(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM publications) || '|' || (SELECT COUNT(*) || '|' || COALESCE(MAX(updated_at), '') FROM articles)") ?? string.Empty;
    }

    public async Task<Publication?> FindLatestPublicationAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublicationRow>(
            $"{PublicationSelect} WHERE slug = @slug AND locale = @locale ORDER BY version DESC LIMIT 1",
            new { slug, locale });
        return rows.Select(ToPublication).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Publication>> ListLatestPublicationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ListLatestPublicationsAsync(connection);
    }

    internal const string PublicationSelect = """
        SELECT slug AS Slug, locale AS Locale, version AS Version, content_hash AS ContentHash, source_hash AS SourceHash, path AS Path,
               published_by AS PublishedBy, published_at AS PublishedAt, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt, restored_version AS RestoredVersion, unpublished AS Unpublished
        FROM publications
        """;

    private static async Task<IReadOnlyList<Publication>> ListLatestPublicationsAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync<PublicationRow>(
            $"{PublicationSelect} p WHERE version = (SELECT MAX(version) FROM publications q WHERE q.slug = p.slug AND q.locale = p.locale) ORDER BY slug, locale");
        return rows.Select(ToPublication).ToArray();
    }

    private static async Task<StoredArticle?> FindArticleAsync(DbConnection connection, DbTransaction? transaction, string slug)
    {
        var article = await connection.QuerySingleOrDefaultAsync<(long Id, string Slug, string Pipeline, string Path, string Title, string SourceHash, string SourceText, string Format)>(
            "SELECT id, slug, pipeline, source_path, title, source_hash, source_text, format FROM articles WHERE slug = @slug",
            new { slug },
            transaction);
        if (article.Slug is null)
        {
            return null;
        }

        var segments = await connection.QueryAsync<(long Id, long Ordinal, string UnitId, string Kind, string Source)>(
            "SELECT id, ordinal, unit_id, kind, source_text FROM segments WHERE article_id = @Id ORDER BY ordinal",
            new { article.Id },
            transaction);
        return new StoredArticle(
            article.Id, article.Slug, article.Pipeline, article.Path, article.Title, article.SourceHash, article.SourceText,
            segments.Select(s => new StoredSegment(s.Id, (int)s.Ordinal, s.UnitId, s.Kind, s.Source)).ToArray(),
            article.Format);
    }

    private static async Task<SegmentTranslation?> LoadTranslationAsync(DbConnection connection, DbTransaction? transaction, long id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, long SegmentId, string Locale, string State, string? Target, string? MachineTarget, string? EngineId, string Approvers, long Version, string? EditedBy)>(
            "SELECT id, segment_id, locale, state, target_text, machine_text, engine_id, approvers, version, edited_by FROM translations WHERE id = @id",
            new { id },
            transaction);
        return row.Locale is null
            ? null
            : new SegmentTranslation(row.Id, row.SegmentId, row.Locale, SegmentStateColumn.Read(row.State), row.Target, row.MachineTarget, row.EngineId, JsonSerializer.Deserialize<string[]>(row.Approvers, Json) ?? [], (int)row.Version, row.EditedBy);
    }

    private static ReviewItem ToReviewItem(ReviewRow r) => new(
        r.TranslationId, r.Slug, r.Pipeline, r.ArticleTitle, r.Locale, (int)r.Ordinal, r.UnitId, r.Kind, r.Source, r.Target, r.MachineTarget, r.EngineId,
        SegmentStateColumn.Read(r.State), (int)r.Version,
        JsonSerializer.Deserialize<SegmentNote[]>(r.Notes, Json) ?? [],
        JsonSerializer.Deserialize<string[]>(r.Approvers, Json) ?? [],
        ParseIso(r.UpdatedAt),
        r.BackTranslation,
        r.EditedBy);

    internal static Publication ToPublication(PublicationRow r) =>
        new(r.Slug, r.Locale, (int)r.Version, r.ContentHash, r.SourceHash, r.Path, r.PublishedBy, ParseIso(r.PublishedAt),
            JsonSerializer.Deserialize<string[]>(r.ReviewedBy, Json) ?? [],
            r.ReviewedAt is null ? null : ParseIso(r.ReviewedAt),
            r.RestoredVersion is null ? null : (int)r.RestoredVersion,
            r.Unpublished != 0);

    private static int CountWords(string tagged) =>
        InlineMarkup.PlainText(tagged).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    private static string Iso(DateTimeOffset at) => SqliteTime.Format(at);

    private static DateTimeOffset ParseIso(string text) => SqliteTime.Parse(text);

    // Settable properties rather than a positional record: Dapper cannot match a constructor to a computed column
    // (BackTranslation) whose SQLite type is unknown when its value is NULL.
    private sealed class ReviewRow
    {
        public long TranslationId { get; init; }
        public string Slug { get; init; } = string.Empty;
        public string Pipeline { get; init; } = string.Empty;
        public string ArticleTitle { get; init; } = string.Empty;
        public string Locale { get; init; } = string.Empty;
        public long Ordinal { get; init; }
        public string UnitId { get; init; } = string.Empty;
        public string Kind { get; init; } = string.Empty;
        public string Source { get; init; } = string.Empty;
        public string? Target { get; init; }
        public string? MachineTarget { get; init; }
        public string? EngineId { get; init; }
        public string State { get; init; } = string.Empty;
        public long Version { get; init; }
        public string Notes { get; init; } = "[]";
        public string Approvers { get; init; } = "[]";
        public string UpdatedAt { get; init; } = string.Empty;
        public string? BackTranslation { get; init; }
        public string? EditedBy { get; init; }
    }

    // Settable properties for the same reason as ReviewRow: reviewed_at and restored_version are often NULL.
    internal sealed class PublicationRow
    {
        public string Slug { get; init; } = string.Empty;
        public string Locale { get; init; } = string.Empty;
        public long Version { get; init; }
        public string ContentHash { get; init; } = string.Empty;
        public string SourceHash { get; init; } = string.Empty;
        public string Path { get; init; } = string.Empty;
        public string PublishedBy { get; init; } = string.Empty;
        public string PublishedAt { get; init; } = string.Empty;
        public string ReviewedBy { get; init; } = "[]";
        public string? ReviewedAt { get; init; }
        public long? RestoredVersion { get; init; }

        public long Unpublished { get; init; }
    }
}
