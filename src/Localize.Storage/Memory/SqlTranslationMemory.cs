using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Localize.Core.Memory;
using Localize.Storage.Workflow;
using System.Data.Common;

namespace Localize.Storage.Memory;

/// <summary>
/// Translation memory beside the workflow (SQLite or PostgreSQL: the SQL is common to both), with one in-memory <see cref="FuzzyIndex"/> per language pair for
/// fuzzy lookups. The index is built on the pair's first fuzzy lookup and then catches up with the rows added since
/// (by id) before every lookup, so units approved by another process (the CLI) are found too.
/// </summary>
public sealed class SqlTranslationMemory(LocalizeDatabase database, TimeProvider clock) : ITranslationMemory
{
    private const char ContextSeparator = '\u001F';

    private readonly ConcurrentDictionary<(string From, string To), PairIndex> _indexes = new();

    private const string UnitColumns = """
        id AS Id, source_lang AS SourceLanguage, target_lang AS TargetLanguage, source_text AS Source, target_text AS Target,
        previous_source AS PreviousSource, next_source AS NextSource, document AS Document, origin AS Origin, created_by AS CreatedBy, changed_at AS ChangedAt
        """;

    public async Task AddAsync(MemoryUnit unit, CancellationToken cancellationToken) => await AddManyAsync([unit], cancellationToken);

    public async Task<int> AddManyAsync(IReadOnlyList<MemoryUnit> units, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginMemoryWriteAsync(connection, cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO memory_units (source_lang, target_lang, source_text, target_text, previous_source, next_source, document, context_key, origin, created_by, changed_at)
            VALUES (@from, @to, @source, @target, @previous, @next, @document, @context, @origin, @by, @at)
            ON CONFLICT (source_text, source_lang, target_lang, context_key) DO UPDATE SET
                target_text = excluded.target_text, origin = excluded.origin, created_by = excluded.created_by, changed_at = excluded.changed_at
            WHERE memory_units.target_text <> excluded.target_text
            RETURNING id
            """;
        var parameters = new[] { "from", "to", "source", "target", "previous", "next", "document", "context", "origin", "by", "at" }
            .ToDictionary(name => "$" + name, name =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = name;
                // Text even when the value is null, so PostgreSQL can prepare the statement.
                parameter.DbType = System.Data.DbType.String;
                insert.Parameters.Add(parameter);
                return parameter;
            });
        SqlTime.Bind(parameters["$at"], null);
        await insert.PrepareAsync(cancellationToken);
        var maxBefore = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(id) FROM memory_units", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
        var added = new HashSet<long>();
        foreach (var unit in units)
        {
            parameters["$from"].Value = LanguagePair.Normalize(unit.SourceLanguage);
            parameters["$to"].Value = LanguagePair.Normalize(unit.TargetLanguage);
            parameters["$source"].Value = unit.Source;
            parameters["$target"].Value = unit.Target;
            parameters["$previous"].Value = (object?)unit.PreviousSource ?? DBNull.Value;
            parameters["$next"].Value = (object?)unit.NextSource ?? DBNull.Value;
            parameters["$document"].Value = (object?)unit.Document ?? DBNull.Value;
            parameters["$context"].Value = ContextKey(unit);
            parameters["$origin"].Value = unit.Origin;
            parameters["$by"].Value = (object?)unit.CreatedBy ?? DBNull.Value;
            SqlTime.Bind(parameters["$at"], unit.ChangedAt ?? clock.GetUtcNow());
            // A row id above the table's maximum before this batch is a new unit; an update returns its old id.
            if (await insert.ExecuteScalarAsync(cancellationToken) is long id && id > maxBefore)
            {
                added.Add(id);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added.Count;
    }

    public async Task<MemoryMatch?> FindExactAsync(string sourceLanguage, string targetLanguage, MemoryQuery query, CancellationToken cancellationToken) =>
        (await FindExactManyAsync(sourceLanguage, targetLanguage, [query], cancellationToken))[0];

    public async Task<IReadOnlyList<MemoryMatch?>> FindExactManyAsync(
        string sourceLanguage, string targetLanguage, IReadOnlyList<MemoryQuery> queries, CancellationToken cancellationToken)
    {
        if (queries.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitRow>(new CommandDefinition(
            $"""
            SELECT {UnitColumns} FROM memory_units
            WHERE {database.Dialect.InListParameter("source_text", "@sources")} AND {LanguagePair.Matches("source_lang", "@from")} AND {LanguagePair.Matches("target_lang", "@to")}
            ORDER BY changed_at DESC, id DESC
            """,
            new { sources = database.Dialect.ListParameter(queries.Select(q => q.Source).Distinct(StringComparer.Ordinal)), from = LanguagePair.Normalize(sourceLanguage), to = LanguagePair.Normalize(targetLanguage) },
            cancellationToken: cancellationToken));
        var bySource = rows.ToLookup(r => r.Source, StringComparer.Ordinal);
        return [.. queries.Select(query => BestExact(query, bySource[query.Source]))];
    }

    /// <summary>The in-context match among the units of the same source, else the most recent exact one (rows come newest first).</summary>
    private static MemoryMatch? BestExact(MemoryQuery query, IEnumerable<UnitRow> rows)
    {
        MemoryMatch? best = null;
        foreach (var row in rows)
        {
            if (MatchScorer.Grade(query, row.ToUnit()) is not { } grade)
            {
                continue;
            }

            var match = new MemoryMatch(row.Id, grade.Kind, grade.Score, row.Source, row.Target, row.Origin, WordDiff.Html(row.Source, query.Source));
            if (grade.Kind == MemoryMatchKind.InContext)
            {
                return match;
            }

            best ??= match;
        }

        return best;
    }

    public async Task<IReadOnlyList<MemoryMatch>> FindFuzzyAsync(string sourceLanguage, string targetLanguage, string source, int limit, CancellationToken cancellationToken)
    {
        var from = LanguagePair.Normalize(sourceLanguage);
        var to = LanguagePair.Normalize(targetLanguage);
        var index = _indexes.GetOrAdd((from, to), _ => new PairIndex());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await index.CatchUpAsync(connection, from, to, cancellationToken);

        // The same sentence approved in several articles is one suggestion for a reviewer, not five.
        var hits = index.Index.Search(MatchText.Of(source), limit * 4);
        if (hits.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<UnitRow>(new CommandDefinition($"SELECT {UnitColumns} FROM memory_units WHERE {database.Dialect.InListParameter("id", "@ids")}", new { ids = database.Dialect.ListParameter(hits.Select(h => h.Key)) }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id);
        var matches = new List<MemoryMatch>();
        var seen = new HashSet<(string, string)>();
        foreach (var hit in hits)
        {
            if (!rows.TryGetValue(hit.Key, out var row) || !seen.Add((row.Source, row.Target)))
            {
                continue;
            }

            var exact = string.Equals(row.Source, source, StringComparison.Ordinal);
            matches.Add(new MemoryMatch(
                row.Id,
                exact ? MemoryMatchKind.Exact : MemoryMatchKind.Fuzzy,
                exact ? MatchScorer.ExactScore : MatchScorer.FuzzyScore(hit.Similarity),
                row.Source,
                row.Target,
                row.Origin,
                WordDiff.Html(row.Source, source)));
            if (matches.Count == limit)
            {
                break;
            }
        }

        return matches;
    }

    public async IAsyncEnumerable<MemoryUnit> ExportAsync(string? sourceLanguage, string? targetLanguage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var from = sourceLanguage is null ? null : LanguagePair.Normalize(sourceLanguage);
        var to = targetLanguage is null ? null : LanguagePair.Normalize(targetLanguage);
        var rows = connection.QueryUnbufferedAsync<UnitRow>(
            $"""
            SELECT {UnitColumns} FROM memory_units
            WHERE (@from IS NULL OR {LanguagePair.Matches("source_lang", "@from")}) AND (@to IS NULL OR {LanguagePair.Matches("target_lang", "@to")})
            ORDER BY id
            """,
            new { from, to });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToUnit();
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM memory_units", cancellationToken: cancellationToken));
    }

    private static string ContextKey(MemoryUnit unit) =>
        unit.PreviousSource is null && unit.NextSource is null && unit.Document is null
            ? string.Empty
            : string.Join(ContextSeparator, unit.PreviousSource ?? string.Empty, unit.NextSource ?? string.Empty, unit.Document ?? string.Empty);


    /// <summary>One pair's index and how far into the table it has read.</summary>
    private sealed class PairIndex
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private long _loadedThrough;

        public FuzzyIndex Index { get; } = new();

        public async Task CatchUpAsync(DbConnection connection, string from, string to, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var rows = connection.QueryUnbufferedAsync<(long Id, string Source)>(
                    $"""
                    SELECT id, source_text FROM memory_units
                    WHERE id > @after AND {LanguagePair.Matches("source_lang", "@from")} AND {LanguagePair.Matches("target_lang", "@to")}
                    ORDER BY id
                    """,
                    new { after = _loadedThrough, from, to });
                await foreach (var (id, source) in rows.WithCancellation(cancellationToken))
                {
                    Index.Add(id, MatchText.Of(source));
                    _loadedThrough = id;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private sealed record UnitRow(
        long Id, string SourceLanguage, string TargetLanguage, string Source, string Target, string? PreviousSource, string? NextSource,
        string? Document, string Origin, string? CreatedBy, DateTimeOffset ChangedAt)
    {
        public MemoryUnit ToUnit() => new(SourceLanguage, TargetLanguage, Source, Target)
        {
            PreviousSource = PreviousSource,
            NextSource = NextSource,
            Document = Document,
            Origin = Origin,
            CreatedBy = CreatedBy,
            ChangedAt = ChangedAt,
        };
    }
}
