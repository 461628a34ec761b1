namespace Localize.Hosting;

/// <summary>
/// The <c>Localize:Costs</c> configuration section: what each machine-translation engine charges per million
/// characters (<c>Localize__Costs__PerMillionCharacters__azure=10</c>), in one currency. Engines without a price cost
/// nothing.
/// </summary>
public sealed class CostOptions
{
    public const string Section = "Localize:Costs";

    public string Currency { get; set; } = "USD";

    public Dictionary<string, decimal> PerMillionCharacters { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
