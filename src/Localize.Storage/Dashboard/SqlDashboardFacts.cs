using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Localize.Core.Dashboard;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;

namespace Localize.Storage.Dashboard;

/// <summary>
/// The dashboard's tallies on the workflow database (SQLite or PostgreSQL: SQL both accept, sums cast to BIGINT), each
/// one grouped query over the tables the workflow, review and metering stores write (no schema of its own).
/// <paramref name="workerActor"/> is the name the worker's change records carry: its approvals (in-context memory
/// matches) are not a reviewer's throughput.
/// </summary>
public sealed class SqlDashboardFacts(LocalizeDatabase database, string workerActor) : IDashboardFacts
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<DashboardFacts> ReadAsync(DateOnly since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var from = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var segments = await connection.QueryAsync<(string Slug, string Locale, string State, string? EngineId, long Segments, long Words)>(new CommandDefinition(
            """
            SELECT a.slug, t.locale, t.state, t.engine_id, COUNT(*), CAST(SUM(s.words) AS BIGINT)
            FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
            GROUP BY a.slug, t.locale, t.state, t.engine_id
            """, cancellationToken: cancellationToken));
        var articles = await connection.QueryAsync<(string Slug, string SourceHash)>(new CommandDefinition("SELECT slug, source_hash FROM articles", cancellationToken: cancellationToken));

        var usage = await connection.QueryAsync<(string Day, string EngineId, string Locale, long Sent, long Charged, long Segments)>(new CommandDefinition(
            """
            SELECT day, engine_id, locale, CAST(SUM(characters_sent) AS BIGINT), CAST(SUM(characters_charged) AS BIGINT), CAST(SUM(segments) AS BIGINT)
            FROM mt_usage WHERE day >= @from GROUP BY day, engine_id, locale
            """,
            new { from }, cancellationToken: cancellationToken));

        // A transition into Approved by a person; the sign-off's own records (Approved → Approved) are not new work.
        var approvals = await connection.QueryAsync<(string Day, string Locale, long Segments, long Words)>(new CommandDefinition(
            $"""
            SELECT {database.Dialect.UtcDay("c.at")} AS day, t.locale, COUNT(*), CAST(COALESCE(SUM(s.words), 0) AS BIGINT)
            FROM changes c JOIN translations t ON t.id = c.translation_id JOIN segments s ON s.id = t.segment_id
            WHERE c.to_state = @approved AND c.from_state <> @approved AND c.actor <> @workerActor AND c.at >= @sinceTime
            GROUP BY day, t.locale
            """,
            new { sinceTime = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), workerActor, approved = SegmentStateColumn.Write(SegmentState.Approved) }, cancellationToken: cancellationToken));
        var issues = await connection.QueryAsync<(string Slug, string Locale, string? EngineId, string Category, string Severity)>(new CommandDefinition(
            "SELECT m.slug, m.locale, t.engine_id, m.category, m.severity FROM mqm_issues m LEFT JOIN translations t ON t.id = m.translation_id", cancellationToken: cancellationToken));
        var notes = await connection.QueryAsync<(string Locale, string Notes)>(new CommandDefinition(
            $"SELECT locale, notes FROM translations WHERE {database.Dialect.InList("state", "@open")} AND notes <> '[]'",
            new { open = SegmentStateColumn.OpenFindings }, cancellationToken: cancellationToken));
        var signatures = await connection.QueryAsync<(string Slug, string Locale, string ContentHash, string SourceHash, string SignedBy, DateTimeOffset SignedAt, string Meaning)>(new CommandDefinition(
            """
            SELECT slug, locale, content_hash, source_hash, signed_by, signed_at, meaning FROM signatures
            WHERE id IN (SELECT MAX(id) FROM signatures GROUP BY slug, locale)
            """, cancellationToken: cancellationToken));

        var findings = notes
            .SelectMany(r => (JsonSerializer.Deserialize<SegmentNote[]>(r.Notes, Json) ?? []).Select(n => (r.Locale, n.Origin, n.Severity)))
            .GroupBy(f => f)
            .Select(g => new FindingTally(g.Key.Locale, g.Key.Origin, g.Key.Severity, g.Count()))
            .ToArray();
        return new DashboardFacts(
            [.. segments.Select(r => new SegmentTally(r.Slug, r.Locale, SegmentStateColumn.Read(r.State), r.EngineId, (int)r.Segments, (int)r.Words))],
            [.. articles.Select(r => new ArticleSource(r.Slug, r.SourceHash))],
            [.. usage.Select(r => new UsageDay(DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.EngineId, r.Locale, r.Sent, r.Charged, r.Segments))],
            [.. approvals.Select(r => new ApprovalDay(DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Locale, (int)r.Segments, (int)r.Words))],
            [.. issues.Select(r => new MqmIssueFact(r.Slug, r.Locale, r.EngineId, r.Category, Enum.Parse<MqmSeverity>(r.Severity)))],
            findings,
            [.. signatures.Select(r => new ArticleSignature(r.Slug, r.Locale, r.ContentHash, r.SourceHash, r.SignedBy, r.SignedAt, r.Meaning))]);
    }
}
