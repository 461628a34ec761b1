using System.Collections.Frozen;

namespace Localize.Core.Checks.Languages;

/// <summary>
/// Everything the checks know about one language, as data: number format, number words, unit spellings, negation
/// cues and frequent function words. A new language pair needs a new profile, not new check code.
/// </summary>
public sealed record LanguageProfile
{
    /// <summary>Two-letter language code, e.g. "en".</summary>
    public required string Language { get; init; }

    public char DecimalSeparator { get; init; } = '.';

    public char GroupSeparator { get; init; } = ',';

    /// <summary>Lower-case number words: cardinals, multipliers (hundred, mil) and fractions (half, mitad).</summary>
    public FrozenDictionary<string, NumberWord> NumberWords { get; init; } = FrozenDictionary<string, NumberWord>.Empty;

    /// <summary>Words joining parts of one number ("one hundred and five", "treinta y cinco").</summary>
    public FrozenSet<string> NumberConnectors { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Words after which a lone number word is often not a count to keep ("ninguno de los dos" = "neither"): such a
    /// number may match the other side but is not required there.
    /// </summary>
    public FrozenSet<string> AmbiguousAfter { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Phrases whose number words are not numbers ("por ciento" is a percent sign, not 100).</summary>
    public IReadOnlyList<string[]> NotNumbers { get; init; } = [];

    /// <summary>Phrases after a number that add one half ("two and a half", "dos y medio").</summary>
    public IReadOnlyList<string[]> HalfSuffixes { get; init; } = [];

    /// <summary>How this language writes units; the universal symbols (mg, mL, %, °C …) are added for every language.</summary>
    public IReadOnlyList<UnitForm> UnitForms { get; init; } = [];

    public NegationRules Negation { get; init; } = NegationRules.None;

    /// <summary>Frequent function words, to tell whether a text is written in this language.</summary>
    public FrozenSet<string> FunctionWords { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Endings that make a plural, so "tablet" in a glossary matches "tablets".</summary>
    public IReadOnlyList<string> PluralSuffixes { get; init; } = [];

    /// <summary>Typical length of a text in this language relative to the same text in English.</summary>
    public double LengthFactor { get; init; } = 1.0;

    /// <summary>Opening marks a question or exclamation needs at its start (Spanish ¿ ¡), keyed by the closing mark.</summary>
    public FrozenDictionary<char, char> OpeningMarks { get; init; } = FrozenDictionary<char, char>.Empty;

    /// <summary>
    /// Negative concord ("no … nunca", "no … nada"): one negation is written with several cues, so cue counts say
    /// nothing when translating from this language.
    /// </summary>
    public bool HasNegativeConcord { get; init; }
}

public enum NumberWordKind
{
    /// <summary>Adds to the number being read: "twenty", "five", "doscientos".</summary>
    Cardinal,

    /// <summary>Multiplies what was read before it: "hundred", "thousand", "mil", "millones".</summary>
    Multiplier,

    /// <summary>A fraction on its own: "half", "mitad", "tercio".</summary>
    Fraction,
}

/// <param name="Ambiguous">
/// The word is often not a number ("one" as a pronoun, "un" as an article, "medio" as "means"): it may stand in for a
/// number on the other side, but is never required to have a counterpart.
/// </param>
public sealed record NumberWord(decimal Value, NumberWordKind Kind = NumberWordKind.Cardinal, bool Ambiguous = false);

/// <param name="Form">Spelling, lower case; a space matches any run of white space.</param>
/// <param name="RequiresNumber">Only a unit right after a number ("5 h", "2 drops"); elsewhere it is an ordinary word.</param>
public sealed record UnitForm(string Form, string UnitId, bool RequiresNumber = false);

/// <summary>A negation cue: one word or a phrase of words, lower case.</summary>
/// <param name="Strong">
/// A strong cue ("not", "sin") must have a counterpart on the other side; a weak one ("unless", "unable") negates
/// implicitly, so it may be the counterpart of a strong cue but is not itself required.
/// </param>
/// <param name="Kind">What the cue negates; a cue answers only a cue of its own kind.</param>
public sealed record NegationCue(string[] Words, bool Strong = true, NegationKind Kind = NegationKind.Not);

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

public sealed record NegationRules
{
    public static NegationRules None { get; } = new();

    public IReadOnlyList<NegationCue> Cues { get; init; } = [];

    /// <summary>Word endings that negate ("don't", "can't"), apostrophe written as ' or ’.</summary>
    public IReadOnlyList<string> NegatingSuffixes { get; init; } = [];

    /// <summary>Phrases that contain a cue but do not negate ("not only", "sin embargo", "no obstante").</summary>
    public IReadOnlyList<string[]> NotNegating { get; init; } = [];
}
