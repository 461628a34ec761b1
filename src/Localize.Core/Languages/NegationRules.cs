using System.Collections.Frozen;

namespace Localize.Core.Languages;

/// <summary>How a negation cue is written.</summary>
public enum CueForm
{
    /// <summary>Whole words: "not", "no more than", "deje de".</summary>
    Words,

    /// <summary>The start of a word: French "n'" (n'utilisez), Korean "않" (않습니다).</summary>
    Prefix,

    /// <summary>The end of a word: English "n't".</summary>
    Suffix,

    /// <summary>Start and end of one word: Persian ن…ید (نکنید, نخورید).</summary>
    Circumfix,

    /// <summary>Anywhere in the text, for scripts without spaces: 勿, 不要, しないで.</summary>
    Anywhere,
}

/// <summary>A negation cue, lower case.</summary>
/// <param name="Words">The words of a <see cref="CueForm.Words"/> cue; for the other forms, the one affix or string.</param>
/// <param name="Strong">
/// A strong cue ("not", "sin") must have a counterpart on the other side; a weak one ("unless", "unable", French
/// "ne", which "ne … que" uses for "only") negates implicitly, so it may be the counterpart of a strong cue but is
/// not itself required.
/// </param>
/// <param name="Kind">What the cue negates; a cue answers only a cue of its own kind.</param>
/// <param name="Suffix">The end of a <see cref="CueForm.Circumfix"/> cue.</param>
public sealed record NegationCue(string[] Words, bool Strong = true, NegationKind Kind = NegationKind.Not, CueForm Form = CueForm.Words, string Suffix = "");

/// <summary>
/// Kinds of negation kept apart, because "do not stop taking" and "stop taking" share a cue word but mean the
/// opposite: a prohibition ("not", "never", "avoid", "without"), a cessation ("stop", "deje de") and a limit
/// ("no more than", "como máximo"), which a prohibition may express ("no tome más de") and the other way round.
/// </summary>
public enum NegationKind
{
    Not,
    Stop,
    Limit,
}

/// <summary>A language's negation and prohibition forms, compiled once into lookup tables for the reader.</summary>
public sealed record NegationRules
{
    private Compiled? _compiled;

    public static NegationRules None { get; } = new();

    public IReadOnlyList<NegationCue> Cues { get; init; } = [];

    /// <summary>Word endings that negate ("don't", "can't"), apostrophe written as ' or ’.</summary>
    public IReadOnlyList<string> NegatingSuffixes { get; init; } = [];

    /// <summary>Phrases that contain a cue but do not negate ("not only", "sin embargo", "no obstante").</summary>
    public IReadOnlyList<string[]> NotNegating { get; init; } = [];

    /// <summary>Strings that contain a cue but do not negate, for scripts without spaces (不良 "adverse", 特别 "especially").</summary>
    public IReadOnlyList<string> NotNegatingAnywhere { get; init; } = [];

    /// <summary>Words that close a yes/no question rather than negate when a question mark follows (Vietnamese "… không?").</summary>
    public FrozenSet<string> QuestionParticles { get; init; } = FrozenSet<string>.Empty;

    public bool IsEmpty => Cues.Count == 0 && NegatingSuffixes.Count == 0;

    internal Compiled Tables => _compiled ??= new Compiled(this);

    /// <summary>The cues arranged for lookup: word cues by first word, affixes in lists, strings by first character.</summary>
    internal sealed class Compiled
    {
        public Compiled(NegationRules rules)
        {
            ByFirstWord = rules.Cues.Where(c => c.Form == CueForm.Words)
                .GroupBy(c => c.Words[0], StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Words.Length).ToArray(), StringComparer.Ordinal);
            NotNegatingByFirstWord = rules.NotNegating
                .GroupBy(p => p[0], StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal);
            Affixes = [.. rules.Cues.Where(c => c.Form is CueForm.Prefix or CueForm.Suffix or CueForm.Circumfix)];
            Anywhere = rules.Cues.Where(c => c.Form == CueForm.Anywhere)
                .Select(c => (Text: c.Words[0], Cue: (NegationCue?)c))
                .Concat(rules.NotNegatingAnywhere.Select(s => (Text: s, Cue: (NegationCue?)null)))
                .GroupBy(e => e.Text[0])
                .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Text.Length).ThenBy(e => e.Cue is null ? 0 : 1).ToArray());
        }

        public FrozenDictionary<string, NegationCue[]> ByFirstWord { get; }

        public FrozenDictionary<string, string[][]> NotNegatingByFirstWord { get; }

        public NegationCue[] Affixes { get; }

        /// <summary>Longest first; a non-negating string (Cue null) wins over a cue of the same length.</summary>
        public FrozenDictionary<char, (string Text, NegationCue? Cue)[]> Anywhere { get; }
    }
}
