using Localize.Core.Checks.Languages;

namespace Localize.Core.Checks.Analysis;

/// <summary>A negation cue found in a text.</summary>
public sealed record NegationMention(string Text, int Start, bool Strong, NegationKind Kind);

/// <summary>Finds negation cues using the language's table, skipping phrases that only look negative ("sin embargo").</summary>
public static class NegationReader
{
    public static IReadOnlyList<NegationMention> Read(string text, IReadOnlyList<WordToken> words, NegationRules rules)
    {
        var mentions = new List<NegationMention>();
        var k = 0;
        while (k < words.Count)
        {
            if (MatchLongest(text, words, k, rules.NotNegating) is { } skip)
            {
                k += skip;
                continue;
            }

            NegationCue? cue = null;
            foreach (var candidate in rules.Cues)
            {
                if (candidate.Words[0] == words[k].Lower && (cue is null || candidate.Words.Length > cue.Words.Length)
                    && MatchPhrase(text, words, k, candidate.Words))
                {
                    cue = candidate;
                }
            }

            if (cue is not null)
            {
                var end = words[k + cue.Words.Length - 1].End;
                mentions.Add(new NegationMention(text[words[k].Start..end], words[k].Start, cue.Strong, cue.Kind));
                k += cue.Words.Length;
                continue;
            }

            foreach (var suffix in rules.NegatingSuffixes)
            {
                if (words[k].Lower.EndsWith(suffix, StringComparison.Ordinal))
                {
                    mentions.Add(new NegationMention(text[words[k].Start..words[k].End], words[k].Start, true, NegationKind.Not));
                    break;
                }
            }

            k++;
        }

        return mentions;
    }

    private static int? MatchLongest(string text, IReadOnlyList<WordToken> words, int at, IReadOnlyList<string[]> phrases)
    {
        int? longest = null;
        foreach (var phrase in phrases)
        {
            if (MatchPhrase(text, words, at, phrase) && phrase.Length > (longest ?? 0))
            {
                longest = phrase.Length;
            }
        }

        return longest;
    }

    private static bool MatchPhrase(string text, IReadOnlyList<WordToken> words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var p = 0; p < phrase.Length; p++)
        {
            if (words[at + p].Lower != phrase[p] || (p > 0 && !WordTokenizer.OnlySpaceBetween(text, words[at + p - 1].End, words[at + p].Start)))
            {
                return false;
            }
        }

        return true;
    }
}
