using Localize.Core.Languages;

namespace Localize.Core.Checks;

/// <summary>
/// <c>units</c>: a quantity keeps its unit (5 mg is not 5 mcg, 2 hours are not 2 days), and a unit the source names
/// is not swapped for another of the same dimension anywhere in the segment ("for hours" is not "durante días").
/// Spellings differ by language ("75 percent" = "75 %" = "75 por ciento"); generic names ("degrees", "units") match
/// any unit of their dimension. Needs: both sides' <see cref="Analysis.TextSide.Units"/>. A changed number is the
/// numbers check's to report, so it is not reported twice here.
/// </summary>
public sealed class UnitsCheck : IQualityCheck
{
    public const string CheckId = "units";

    public string Id => CheckId;

    public Severity Severity => Severity.Error;

    public string Description => "Doses and durations keep their unit: mg is not mcg, hours are not days.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var source = context.Source.Units;
        var target = context.Target.Units;
        if (source.Count == 0 && target.Count == 0)
        {
            return [];
        }

        var messages = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        // Looked up by value and by unit rather than searched per mention: a segment may hold thousands of quantities.
        var targetByValue = target.Where(t => t.Value is not null).DistinctBy(t => (t.Value, t.UnitId)).ToLookup(t => t.Value);
        var targetUnits = target.Select(t => t.UnitId).Distinct().ToList();
        var sourceUnits = source.Select(s => s.UnitId).Distinct().ToList();
        foreach (var quantity in source.Where(u => u.Value is not null).DistinctBy(u => (u.Value, u.UnitId)))
        {
            var sameValue = targetByValue[quantity.Value];
            if (!sameValue.Any() || sameValue.Any(t => Units.AreCompatible(t.UnitId, quantity.UnitId)))
            {
                continue;
            }

            var other = sameValue.First();
            if (reported.Add(quantity.UnitId))
            {
                messages.Add($"\"{quantity.Text}\" after {quantity.Value} in the source became {Describe(other)} in the target");
            }
        }

        foreach (var unit in sourceUnits)
        {
            if (reported.Contains(unit) || targetUnits.Any(t => Units.AreCompatible(t, unit)))
            {
                continue;
            }

            var dimension = Units.ById[unit].Dimension;
            var swappedUnit = targetUnits.FirstOrDefault(t =>
                Units.ById[t].Dimension == dimension && !sourceUnits.Any(s => Units.AreCompatible(s, t)));
            if (swappedUnit is not null && reported.Add(unit))
            {
                var written = source.First(s => s.UnitId == unit).Text;
                messages.Add($"the source measures in \"{written}\" but the target in {Describe(target.First(t => t.UnitId == swappedUnit))}");
            }
        }

        return messages;
    }

    private static string Describe(Analysis.UnitMention unit) =>
        unit.Text == unit.UnitId ? $"\"{unit.Text}\"" : $"\"{unit.Text}\" ({unit.UnitId})";
}
