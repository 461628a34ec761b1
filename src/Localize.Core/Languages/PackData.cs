using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Localize.Core.Languages;

/// <summary>
/// Reads the compact tables the language profiles are written in, so a profile reads like a word list rather than
/// like code. Entries are comma-separated; flags follow the entry after a space.
/// </summary>
internal static class PackData
{
    public static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<char> Marks(string marks) => marks.ToFrozenSet();

    /// <summary>
    /// Where a clause starts, for a prohibition pattern: the text's start, or after a sentence or clause mark, or
    /// after one of <paramref name="conjunctions"/> ("et", "und", "và").
    /// </summary>
    public static string ClauseStart(params string[] conjunctions) =>
        conjunctions.Length == 0
            ? @"(?:^\s*|(?<=[.;:!?,()•–—""“”。！？，；：،؛؟]\s*))"
            : $@"(?:^\s*|(?<=[.;:!?,()•–—""“”。！？，；：،؛؟]\s*)|(?<=\b(?:{string.Join('|', conjunctions)})\s+))";

    /// <summary>Regular expressions of a pack's prohibition forms, letter case ignored, compiled on first use.</summary>
    /// <remarks>
    /// Every pack is built when the first one is asked for, and compiling all packs' patterns at once took 130–220 ms:
    /// most of a short command's start-up (<c>localize roundtrip</c> asks only for its source language's sentence
    /// rules), and a worker checks the few target languages it translates into.
    /// </remarks>
    public static IReadOnlyList<Regex> Patterns(params string[] patterns) => new CompiledOnFirstUse(patterns);

    private sealed class CompiledOnFirstUse(string[] patterns) : IReadOnlyList<Regex>
    {
        private readonly Lazy<Regex[]> _compiled = new(() =>
            [.. patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled))]);

        public int Count => patterns.Length;

        public Regex this[int index] => _compiled.Value[index];

        public IEnumerator<Regex> GetEnumerator() => ((IEnumerable<Regex>)_compiled.Value).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>"word value [flags]": * multiplier, / fraction, ? ambiguous; a value may be a fraction such as 1/3.</summary>
    public static FrozenDictionary<string, NumberWord> NumberWords(string table)
    {
        var words = new Dictionary<string, NumberWord>(StringComparer.Ordinal);
        foreach (var entry in Entries(table))
        {
            var fields = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var flags = fields.Length > 2 ? fields[2] : string.Empty;
            var kind = flags.Contains('*') ? NumberWordKind.Multiplier
                : flags.Contains('/') ? NumberWordKind.Fraction
                : NumberWordKind.Cardinal;
            words.Add(fields[0], new NumberWord(ParseValue(fields[1]), kind, flags.Contains('?')));
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>"spelling unitId [#]": # means only right after a number.</summary>
    public static IReadOnlyList<UnitForm> UnitForms(string table)
    {
        var forms = new List<UnitForm>();
        foreach (var entry in Entries(table))
        {
            var fields = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var requiresNumber = fields[^1] == "#";
            if (requiresNumber)
            {
                fields.RemoveAt(fields.Count - 1);
            }

            var unitId = fields[^1];
            if (!Units.ById.ContainsKey(unitId))
            {
                throw new InvalidOperationException($"unit form '{entry}' names unknown unit '{unitId}'");
            }

            forms.Add(new UnitForm(string.Join(' ', fields.Take(fields.Count - 1)), unitId, requiresNumber));
        }

        return forms;
    }

    /// <summary>
    /// "word or phrase [flags]": ? marks a weak (implicit) cue, ! a cessation ("stop", "deje de"), ^ a limit
    /// ("no more than", "como máximo"). A cue written "n'-" is a word start, "-n't" a word end, "ن…ید" a word's start
    /// and end, "~勿" a string anywhere (scripts without spaces).
    /// </summary>
    public static IReadOnlyList<NegationCue> Cues(string table) =>
        Entries(table)
            .Select(entry =>
            {
                var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                var flags = new HashSet<string>(StringComparer.Ordinal);
                while (words[^1] is "?" or "!" or "^")
                {
                    flags.Add(words[^1]);
                    words.RemoveAt(words.Count - 1);
                }

                var kind = flags.Contains("!") ? NegationKind.Stop : flags.Contains("^") ? NegationKind.Limit : NegationKind.Not;
                var strong = !flags.Contains("?");
                var first = words[0];
                if (words.Count == 1 && first.Length > 1)
                {
                    if (first[0] == '~')
                    {
                        return new NegationCue([first[1..]], strong, kind, CueForm.Anywhere);
                    }

                    if (first.IndexOf('…', StringComparison.Ordinal) is var ellipsis and > 0 && ellipsis < first.Length - 1)
                    {
                        return new NegationCue([first[..ellipsis]], strong, kind, CueForm.Circumfix, first[(ellipsis + 1)..]);
                    }

                    if (first[^1] == '-')
                    {
                        return new NegationCue([first[..^1]], strong, kind, CueForm.Prefix);
                    }

                    if (first[0] == '-')
                    {
                        return new NegationCue([first[1..]], strong, kind, CueForm.Suffix);
                    }
                }

                return new NegationCue([.. words], strong, kind);
            })
            .ToList();

    /// <summary>"REGION decimal group, …" ("MX .,"); a separator may be written \\u00A0.</summary>
    public static FrozenDictionary<string, (char Decimal, char Group)> NumberFormats(string table) =>
        table.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split(' ', 2))
            .ToFrozenDictionary(
                parts => parts[0],
                parts => System.Text.RegularExpressions.Regex.Unescape(parts[1]) is var s ? (s[0], s[1]) : default,
                StringComparer.OrdinalIgnoreCase);

    /// <summary>Space-separated pairs "native english" ("。. ？?"): punctuation equivalents.</summary>
    public static FrozenDictionary<char, char> Equivalents(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenDictionary(p => p[0], p => p[1]);

    /// <summary>Comma-separated strings, kept whole (no flags): for tables of strings matched anywhere.</summary>
    public static IReadOnlyList<string> Strings(string table) => [.. Entries(table)];

    public static IReadOnlyList<string[]> Phrases(string table) =>
        Entries(table).Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static IEnumerable<string> Entries(string table) =>
        table.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static decimal ParseValue(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? decimal.Parse(text, CultureInfo.InvariantCulture)
            : decimal.Parse(text[..slash], CultureInfo.InvariantCulture) / decimal.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture);
    }
}
