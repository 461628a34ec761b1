using Localize.Core.Languages;

namespace Localize.Core.Checks.Analysis;

/// <summary>
/// Reads numerals written with Chinese characters, as Chinese and Japanese write counts and doses: 三次 (3 times),
/// 两周 (2 weeks), 十二 (12), 一百二十 (120), 两千 (2000), 一个半 (1.5). A lone 一 is ambiguous (一些 "some", 一起
/// "together"), as is a numeral after an ordinal marker (第二天 "the next day"): such a numeral may match the other
/// side but is not required there.
/// </summary>
internal static class CjkNumeralReader
{
    public static void Read(string text, CjkNumerals numerals, List<NumberMention> mentions)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!numerals.Digits.ContainsKey(text[i]) && !numerals.Multipliers.ContainsKey(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (numerals.Digits.ContainsKey(text[i]) || numerals.Multipliers.ContainsKey(text[i])))
            {
                i++;
            }

            var end = i;
            var value = Value(text.AsSpan(start, end - start), numerals, out var leadingMultiplier);
            var ambiguous = leadingMultiplier
                || (end - start == 1 && numerals.Digits.TryGetValue(text[start], out var digit) && digit == 1)
                || (start > 0 && numerals.OrdinalMarkers.Contains(text[start - 1]));
            foreach (var half in numerals.HalfAfter)
            {
                if (string.CompareOrdinal(text, end, half, 0, half.Length) == 0)
                {
                    value += 0.5m;
                    end += half.Length;
                    i = end;
                    break;
                }
            }

            mentions.Add(new NumberMention(value, text[start..end], start, end, true, ambiguous));
        }
    }

    private static decimal Value(ReadOnlySpan<char> run, CjkNumerals numerals, out bool leadingMultiplier)
    {
        long total = 0, section = 0, digit = 0;
        var sawDigit = false;
        leadingMultiplier = false;
        foreach (var c in run)
        {
            if (numerals.Digits.TryGetValue(c, out var d))
            {
                digit = (digit * 10) + d;
                sawDigit = true;
                continue;
            }

            var multiplier = numerals.Multipliers[c];
            if (!sawDigit && section == 0 && total == 0 && multiplier > 10)
            {
                // 百 千 万 opening a word are not counts (万一 "in case", 千万 "by all means").
                leadingMultiplier = true;
            }

            if (multiplier >= 10_000)
            {
                total += (section + digit == 0 ? 1 : section + digit) * multiplier;
                section = 0;
            }
            else
            {
                section += (digit == 0 ? 1 : digit) * multiplier;
            }

            digit = 0;
        }

        return total + section + digit;
    }
}
