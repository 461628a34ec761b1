using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Localize.Core.Languages;

/// <summary>
/// How a language tells a reader not to do something, and how it can look negative without forbidding. As a source:
/// the instructions that forbid. As a target: the forms that forbid, the "need not" forms that do not, and — where a
/// morphological analyser reads the target — which moods and modals after a negator make a prohibition (the
/// analyser's tag names: Apertium's <c>prs</c> is the present subjunctive, <c>pri</c> the indicative).
/// </summary>
public sealed record ProhibitionRules
{
    public static ProhibitionRules None { get; } = new();

    /// <summary>Source: phrases that forbid where a clause starts ("do not", "don't", "never"), lower case.</summary>
    public IReadOnlyList<string[]> ClauseInitial { get; init; } = [];

    /// <summary>Source: phrases that forbid wherever they stand ("must not", "should never").</summary>
    public IReadOnlyList<string[]> Anywhere { get; init; } = [];

    /// <summary>Source: a clause-initial word that forbids the gerund after it ("No smoking"), and the gerund's ending.</summary>
    public (string Word, string Ending)? BeforeGerund { get; init; }

    /// <summary>Words a clause leads with that keep it clause-initial: "and do not", "please do not".</summary>
    public FrozenSet<string> Openers { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Target: words that negate the verb after them (no, nunca, ni).</summary>
    public FrozenSet<string> Negators { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Target, word lists: phrases that forbid by themselves (evite, prohibido, no debe).</summary>
    public IReadOnlyList<string[]> Forms { get; init; } = [];

    /// <summary>Target: negative phrases that release rather than forbid ("no tiene que" = need not).</summary>
    public IReadOnlyList<string[]> NeedNot { get; init; } = [];

    /// <summary>Target, analysed: verb tags (part of speech) the analyser gives.</summary>
    public FrozenSet<string> VerbTags { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Target, analysed: tags of words that may stand between the negator and its verb (clitic pronouns, adverbs).</summary>
    public FrozenSet<string> BetweenTags { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Target, analysed: a negated verb with one of these tags forbids (present subjunctive, infinitive).</summary>
    public FrozenSet<string> ProhibitiveMoods { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Target, analysed: negated modals that forbid in any tense (deber).</summary>
    public FrozenSet<string> ProhibitiveModals { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Target, analysed: lemmas that forbid on their own (evitar, prohibir, abstenerse).</summary>
    public FrozenSet<string> ProhibitiveLemmas { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Target, analysed: negated lemmas that release ("tener que").</summary>
    public FrozenSet<string> NeedNotLemmas { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Target, without an analyser: regular expressions of the forms that forbid, for languages whose prohibition a
    /// word list cannot see — an imperative told by its place or ending ("Ne conduisez pas", "Setzen Sie … nicht ab"),
    /// a suffix (운전하지 마십시오, しないでください), a script without spaces (请勿).
    /// </summary>
    public IReadOnlyList<Regex> Forbidding { get; init; } = [];

    /// <summary>
    /// Target, without an analyser: negated statements that do not forbid ("Vous ne conduisez pas", 您不开车,
    /// 운전하지 않습니다, "Bệnh nhân không lái xe"). A statement overlapping a forbidding form does not count.
    /// </summary>
    public IReadOnlyList<Regex> Stating { get; init; } = [];

    /// <summary>What a reviewer should write instead, with examples in the language.</summary>
    public string Advice { get; init; } = string.Empty;

    public bool ReadsSource => ClauseInitial.Count > 0 || Anywhere.Count > 0;

    public bool ReadsTarget => Negators.Count > 0 || Forbidding.Count > 0;

    /// <summary>How many times <see cref="Forbidding"/> matches the text, and the <see cref="Stating"/> matches outside those.</summary>
    public (int Forbidding, IReadOnlyList<string> Statements) ReadPatterns(string text)
    {
        if (Forbidding.Count == 0 && Stating.Count == 0)
        {
            return (0, []);
        }

        var forbidding = Forbidding.SelectMany(p => p.Matches(text)).ToList();
        var statements = Stating.SelectMany(p => p.Matches(text))
            .Where(s => !forbidding.Any(f => f.Index < s.Index + s.Length && s.Index < f.Index + f.Length))
            .Select(s => s.Value.Trim())
            .ToList();
        return (forbidding.Count, statements);
    }
}
