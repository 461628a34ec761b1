using System.Collections.Frozen;

namespace Localize.Core.Languages;

/// <summary>
/// The units a patient text measures with, by id, and the dimension each belongs to. Two different units of the same
/// dimension (mg and mcg, hours and days) are what the units check must never let pass.
/// </summary>
public static class Units
{
    /// <param name="Generic">
    /// Names the dimension without a scale ("degrees", "units", "calories"): compatible with any unit of it.
    /// </param>
    public sealed record Definition(string Id, string Dimension, bool Generic = false);

    public static FrozenDictionary<string, Definition> ById { get; } = new Definition[]
    {
        new("mg", "mass"), new("mcg", "mass"), new("g", "mass"), new("kg", "mass"), new("lb", "mass"), new("oz", "mass"),
        new("mL", "volume"), new("L", "volume"), new("dL", "volume"), new("tsp", "volume"), new("tbsp", "volume"),
        new("cup", "volume"), new("drop", "volume"),
        new("mmHg", "pressure"),
        new("°C", "temperature"), new("°F", "temperature"), new("degree", "temperature", Generic: true),
        new("%", "percentage"),
        new("s", "time"), new("min", "time"), new("h", "time"), new("day", "time"), new("week", "time"),
        new("month", "time"), new("year", "time"),
        new("mm", "length"), new("cm", "length"), new("m", "length"), new("km", "length"), new("in", "length"),
        new("ft", "length"),
        new("IU", "dose-unit"), new("unit", "dose-unit", Generic: true), new("mEq", "dose-unit"),
        new("mg/dL", "concentration"), new("mmol/L", "concentration"), new("mg/mL", "concentration"),
        new("mg/kg", "dose-per-weight"),
        new("kcal", "energy"), new("calorie", "energy", Generic: true),
    }.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>Symbols written the same in every language; only after a number, since "g", "l" or "m" are letters too.</summary>
    public static IReadOnlyList<UnitForm> Symbols { get; } =
    [
        new("mg", "mg", true), new("mcg", "mcg", true), new("µg", "mcg", true), new("μg", "mcg", true),
        new("ug", "mcg", true), new("g", "g", true), new("kg", "kg", true), new("lb", "lb", true),
        new("lbs", "lb", true), new("oz", "oz", true), new("ml", "mL", true), new("l", "L", true),
        new("dl", "dL", true), new("mmhg", "mmHg", true), new("mm hg", "mmHg", true), new("°c", "°C", true),
        new("ºc", "°C", true), new("° c", "°C", true), new("°f", "°F", true), new("ºf", "°F", true),
        new("° f", "°F", true), new("°", "degree", true), new("º", "degree", true), new("%", "%", true),
        new("mm", "mm", true), new("cm", "cm", true), new("m", "m", true), new("km", "km", true),
        new("mg/dl", "mg/dL", true), new("mmol/l", "mmol/L", true), new("mg/ml", "mg/mL", true),
        new("mg/kg", "mg/kg", true), new("kcal", "kcal", true), new("h", "h", true), new("min", "min", true),
        new("meq", "mEq", true), new("iu", "IU", true), new("cc", "mL", true),
        // One-character symbols of CJK typography.
        new("℃", "°C", true), new("℉", "°F", true), new("㎎", "mg", true), new("㎍", "mcg", true), new("㎏", "kg", true),
        new("㎖", "mL", true), new("ℓ", "L", true), new("㎜", "mm", true), new("㎝", "cm", true), new("㎞", "km", true),
    ];

    public static bool AreCompatible(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var x = ById[a];
        var y = ById[b];
        return x.Dimension == y.Dimension && (x.Generic || y.Generic);
    }
}
