namespace Localize.Core.Dashboard;

/// <summary>
/// What machine translation costs: a price per million characters charged, per engine (configuration
/// <c>Localize:Costs:PerMillionCharacters:&lt;engine&gt;</c>). An engine without a price costs nothing (Apertium and
/// the pseudo engine run here).
/// </summary>
public sealed record CostPrices(string Currency, IReadOnlyDictionary<string, decimal> PerMillionCharacters)
{
    public decimal PriceOf(string engineId) => PerMillionCharacters.TryGetValue(engineId, out var price) ? price : 0m;

    public decimal CostOf(string engineId, long charactersCharged) => Math.Round(PriceOf(engineId) * charactersCharged / 1_000_000m, 4);
}
