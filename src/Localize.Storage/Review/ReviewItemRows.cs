using System.Text.Json;
using Localize.Core.Segments;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;

namespace Localize.Storage.Review;

/// <summary>How a <see cref="ReviewItem"/> is read: one translation joined with its segment and article.</summary>
internal static class ReviewItemRows
{
    /// <summary>The select list and FROM clause; the caller adds WHERE and ORDER BY.</summary>
    public const string Columns = """
        t.id AS TranslationId, a.slug AS Slug, a.pipeline AS Pipeline, a.title AS ArticleTitle, t.locale AS Locale,
        s.ordinal AS Ordinal, s.unit_id AS UnitId, s.kind AS Kind, s.source_text AS Source, t.target_text AS Target,
        t.machine_text AS MachineTarget, t.engine_id AS EngineId, t.state AS State, t.version AS Version,
        t.notes AS Notes, t.approvers AS Approvers, t.updated_at AS UpdatedAt,
        CASE WHEN t.back_translated_target = t.target_text THEN t.back_translation END AS BackTranslation,
        t.edited_by AS EditedBy
        FROM translations t JOIN segments s ON s.id = t.segment_id JOIN articles a ON a.id = s.article_id
        """;

    public static ReviewItem ToReviewItem(Row r) => new(
        r.TranslationId, r.Slug, r.Pipeline, r.ArticleTitle, r.Locale, (int)r.Ordinal, r.UnitId, r.Kind, r.Source, r.Target, r.MachineTarget, r.EngineId,
        SegmentStateColumn.Read(r.State), (int)r.Version,
        JsonSerializer.Deserialize<SegmentNote[]>(r.Notes, StoreJson.Options) ?? [],
        JsonSerializer.Deserialize<string[]>(r.Approvers, StoreJson.Options) ?? [],
        r.UpdatedAt,
        r.BackTranslation,
        r.EditedBy);

    // Settable properties rather than a positional record: Dapper cannot match a constructor to a computed column
    // (BackTranslation) whose SQLite type is unknown when its value is NULL.
    internal sealed class Row
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
        public DateTimeOffset UpdatedAt { get; init; }
        public string? BackTranslation { get; init; }
        public string? EditedBy { get; init; }
    }
}
