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
        foreach (var quantity in source.Where(u => u.Value is not null))
        {
            var sameValue = target.Where(t => t.Value == quantity.Value).ToList();
            if (sameValue.Count == 0 || sameValue.Any(t => Units.AreCompatible(t.UnitId, quantity.UnitId)))
            {
                continue;
            }

            var other = sameValue[0];
            if (reported.Add(quantity.UnitId))
            {
                messages.Add($"\"{quantity.Text}\" after {quantity.Value} in the source became {Describe(other)} in the target");
            }
        }

        foreach (var unit in source.Select(u => u.UnitId).Distinct())
        {
            if (reported.Contains(unit) || target.Any(t => Units.AreCompatible(t.UnitId, unit)))
            {
                continue;
            }

            var dimension = Units.ById[unit].Dimension;
            var swapped = target.FirstOrDefault(t =>
                Units.ById[t.UnitId].Dimension == dimension && !source.Any(s => Units.AreCompatible(s.UnitId, t.UnitId)));
            if (swapped is not null && reported.Add(unit))
            {
                var written = source.First(s => s.UnitId == unit).Text;
                messages.Add($"the source measures in \"{written}\" but the target in {Describe(swapped)}");
            }
        }

        return messages;
    }

    private static string Describe(Analysis.UnitMention unit) =>
        unit.Text == unit.UnitId ? $"\"{unit.Text}\"" : $"\"{unit.Text}\" ({unit.UnitId})";
}
