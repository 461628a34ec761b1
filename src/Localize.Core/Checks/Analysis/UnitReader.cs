using System.Collections.Concurrent;
using System.Collections.Frozen;
using Localize.Core.Languages;

namespace Localize.Core.Checks.Analysis;

/// <summary>A unit as written: after a number (a quantity, with its value) or as a word on its own ("for hours").</summary>
public sealed record UnitMention(string UnitId, decimal? Value, string Text, int Start);

/// <summary>
/// Finds units in a plain text using the language's unit spellings plus the universal symbols. Short symbols
/// ("g", "h", "l") and words that are also verbs ("drop", "pound") count only right after a number.
/// </summary>
public sealed class UnitReader
{
    private static readonly ConcurrentDictionary<LanguagePack, UnitReader> _byPack = new(ReferenceEqualityComparer.Instance);

    // Longest spelling first, so "mg/dl" wins over "mg" and "degrees celsius" over "degrees".
    private readonly FrozenDictionary<char, UnitForm[]> _formsByFirstChar;
    private readonly bool _wordsRunTogether;

    private UnitReader(LanguagePack pack)
    {
        _wordsRunTogether = pack.WordsRunTogether;
        _formsByFirstChar = pack.UnitForms.Concat(Units.Symbols)
            .GroupBy(f => f.Form[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(f => f.Form.Length).ToArray());
    }

    public static UnitReader For(LanguagePack pack) => _byPack.GetOrAdd(pack, p => new UnitReader(p));

    public IReadOnlyList<UnitMention> Read(string text, IReadOnlyList<WordToken> words, IReadOnlyList<NumberMention> numbers)
    {
        var mentions = new List<UnitMention>();
        var taken = new HashSet<int>();
        foreach (var number in numbers)
        {
            var at = number.End;
            while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] == '-'))
            {
                at++;
            }

            if (Match(text, at, afterNumber: true) is { } found)
            {
                mentions.Add(new UnitMention(found.Form.UnitId, number.Value, text[at..found.End], at));
                taken.Add(at);
            }
        }

        foreach (var word in words)
        {
            if (!taken.Contains(word.Start) && Match(text, word.Start, afterNumber: false) is { } found)
            {
                mentions.Add(new UnitMention(found.Form.UnitId, null, text[word.Start..found.End], word.Start));
            }
        }

        return mentions;
    }

    private (UnitForm Form, int End)? Match(string text, int at, bool afterNumber)
    {
        if (at >= text.Length || !_formsByFirstChar.TryGetValue(char.ToLowerInvariant(text[at]), out var forms))
        {
            return null;
        }

        foreach (var form in forms)
        {
            if ((form.RequiresNumber && !afterNumber) || MatchForm(text, at, form.Form) is not { } end)
            {
                continue;
            }

            return (form, end);
        }

        return null;
    }

    private int? MatchForm(string text, int at, string form)
    {
        var t = at;
        foreach (var f in form)
        {
            if (f == ' ')
            {
                if (t >= text.Length || !char.IsWhiteSpace(text[t]))
                {
                    return null;
                }

                while (t < text.Length && char.IsWhiteSpace(text[t]))
                {
                    t++;
                }

                continue;
            }

            if (t >= text.Length || char.ToLowerInvariant(text[t]) != f)
            {
                return null;
            }

            t++;
        }

        // A unit ends where the word ends: "mg" in "mgs" is not a unit, "m" in "months" is not metres. Where words run
        // together ("2小时后", "7일간"), only a Latin letter or a digit goes on.
        var goesOn = t < text.Length && (_wordsRunTogether ? char.IsAsciiLetterOrDigit(text[t]) : char.IsLetterOrDigit(text[t]));
        return goesOn ? null : t;
    }
}
