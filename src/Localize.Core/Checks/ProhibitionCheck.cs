using Localize.Core.Checks.Analysis;
using Localize.Core.Languages;

namespace Localize.Core.Checks;

/// <summary>
/// <c>prohibition</c>: an instruction not to do something ("Do not drive", "You must not drink alcohol", "No
/// smoking") is a prohibition in the target, not a statement ("No te conduce": it does not drive you) nor a release
/// ("No tienes que beber": you need not drink) — the negation check is satisfied by either, because the "no" is there.
/// With the target's morphological analysis (Apertium for Spanish), the verb each negator governs is read for mood:
/// no/nunca + subjunctive, an infinitive instruction or a negated "deber" forbid; an indicative does not. Without an
/// analyser the pack's word lists and patterns are read: a "need not" phrase is caught, and a statement where the
/// language marks it (a subject before "ne", 지 않습니다, 您不…). Needs: the source
/// pack's prohibition forms, the target pack's, and <see cref="SegmentPair.TargetAnalysis"/> when there is one.
/// A target with no negation at all is left to the negation check, so one lost "not" is reported once.
/// </summary>
public sealed class ProhibitionCheck : IQualityCheck
{
    public const string CheckId = "prohibition";

    public string Id => CheckId;

    public Severity Severity => Severity.Error;

    public string Description => "An instruction not to do something stays a prohibition: not a statement (\"no conduce\") or a \"need not\" (\"no tiene que\").";

    /// <summary>Only a source that forbids something has a target whose moods matter.</summary>
    public bool NeedsTargetAnalysis(CheckContext context) =>
        context.Source.Pack.Prohibition.ReadsSource && context.Target.Pack.Prohibition.ReadsTarget
        && ProhibitionReader.ReadInstructions(context.Source.Prose, context.Source.Words, context.Source.Pack.Prohibition).Count > 0;

    public IEnumerable<string> Check(CheckContext context)
    {
        var sourceRules = context.Source.Pack.Prohibition;
        var targetRules = context.Target.Pack.Prohibition;
        if (!sourceRules.ReadsSource || !targetRules.ReadsTarget)
        {
            yield break;
        }

        var forbidden = ProhibitionReader.ReadInstructions(context.Source.Prose, context.Source.Words, sourceRules);
        if (forbidden.Count == 0)
        {
            yield break;
        }

        var target = context.Pair.TargetAnalysis is { } analysis
            ? ProhibitionReader.ReadAnalysed(analysis, targetRules)
            : ProhibitionReader.ReadWords(context.Target.Prose, context.Target.Words, targetRules);
        var advice = targetRules.Advice.Length > 0 ? $"; {targetRules.Advice}" : string.Empty;
        if (target.Prohibitions == 0 && target.NotProhibitions.Count == 0)
        {
            // The analyser read every verb, and none is forbidden ("no mentira abajo": the "no" governs a noun). With
            // word lists alone, or with no negation at all, it is the negation check's to report.
            if (context.Pair.TargetAnalysis is not null && context.Target.Negations.Count > 0)
            {
                yield return $"the source forbids (\"{forbidden[0]}\") but no verb of the target is forbidden{advice}";
            }

            yield break;
        }

        // Enough is forbidden, or something forbids and nothing negated contradicts it (one "no" may govern two verbs).
        if (target.Prohibitions >= forbidden.Count || target.NotProhibitions.Count == 0)
        {
            yield break;
        }

        var wrong = target.NotProhibitions[0];
        yield return wrong.NeedNot
            ? $"the source forbids (\"{forbidden[0]}\") but the target says the reader need not (\"{wrong.Text}\"){advice}"
            : $"the source forbids (\"{forbidden[0]}\") but the target states a fact (\"{wrong.Text}\": {wrong.Why}), not a prohibition{advice}";
    }
}

/// <summary>A negated phrase of the target that does not forbid, and why.</summary>
public sealed record NotAProhibition(string Text, bool NeedNot, string Why);

/// <summary>What a target forbids: how many prohibitions, and the negated phrases that do not forbid.</summary>
public sealed record TargetProhibitions(int Prohibitions, IReadOnlyList<NotAProhibition> NotProhibitions);

/// <summary>Reads prohibitions with a language's <see cref="ProhibitionRules"/>, in a source or in a target (analysed or not).</summary>
public static class ProhibitionReader
{
    /// <summary>The source's instructions not to do something, each as written ("Do not", "must not", "No smoking").</summary>
    public static IReadOnlyList<string> ReadInstructions(string text, IReadOnlyList<WordToken> words, ProhibitionRules rules)
    {
        var found = new List<string>();
        for (var k = 0; k < words.Count; k++)
        {
            if (Match(text, words, k, rules.Anywhere) is { } anywhere)
            {
                found.Add(text[words[k].Start..words[k + anywhere - 1].End]);
                k += anywhere - 1;
                continue;
            }

            if (!ClauseInitial(text, words, k, rules))
            {
                continue;
            }

            if (Match(text, words, k, rules.ClauseInitial) is { } initial)
            {
                found.Add(text[words[k].Start..words[k + initial - 1].End]);
                k += initial - 1;
            }
            else if (rules.BeforeGerund is var (word, ending) && words[k].Lower == word && k + 1 < words.Count
                && words[k + 1].Lower.Length > ending.Length + 2 && words[k + 1].Lower.EndsWith(ending, StringComparison.Ordinal))
            {
                found.Add(text[words[k].Start..words[k + 1].End]);
                k++;
            }
        }

        return found;
    }

    /// <summary>
    /// Word lists and the pack's patterns: every forbidding form counts as a prohibition, a "need not" phrase and a
    /// negated statement the pack recognises do not.
    /// </summary>
    public static TargetProhibitions ReadWords(string text, IReadOnlyList<WordToken> words, ProhibitionRules rules)
    {
        var prohibitions = 0;
        var notProhibitions = new List<NotAProhibition>();
        for (var k = 0; k < words.Count; k++)
        {
            if (Match(text, words, k, rules.NeedNot) is { } needNot)
            {
                notProhibitions.Add(new NotAProhibition(text[words[k].Start..words[k + needNot - 1].End], true, "need not"));
                k += needNot - 1;
            }
            else if (Match(text, words, k, rules.Forms) is { } form)
            {
                prohibitions++;
                k += form - 1;
            }
        }

        var (forbidding, statements) = rules.ReadPatterns(text);
        notProhibitions.AddRange(statements.Select(s => new NotAProhibition(s, false, "a negated statement")));
        return new TargetProhibitions(prohibitions + forbidding, notProhibitions);
    }

    /// <summary>
    /// With the analyser's reading: each negator governs the first verb after it (clitics and adverbs may stand
    /// between); the verb's mood or lemma decides whether the pair forbids. Lemmas that forbid by themselves count too.
    /// </summary>
    public static TargetProhibitions ReadAnalysed(TextAnalysis analysis, ProhibitionRules rules)
    {
        var words = analysis.Words;
        var prohibitions = 0;
        var notProhibitions = new List<NotAProhibition>();
        for (var k = 0; k < words.Count; k++)
        {
            var lemma = words[k].Lemma.ToLowerInvariant();
            if (rules.ProhibitiveLemmas.Contains(lemma) && words[k].Tags.Any(rules.VerbTags.Contains))
            {
                prohibitions++;
                continue;
            }

            if (!rules.Negators.Contains(words[k].Surface.ToLowerInvariant()) && !rules.Negators.Contains(lemma))
            {
                continue;
            }

            var v = k + 1;
            while (v < words.Count && !IsVerb(words[v], rules) && words[v].Tags.Any(rules.BetweenTags.Contains) && !rules.Negators.Contains(words[v].Lemma.ToLowerInvariant()))
            {
                v++;
            }

            if (v < words.Count && words[v].IsUnknown)
            {
                // A word the analyser does not know ("no se acueste" read without "acostarse"): it cannot say, so a
                // person's translation gets the benefit of the doubt; an engine's unknown word is a finding of its own.
                prohibitions++;
                k = v;
                continue;
            }

            if (v >= words.Count || !IsVerb(words[v], rules))
            {
                continue;
            }

            var verb = words[v];
            var verbLemma = verb.Lemma.ToLowerInvariant();
            var phrase = string.Join(' ', words.Skip(k).Take(v - k + 1).Select(w => w.Surface));
            if (rules.NeedNotLemmas.Contains(verbLemma))
            {
                notProhibitions.Add(new NotAProhibition(phrase, true, "need not"));
            }
            else if (rules.ProhibitiveModals.Contains(verbLemma) || verb.Tags.Any(rules.ProhibitiveMoods.Contains))
            {
                prohibitions++;
            }
            else
            {
                notProhibitions.Add(new NotAProhibition(phrase, false, Mood(verb)));
            }

            k = v;
        }

        return new TargetProhibitions(prohibitions, notProhibitions);
    }

    private static bool IsVerb(AnalysedWord word, ProhibitionRules rules) => !word.IsUnknown && word.Tags.Any(rules.VerbTags.Contains);

    private static string Mood(AnalysedWord verb) =>
        verb.Has("pri") ? "indicative" : verb.Has("imp") ? "affirmative imperative"
        : verb.Has("pii") || verb.Has("ifi") || verb.Has("fti") ? "indicative"
        : $"{string.Join(' ', verb.Tags)}";

    private static bool ClauseInitial(string text, IReadOnlyList<WordToken> words, int k, ProhibitionRules rules)
    {
        // Openers ("and", "please") keep the clause start: "Take it with food and do not crush it".
        var first = k;
        while (first > 0 && rules.Openers.Contains(words[first - 1].Lower) && WordTokenizer.OnlySpaceBetween(text, words[first - 1].End, words[first].Start))
        {
            first--;
        }

        // "… and do not lie down": a conjunction or "please" opens a new instruction.
        if (first == 0 || first < k)
        {
            return true;
        }

        var before = text.AsSpan(words[first - 1].End, words[first].Start - words[first - 1].End).Trim();
        return before.Length > 0 && before.IndexOfAny(".;:!?,()•–—\"“”") >= 0;
    }

    /// <summary>The length in words of the longest phrase that starts at word <paramref name="at"/>, or null.</summary>
    internal static int? Match(string text, IReadOnlyList<WordToken> words, int at, IReadOnlyList<string[]> phrases)
    {
        int? longest = null;
        foreach (var phrase in phrases)
        {
            if (at + phrase.Length > words.Count || (longest is { } l && phrase.Length <= l))
            {
                continue;
            }

            var matches = true;
            for (var p = 0; p < phrase.Length && matches; p++)
            {
                matches = words[at + p].Lower == phrase[p] && (p == 0 || WordTokenizer.OnlySpaceBetween(text, words[at + p - 1].End, words[at + p].Start));
            }

            if (matches)
            {
                longest = phrase.Length;
            }
        }

        return longest;
    }
}
