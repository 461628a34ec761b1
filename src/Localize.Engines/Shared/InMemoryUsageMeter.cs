using Localize.Core.Translation;

namespace Localize.Engines.Shared;

/// <summary>The meter used when no store is registered; totals live as long as the process.</summary>
public sealed class InMemoryUsageMeter : IUsageMeter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(DateOnly Day, string Engine, string Locale, string Document), UsageRecord> _rows = [];

    public Task RecordAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var record in records)
            {
                var key = (record.Day, record.EngineId, record.Locale, record.Document);
                _rows[key] = _rows.TryGetValue(key, out var row)
                    ? row with
                    {
                        CharactersSent = row.CharactersSent + record.CharactersSent,
                        CharactersCharged = row.CharactersCharged + record.CharactersCharged,
                        Segments = row.Segments + record.Segments,
                    }
                    : record;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UsageTotal>> QueryTotalsAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        List<UsageRecord> rows;
        lock (_lock)
        {
            rows = _rows.Values.Where(r => r.Day >= query.From && r.Day <= query.To
                && (query.EngineId is null || r.EngineId == query.EngineId)
                && (query.Locale is null || r.Locale == query.Locale)
                && (query.Document is null || r.Document == query.Document)).ToList();
        }

        var g = query.GroupBy;
        IReadOnlyList<UsageTotal> totals = rows
            .GroupBy(r => new UsageTotal(
                g.HasFlag(UsageGrouping.Engine) ? r.EngineId : null,
                g.HasFlag(UsageGrouping.Locale) ? r.Locale : null,
                g.HasFlag(UsageGrouping.Document) ? r.Document : null,
                g.HasFlag(UsageGrouping.Day) ? r.Day : null,
                0, 0, 0))
            .Select(group => group.Key with
            {
                CharactersSent = group.Sum(r => r.CharactersSent),
                CharactersCharged = group.Sum(r => r.CharactersCharged),
                Segments = group.Sum(r => r.Segments),
            })
            .OrderBy(t => t.Day).ThenBy(t => t.EngineId).ThenBy(t => t.Locale).ThenBy(t => t.Document)
            .ToList();
        return Task.FromResult(totals);
    }
}
