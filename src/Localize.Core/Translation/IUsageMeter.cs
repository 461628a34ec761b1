namespace Localize.Core.Translation;

/// <summary>
/// Characters sent to and charged by machine-translation engines, per engine, locale, article and day: the figures
/// behind the manager's cost view. Charged is what the service reported (Azure's <c>X-Metered-Usage</c>).
/// </summary>
public interface IUsageMeter
{
    /// <summary>Adds to the running totals (records with the same key are summed, never overwritten).</summary>
    Task RecordAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken);

    /// <summary>Totals over the query's period, one row per (engine, locale, document, day) or coarser as asked.</summary>
    Task<IReadOnlyList<UsageTotal>> QueryTotalsAsync(UsageQuery query, CancellationToken cancellationToken);
}

/// <param name="CharactersSent">Engine-input characters × locales of calls that came back.</param>
/// <param name="CharactersCharged">The service's own billed figure, apportioned to articles by characters sent.</param>
public sealed record UsageRecord(
    DateOnly Day,
    string EngineId,
    string Locale,
    string Document,
    long CharactersSent,
    long CharactersCharged,
    long Segments);

/// <summary>Period is inclusive. Null filters match everything; the Group flags choose the rows' grain.</summary>
public sealed record UsageQuery(DateOnly From, DateOnly To)
{
    public string? EngineId { get; init; }

    public string? Locale { get; init; }

    public string? Document { get; init; }

    public UsageGrouping GroupBy { get; init; } = UsageGrouping.Engine | UsageGrouping.Locale | UsageGrouping.Document | UsageGrouping.Day;
}

[Flags]
public enum UsageGrouping
{
    None = 0,
    Engine = 1,
    Locale = 2,
    Document = 4,
    Day = 8,
}

/// <summary>A total row; the fields not grouped on are null.</summary>
public sealed record UsageTotal(
    string? EngineId,
    string? Locale,
    string? Document,
    DateOnly? Day,
    long CharactersSent,
    long CharactersCharged,
    long Segments);
