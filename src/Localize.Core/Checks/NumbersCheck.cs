using Localize.Core.Checks.Analysis;

namespace Localize.Core.Checks;

/// <summary>
/// <c>numbers</c>: every number of the source — quantity, dose, range, ratio, fraction, percentage, phone or code
/// number, spelled out or in digits — has the same value in the target, written in the target locale's format; and
/// the target has no number the source lacks; a ratio (120/80) keeps its order. "1,000" (en) = "1.000" (es), "0.5" = "0,5", "two" = "2" = "dos".
/// Needs: both sides' <see cref="TextSide.Numbers"/>. A numeral the target copied in the source's format ("1,000" in
/// Spanish reads as one) is reported with the value a reader would see and what to write instead.
/// </summary>
public sealed class NumbersCheck : IQualityCheck
{
    public const string CheckId = "numbers";

    public string Id => CheckId;

    public Severity Severity => Severity.Error;

    public string Description => "Every number, dose and range keeps its value, in the target locale's format.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var source = context.Source;
        var target = context.Target;
        if (source.Numbers.Count == 0 && target.Numbers.Count == 0)
        {
            return [];
        }

        var messages = new List<string>();
        var misformatted = new List<(int Start, int End)>();
        var targetAvailable = Count(target.Numbers, includeAmbiguous: true);
        foreach (var (value, needed) in Count(source.Numbers, includeAmbiguous: false))
        {
            if (targetAvailable.GetValueOrDefault(value) >= needed)
            {
                continue;
            }

            var mention = source.Numbers.First(n => n.Value == value && !n.Ambiguous);
            var have = targetAvailable.GetValueOrDefault(value);
            messages.Add(MisformattedMessage(context, mention, misformatted)
                ?? (have == 0
                    ? $"{Quote(mention)} in the source is missing from the target"
                    : $"{Quote(mention)} appears {needed} times in the source but {have} in the target"));
        }

        var sourceAvailable = Count(source.Numbers, includeAmbiguous: true);
        foreach (var (value, present) in Count(target.Numbers.Where(n => !misformatted.Any(s => n.Start >= s.Start && n.End <= s.End)), includeAmbiguous: false))
        {
            var have = sourceAvailable.GetValueOrDefault(value);
            if (have < present)
            {
                var mention = target.Numbers.First(n => n.Value == value && !n.Ambiguous);
                messages.Add(have == 0
                    ? $"{Quote(mention)} in the target is not in the source"
                    : $"{Quote(mention)} appears {present} times in the target but {have} in the source");
            }
        }

        if (messages.Count == 0 && source.Numbers.Count > 1 && target.Numbers.Count > 1)
        {
            var targetRatios = Ratios(target);
            foreach (var (first, second) in Ratios(source))
            {
                if (first != second && !targetRatios.Contains((first, second)) && targetRatios.Contains((second, first)))
                {
                    messages.Add($"the ratio {NumberReader.Format(first, source.Pack)}/{NumberReader.Format(second, source.Pack)} in the source is reversed in the target");
                }
            }
        }

        return messages;
    }

    // Two numbers joined by a slash (blood pressure 120/80): their order carries the meaning. Dates (12/31/2025)
    // have three parts and are written in each locale's order.
    private static List<(decimal, decimal)> Ratios(TextSide side)
    {
        var ratios = new List<(decimal, decimal)>();
        var numbers = side.Numbers;
        for (var i = 1; i < numbers.Count; i++)
        {
            var text = side.NumberText;
            var (first, second) = (numbers[i - 1], numbers[i]);
            if (second.Start == first.End + 1 && text[first.End] == '/'
                && (first.Start == 0 || text[first.Start - 1] != '/') && (second.End == text.Length || text[second.End] != '/'))
            {
                ratios.Add((numbers[i - 1].Value, numbers[i].Value));
            }
        }

        return ratios;
    }

    private static Dictionary<decimal, int> Count(IEnumerable<NumberMention> numbers, bool includeAmbiguous)
    {
        var counts = new Dictionary<decimal, int>();
        foreach (var number in numbers)
        {
            if (includeAmbiguous || !number.Ambiguous)
            {
                counts[number.Value] = counts.GetValueOrDefault(number.Value) + 1;
            }
        }

        return counts;
    }

    // The target kept the source's numeral character for character, but the target locale reads it differently.
    private static string? MisformattedMessage(CheckContext context, NumberMention mention, List<(int Start, int End)> misformatted)
    {
        if (mention.IsWord || !mention.Text.Any(c => c is '.' or ','))
        {
            return null;
        }

        var text = context.Target.Prose;
        var at = text.IndexOf(mention.Text, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + mention.Text.Length;
            var standsAlone = (at == 0 || !char.IsAsciiDigit(text[at - 1])) && (end == text.Length || !char.IsAsciiDigit(text[end]));
            if (standsAlone)
            {
                misformatted.Add((at, end));
                var pack = context.Target.Pack;
                var reading = NumberReader.Interpret(mention.Text, pack.DecimalSeparator, pack.GroupSeparator, pack.SpaceGroupsThousands);
                var readsAs = reading is { } other ? $"reads as {NumberReader.Format(other, pack)}" : "is not a number";
                return $"\"{mention.Text}\" is written in {context.Pair.SourceLanguage} format; in {context.Pair.TargetLocale} it "
                    + $"{readsAs}: write {NumberReader.Format(mention.Value, pack)}";
            }

            at = text.IndexOf(mention.Text, end, StringComparison.Ordinal);
        }

        return null;
    }

    private static string Quote(NumberMention mention) => $"\"{mention.Text}\"";
}
