using System.Globalization;
using Dapper;
using Localize.Core.Translation;
using Localize.Storage.Workflow;
using Microsoft.Data.Sqlite;

namespace Localize.Storage.Translation;

/// <summary>Usage totals in the workflow database (<c>mt_usage</c>): rows are running sums per day, engine, locale and article.</summary>
public sealed class SqlUsageMeter : IUsageMeter
{
    private const string DayFormat = "yyyy-MM-dd";

    private readonly LocalizeDatabase _database;

    /// <summary>On the workflow database, SQLite or PostgreSQL (its migrations applied), so every worker sharing it shares this too.</summary>
    public SqlUsageMeter(LocalizeDatabase database)
    {
        _database = database;
    }

    public async Task RecordAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        await _database.InTransactionAsync(
            TransactionKind.Write,
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO mt_usage (day, engine_id, locale, document, characters_sent, characters_charged, segments)
                    VALUES (@Day, @EngineId, @Locale, @Document, @CharactersSent, @CharactersCharged, @Segments)
                    ON CONFLICT (day, engine_id, locale, document) DO UPDATE SET
                        characters_sent = mt_usage.characters_sent + excluded.characters_sent,
                        characters_charged = mt_usage.characters_charged + excluded.characters_charged,
                        segments = mt_usage.segments + excluded.segments
                    """,
                    records.Select(r => new
                    {
                        Day = r.Day.ToString(DayFormat, CultureInfo.InvariantCulture),
                        r.EngineId,
                        r.Locale,
                        r.Document,
                        r.CharactersSent,
                        r.CharactersCharged,
                        r.Segments,
                    }),
                    transaction,
                    cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<UsageTotal>> QueryTotalsAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        // Column names come from this fixed list, never from the caller, so composing the SQL is safe.
        var columns = new (UsageGrouping Flag, string Column, string Alias)[]
        {
            (UsageGrouping.Day, "day", "Day"),
            (UsageGrouping.Engine, "engine_id", "EngineId"),
            (UsageGrouping.Locale, "locale", "Locale"),
            (UsageGrouping.Document, "document", "Document"),
        };
        var grouped = columns.Where(c => query.GroupBy.HasFlag(c.Flag)).Select(c => c.Column).ToArray();
        var select = string.Join(", ", columns.Select(c => $"{(query.GroupBy.HasFlag(c.Flag) ? c.Column : "NULL")} AS {c.Alias}"));
        var filters = new List<string> { "day BETWEEN @From AND @To" };
        if (query.EngineId is not null)
        {
            filters.Add("engine_id = @EngineId");
        }

        if (query.Locale is not null)
        {
            filters.Add("locale = @Locale");
        }

        if (query.Document is not null)
        {
            filters.Add("document = @Document");
        }

        var sql = $"""
            SELECT {select}, COUNT(*) AS Rows,
                   CAST(COALESCE(SUM(characters_sent), 0) AS BIGINT) AS CharactersSent,
                   CAST(COALESCE(SUM(characters_charged), 0) AS BIGINT) AS CharactersCharged,
                   CAST(COALESCE(SUM(segments), 0) AS BIGINT) AS Segments
            FROM mt_usage
            WHERE {string.Join(" AND ", filters)}
            {(grouped.Length > 0 ? $"GROUP BY {string.Join(", ", grouped)} ORDER BY {string.Join(", ", grouped)}" : "")}
            """;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UsageRow>(new CommandDefinition(
            sql,
            new
            {
                From = query.From.ToString(DayFormat, CultureInfo.InvariantCulture),
                To = query.To.ToString(DayFormat, CultureInfo.InvariantCulture),
                query.EngineId,
                query.Locale,
                query.Document,
            },
            cancellationToken: cancellationToken));
        return rows
            .Where(r => r.Rows > 0)
            .Select(r => new UsageTotal(
                r.EngineId,
                r.Locale,
                r.Document,
                r.Day is null ? null : DateOnly.ParseExact(r.Day, DayFormat, CultureInfo.InvariantCulture),
                r.CharactersSent,
                r.CharactersCharged,
                r.Segments))
            .ToList();
    }

    private sealed class UsageRow
    {
        public string? Day { get; set; }

        public string? EngineId { get; set; }

        public string? Locale { get; set; }

        public string? Document { get; set; }

        public long Rows { get; set; }

        public long CharactersSent { get; set; }

        public long CharactersCharged { get; set; }

        public long Segments { get; set; }
    }
}
