using Localize.Core.Languages;

namespace Localize.Core.Checks.Analysis;

/// <summary>A negation cue found in a text.</summary>
public sealed record NegationMention(string Text, int Start, bool Strong, NegationKind Kind);

/// <summary>
/// Finds negation cues using the language's pack: whole-word cues and phrases, word starts and ends (n'…, …n't,
/// 않…), and for scripts without spaces strings anywhere in the text (勿, 不要). Phrases that only look negative
/// ("sin embargo", 不良) are skipped, and a question particle before "?" (Vietnamese "… không?") is not a negation.
/// </summary>
public static class NegationReader
{
    public static IReadOnlyList<NegationMention> Read(string text, IReadOnlyList<WordToken> words, NegationRules rules)
    {
        if (rules.IsEmpty)
        {
            return [];
        }

        var tables = rules.Tables;
        var mentions = new List<NegationMention>();
        var k = 0;
        while (k < words.Count)
        {
            var lower = words[k].Lower;
            if (tables.NotNegatingByFirstWord.TryGetValue(lower, out var notNegating) && MatchFirst(text, words, k, notNegating) is { } skip)
            {
                k += skip.Length;
                continue;
            }

            if (tables.ByFirstWord.TryGetValue(lower, out var cues) && MatchFirst(text, words, k, cues) is { } cue)
            {
                var length = cue.Words.Length;
                if (length > 1 || !IsQuestionParticle(text, words[k], rules))
                {
                    var end = words[k + length - 1].End;
                    mentions.Add(new NegationMention(text[words[k].Start..end], words[k].Start, cue.Strong, cue.Kind));
                }

                k += length;
                continue;
            }

            if (AffixCue(lower, rules, tables) is { } affix)
            {
                mentions.Add(new NegationMention(text[words[k].Start..words[k].End], words[k].Start, affix.Strong, affix.Kind));

                // An elided prefix leaves the word after it a cue of its own: "n'arrêtez" is "ne" and "arrêtez" (stop).
                if (affix.Form == CueForm.Prefix
                    && tables.ByFirstWord.TryGetValue(lower[affix.Words[0].Length..], out var inner)
                    && inner.FirstOrDefault(c => c.Words.Length == 1) is { } rest)
                {
                    var at = words[k].Start + affix.Words[0].Length;
                    mentions.Add(new NegationMention(text[at..words[k].End], at, rest.Strong, rest.Kind));
                }
            }

            k++;
        }

        if (tables.Anywhere.Count > 0)
        {
            ReadAnywhere(text, tables, mentions);
        }

        return mentions;
    }

    private static NegationCue? AffixCue(string word, NegationRules rules, NegationRules.Compiled tables)
    {
        foreach (var suffix in rules.NegatingSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return new NegationCue([suffix]);
            }
        }

        foreach (var cue in tables.Affixes)
        {
            var affix = cue.Words[0];
            var matches = cue.Form switch
            {
                CueForm.Prefix => word.Length > affix.Length && word.StartsWith(affix, StringComparison.Ordinal),
                CueForm.Suffix => word.Length > affix.Length && word.EndsWith(affix, StringComparison.Ordinal),
                _ => word.Length > affix.Length + cue.Suffix.Length
                    && word.StartsWith(affix, StringComparison.Ordinal) && word.EndsWith(cue.Suffix, StringComparison.Ordinal),
            };
            if (matches)
            {
                return cue;
            }
        }

        return null;
    }

    // Scripts without spaces: at each position the longest listed string wins, and a non-negating one (不良) hides
    // the cue inside it (不).
    private static void ReadAnywhere(string text, NegationRules.Compiled tables, List<NegationMention> mentions)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!tables.Anywhere.TryGetValue(text[i], out var entries))
            {
                i++;
                continue;
            }

            var advanced = false;
            foreach (var (entry, cue) in entries)
            {
                if (string.CompareOrdinal(text, i, entry, 0, entry.Length) != 0)
                {
                    continue;
                }

                if (cue is not null)
                {
                    mentions.Add(new NegationMention(entry, i, cue.Strong, cue.Kind));
                }

                i += entry.Length;
                advanced = true;
                break;
            }

            if (!advanced)
            {
                i++;
            }
        }
    }

    private static bool IsQuestionParticle(string text, WordToken word, NegationRules rules)
    {
        if (!rules.QuestionParticles.Contains(word.Lower))
        {
            return false;
        }

        var at = word.End;
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at < text.Length && text[at] is '?' or '？';
    }

    private static NegationCue? MatchFirst(string text, IReadOnlyList<WordToken> words, int at, NegationCue[] longestFirst)
    {
        foreach (var cue in longestFirst)
        {
            if (MatchPhrase(text, words, at, cue.Words))
            {
                return cue;
            }
        }

        return null;
    }

    private static string[]? MatchFirst(string text, IReadOnlyList<WordToken> words, int at, string[][] longestFirst)
    {
        foreach (var phrase in longestFirst)
        {
            if (MatchPhrase(text, words, at, phrase))
            {
                return phrase;
            }
        }

        return null;
    }

    private static bool MatchPhrase(string text, IReadOnlyList<WordToken> words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var p = 1; p < phrase.Length; p++)
        {
            if (words[at + p].Lower != phrase[p] || !WordTokenizer.OnlySpaceBetween(text, words[at + p - 1].End, words[at + p].Start))
            {
                return false;
            }
        }

        return true;
    }
}
