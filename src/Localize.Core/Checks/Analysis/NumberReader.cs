using System.Globalization;
using Localize.Core.Languages;

namespace Localize.Core.Checks.Analysis;

/// <summary>A number as written in a text: digits in the language's format, a fraction, or number words.</summary>
/// <param name="Ambiguous">A lone word such as "one" or "una" that is often not a number; see <see cref="NumberWord"/>.</param>
public sealed record NumberMention(decimal Value, string Text, int Start, int End, bool IsWord, bool Ambiguous);

/// <summary>
/// Reads every number of a plain text in one language's format. Digits are read as the locale writes them
/// (1,000.5 in English, 1.000,5 in Spanish, with a no-break or thin space also grouping thousands); a numeral that is
/// not valid in the locale (a phone number 555.123.4567, "0.5" in Spanish) is read as its separate digit runs, so it
/// can only match the same runs. "a/b" with a small denominator is a fraction; longer slash chains (160/100, dates)
/// are separate numbers. Number words combine as people write them ("twenty-five", "ciento veinte", "dos mil").
/// </summary>
public static class NumberReader
{
    private const int MaxFractionDenominator = 16;
    private const decimal MaxWordValue = 1_000_000_000_000m;

    public static IReadOnlyList<NumberMention> Read(string text, IReadOnlyList<WordToken> words, LanguagePack pack)
    {
        var mentions = new List<NumberMention>();
        ReadNumerals(text, pack, mentions);
        ReadWords(text, words, pack, mentions);
        if (pack.CjkNumerals is { } cjk)
        {
            CjkNumeralReader.Read(text, cjk, mentions);
        }

        if (pack.NumeralsNotCounting.Count > 0)
        {
            MarkNotCounting(text, pack.NumeralsNotCounting, mentions);
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private static void MarkNotCounting(string text, IReadOnlyList<string> words, List<NumberMention> mentions)
    {
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            foreach (var word in words)
            {
                var offset = word.IndexOf(mention.Text, StringComparison.Ordinal);
                var at = mention.Start - offset;
                if (offset >= 0 && at >= 0 && at + word.Length <= text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
                {
                    mentions[m] = mention with { Ambiguous = true };
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The value of one numeral written with the given separators, or null when the numeral is not valid there
    /// (groups not of three digits, two decimal separators, a separator of the other convention).
    /// </summary>
    public static decimal? Interpret(string numeral, char decimalSeparator, char groupSeparator, bool spaceGroups = false)
    {
        var decimalAt = numeral.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (decimalAt >= 0 && numeral.IndexOf(decimalSeparator, decimalAt + 1) >= 0)
        {
            return null;
        }

        var integerPart = decimalAt < 0 ? numeral : numeral[..decimalAt];
        var fractionPart = decimalAt < 0 ? string.Empty : numeral[(decimalAt + 1)..];
        if (!fractionPart.All(char.IsAsciiDigit))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(numeral.Length);
        var groupLength = 0;
        var groups = 0;
        foreach (var c in integerPart)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                groupLength++;
                continue;
            }

            if (c != groupSeparator && !IsSpaceGroupSeparator(c) && !(spaceGroups && c == ' '))
            {
                return null;
            }

            if ((groups == 0 && groupLength > 3) || (groups > 0 && groupLength != 3))
            {
                return null;
            }

            groups++;
            groupLength = 0;
        }

        if (groups > 0 && groupLength != 3)
        {
            return null;
        }

        if (fractionPart.Length > 0)
        {
            digits.Append('.').Append(fractionPart);
        }

        return decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>Writes a value the way a locale should, for messages that tell the translator what to write.</summary>
    public static string Format(decimal value, LanguagePack pack)
    {
        var parts = Math.Abs(value).ToString(CultureInfo.InvariantCulture).Split('.');
        var grouping = new NumberFormatInfo { NumberGroupSeparator = pack.GroupSeparator.ToString() };
        var integer = decimal.Parse(parts[0], CultureInfo.InvariantCulture).ToString("#,0", grouping);
        var fraction = parts.Length > 1 ? parts[1].TrimEnd('0') : string.Empty;
        fraction = fraction.Length > 4 ? fraction[..4] : fraction;
        return (value < 0 ? "-" : string.Empty) + integer + (fraction.Length > 0 ? pack.DecimalSeparator + fraction : string.Empty);
    }

    // No-break, narrow no-break and thin spaces group thousands in every locale (SI, RAE). A plain space does not:
    // it would glue "call 555 123 4567" or "take 2 250 mg tablets" into one number.
    private static bool IsSpaceGroupSeparator(char c) => c is '\u00A0' or '\u202F' or '\u2009';

    private static void ReadNumerals(string text, LanguagePack pack, List<NumberMention> mentions)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (VulgarFraction(c) is { } alone)
            {
                mentions.Add(new NumberMention(alone, c.ToString(), i, i + 1, false, false));
                i++;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                i++;
                continue;
            }

            var start = i;
            var end = ScanNumeral(text, start, pack);
            if (end < text.Length - 1 && text[end] == '/' && char.IsAsciiDigit(text[end + 1]))
            {
                i = ReadSlashChain(text, start, end, pack, mentions);
                continue;
            }

            if (end < text.Length && VulgarFraction(text[end]) is { } part
                && decimal.TryParse(text.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
            {
                mentions.Add(new NumberMention(whole + part, text[start..(end + 1)], start, end + 1, false, false));
                i = end + 1;
                continue;
            }

            AddNumeral(text, start, end, IsNegative(text, start), pack, mentions);
            i = end;
        }
    }

    private static int ReadSlashChain(string text, int start, int end, LanguagePack pack, List<NumberMention> mentions)
    {
        var parts = new List<(int Start, int End)> { (start, end) };
        var at = end;
        while (at < text.Length - 1 && text[at] == '/' && char.IsAsciiDigit(text[at + 1]))
        {
            var next = ScanNumeral(text, at + 1, pack);
            parts.Add((at + 1, next));
            at = next;
        }

        if (parts.Count == 2
            && int.TryParse(text.AsSpan(parts[0].Start, parts[0].End - parts[0].Start), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && int.TryParse(text.AsSpan(parts[1].Start, parts[1].End - parts[1].Start), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            && denominator is > 0 and <= MaxFractionDenominator
            && numerator < denominator)
        {
            mentions.Add(new NumberMention((decimal)numerator / denominator, text[start..at], start, at, false, false));
            return at;
        }

        foreach (var (partStart, partEnd) in parts)
        {
            AddNumeral(text, partStart, partEnd, partStart == start && IsNegative(text, start), pack, mentions);
        }

        return at;
    }

    private static void AddNumeral(string text, int start, int end, bool negative, LanguagePack pack, List<NumberMention> mentions)
    {
        var numeral = text[start..end];
        if (Interpret(numeral, pack.DecimalSeparator, pack.GroupSeparator, pack.SpaceGroupsThousands) is { } value)
        {
            var textStart = negative ? start - 1 : start;
            mentions.Add(new NumberMention(negative ? -value : value, text[textStart..end], textStart, end, false, false));
            return;
        }

        // Not a number in this locale: each digit run must then be matched as it is.
        var runStart = -1;
        for (var i = start; i <= end; i++)
        {
            var isDigit = i < end && char.IsAsciiDigit(text[i]);
            if (isDigit && runStart < 0)
            {
                runStart = i;
            }
            else if (!isDigit && runStart >= 0)
            {
                if (decimal.TryParse(text.AsSpan(runStart, i - runStart), NumberStyles.None, CultureInfo.InvariantCulture, out var run))
                {
                    mentions.Add(new NumberMention(run, text[runStart..i], runStart, i, false, false));
                }

                runStart = -1;
            }
        }
    }

    private static int ScanNumeral(string text, int start, LanguagePack pack)
    {
        var i = start;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            else if (text[i] == ' ' && pack.SpaceGroupsThousands && IsSpacedGroup(text, i))
            {
                i++;
            }
            else if ((text[i] is '.' or ',' || IsSpaceGroupSeparator(text[i])) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // "1 000" where a plain space groups thousands: exactly three digits follow the space, and then no digit, so
    // "appelez le 01 23 45 67 89" stays five numbers.
    private static bool IsSpacedGroup(string text, int at) =>
        at > 0 && at + 3 < text.Length
        && char.IsAsciiDigit(text[at - 1])
        && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3])
        && (at + 4 == text.Length || !char.IsAsciiDigit(text[at + 4]));

    // A minus right before the digits, standing on its own ("below -5", "(−3)"), not a hyphen in a range ("2 - 3"),
    // a phone number ("1-800") or a name ("COVID-19").
    private static bool IsNegative(string text, int start)
    {
        if (start == 0 || text[start - 1] is not ('-' or '−'))
        {
            return false;
        }

        if (start >= 2 && !char.IsWhiteSpace(text[start - 2]) && text[start - 2] != '(')
        {
            return false;
        }

        for (var i = start - 2; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return !char.IsAsciiDigit(text[i]);
            }
        }

        return true;
    }

    private static decimal? VulgarFraction(char c) => c switch
    {
        '½' => 0.5m,
        '⅓' => 1m / 3,
        '⅔' => 2m / 3,
        '¼' => 0.25m,
        '¾' => 0.75m,
        '⅕' => 0.2m,
        '⅛' => 0.125m,
        _ => null,
    };

    private static void ReadWords(string text, IReadOnlyList<WordToken> words, LanguagePack pack, List<NumberMention> mentions)
    {
        var k = 0;
        while (k < words.Count)
        {
            if (MergeHalfIntoNumeral(text, words, k, pack, mentions) is { } consumed)
            {
                k += consumed;
                continue;
            }

            if (NumberPhrase(text, words, k, pack) is var (length, phraseValue))
            {
                var phraseEnd = words[k + length - 1].End;
                mentions.Add(new NumberMention(phraseValue, text[words[k].Start..phraseEnd], words[k].Start, phraseEnd, true, false));
                k += length;
                continue;
            }

            // A word glued to the digits before it is their counter ("5세", five years of age), not a number.
            if (!pack.NumberWords.TryGetValue(words[k].Lower, out var first)
                || (words[k].Start > 0 && char.IsAsciiDigit(text[words[k].Start - 1])))
            {
                k++;
                continue;
            }

            if (InsideNotNumber(text, words, k, pack))
            {
                k++;
                continue;
            }

            if (first.Kind == NumberWordKind.Fraction)
            {
                mentions.Add(new NumberMention(first.Value, text[words[k].Start..words[k].End], words[k].Start, words[k].End, true, first.Ambiguous));
                k++;
                continue;
            }

            decimal total = 0, current = 0, lastAdded = 0;
            var last = k;
            var j = k;
            while (j < words.Count)
            {
                if (j > k && !WordTokenizer.OnlySpaceBetween(text, words[j - 1].End, words[j].Start))
                {
                    break;
                }

                if (j > last && pack.NumberConnectors.Contains(words[j].Lower))
                {
                    // "and"/"y" joins only when what follows continues the same number.
                    if (j + 1 < words.Count
                        && pack.NumberWords.TryGetValue(words[j + 1].Lower, out var afterConnector)
                        && afterConnector.Kind == NumberWordKind.Cardinal
                        && CanAdd(lastAdded, afterConnector.Value))
                    {
                        j++;
                        continue;
                    }

                    break;
                }

                if (!pack.NumberWords.TryGetValue(words[j].Lower, out var word) || word.Kind == NumberWordKind.Fraction)
                {
                    break;
                }

                if (word.Kind == NumberWordKind.Multiplier && total + current > MaxWordValue)
                {
                    // "million million million …" is not a quantity anyone writes; stop before decimal overflows.
                    break;
                }

                if (word.Kind == NumberWordKind.Multiplier)
                {
                    if (word.Value >= 1000)
                    {
                        total += (current == 0 ? 1 : current) * word.Value;
                        current = 0;
                    }
                    else
                    {
                        current = (current == 0 ? 1 : current) * word.Value;
                    }
                }
                else if (j > k && !CanAdd(lastAdded, word.Value))
                {
                    break;
                }
                else
                {
                    current += word.Value;
                }

                lastAdded = word.Value;
                last = j;
                j++;
            }

            var value = total + current;
            var end = words[last].End;
            var ambiguous = last == k
                && (first.Ambiguous || (k > 0 && pack.AmbiguousAfter.Contains(words[k - 1].Lower) && WordTokenizer.OnlySpaceBetween(text, words[k - 1].End, words[k].Start)));
            if (HalfSuffix(text, words, last + 1, pack) is { } suffixEnd)
            {
                value += 0.5m;
                end = words[suffixEnd].End;
                last = suffixEnd;
                ambiguous = false;
            }

            mentions.Add(new NumberMention(value, text[words[k].Start..end], words[k].Start, end, true, ambiguous));
            k = last + 1;
        }
    }

    /// <summary>The longest of the pack's <see cref="LanguagePack.NumberPhrases"/> starting at word <paramref name="k"/>: its length in words and value.</summary>
    private static (int Length, decimal Value)? NumberPhrase(string text, IReadOnlyList<WordToken> words, int k, LanguagePack pack)
    {
        (int, decimal)? best = null;
        foreach (var (phrase, value) in pack.NumberPhrases)
        {
            if (k + phrase.Length > words.Count || (best is var (longest, _) && phrase.Length <= longest))
            {
                continue;
            }

            var matches = true;
            for (var p = 0; p < phrase.Length && matches; p++)
            {
                matches = words[k + p].Lower == phrase[p] && (p == 0 || WordTokenizer.OnlySpaceBetween(text, words[k + p - 1].End, words[k + p].Start));
            }

            if (matches)
            {
                best = (phrase.Length, value);
            }
        }

        return best;
    }

    // "2 and a half hours", "2 horas y media": the half belongs to the numeral before it (right before, or with one
    // counted word between), so the value read is 2.5, as the other side may write it.
    private static int? MergeHalfIntoNumeral(string text, IReadOnlyList<WordToken> words, int k, LanguagePack pack, List<NumberMention> mentions)
    {
        foreach (var phrase in pack.HalfSuffixes)
        {
            if (k + phrase.Length > words.Count || !PhraseAt(text, words, k, phrase))
            {
                continue;
            }

            var gapStart = k > 0 && WordTokenizer.OnlySpaceBetween(text, words[k - 1].End, words[k].Start) ? words[k - 1].Start : words[k].Start;
            for (var m = mentions.Count - 1; m >= 0; m--)
            {
                var numeral = mentions[m];
                if (numeral.End > words[k].Start)
                {
                    continue;
                }

                if (!numeral.IsWord
                    && (WordTokenizer.OnlySpaceBetween(text, numeral.End, words[k].Start) || (gapStart >= numeral.End && WordTokenizer.OnlySpaceBetween(text, numeral.End, gapStart))))
                {
                    mentions[m] = numeral with { Value = numeral.Value + 0.5m };
                    return phrase.Length;
                }

                break;
            }
        }

        return null;
    }

    private static bool PhraseAt(string text, IReadOnlyList<WordToken> words, int at, string[] phrase)
    {
        for (var p = 0; p < phrase.Length; p++)
        {
            if (words[at + p].Lower != phrase[p] || (p > 0 && !WordTokenizer.OnlySpaceBetween(text, words[at + p - 1].End, words[at + p].Start)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InsideNotNumber(string text, IReadOnlyList<WordToken> words, int k, LanguagePack pack)
    {
        foreach (var phrase in pack.NotNumbers)
        {
            for (var offset = 0; offset < phrase.Length; offset++)
            {
                var start = k - offset;
                if (start < 0 || start + phrase.Length > words.Count)
                {
                    continue;
                }

                var matches = true;
                for (var p = 0; p < phrase.Length && matches; p++)
                {
                    matches = words[start + p].Lower == phrase[p]
                        && (p == 0 || WordTokenizer.OnlySpaceBetween(text, words[start + p - 1].End, words[start + p].Start));
                }

                if (matches)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "two and a half", and also "una hora y media", "dos tabletas y media": the half may follow one counted word.
    private static int? HalfSuffix(string text, IReadOnlyList<WordToken> words, int at, LanguagePack pack) =>
        HalfSuffixAt(text, words, at, pack) ?? HalfSuffixAt(text, words, at + 1, pack);

    private static int? HalfSuffixAt(string text, IReadOnlyList<WordToken> words, int at, LanguagePack pack)
    {
        foreach (var phrase in pack.HalfSuffixes)
        {
            if (at + phrase.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var p = 0; p < phrase.Length && matches; p++)
            {
                matches = words[at + p].Lower == phrase[p]
                    && WordTokenizer.OnlySpaceBetween(text, words[at + p - 1].End, words[at + p].Start);
            }

            if (matches)
            {
                return at + phrase.Length - 1;
            }
        }

        return null;
    }

    // Tens take units, hundreds take tens ("twenty-five", "ciento veinte"); "two three" are two numbers.
    private static bool CanAdd(decimal lastAdded, decimal value)
    {
        if (lastAdded <= 0)
        {
            return false;
        }

        decimal power = 1;
        while (lastAdded % (power * 10) == 0)
        {
            power *= 10;
        }

        return value < power;
    }
}
