using System.Collections.Frozen;
using Localize.Core.Readability;
using Localize.Core.Segmentation;

namespace Localize.Core.Languages;

/// <summary>
/// Everything the pipeline knows about one language, as data: number format and number words, unit spellings,
/// negation and prohibition forms, punctuation, expected length, sentence rules, readability formula and script
/// direction. Code outside a pack asks the pack; it never tests a language code. A pack leaves empty what it does
/// not know, and <see cref="NotChecked"/> says so to reviewers; see <c>Languages/README.md</c>.
/// </summary>
public sealed record LanguagePack
{
    /// <summary>Two-letter language code (or the language subtag), e.g. "en", "zh".</summary>
    public required string Language { get; init; }

    /// <summary>The language's name in English, for reviewers ("French", "Chinese (Simplified)").</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The locale this pack was resolved for ("es-MX"); the language itself for a registered pack.</summary>
    public string Locale { get; init; } = string.Empty;

    /// <summary>True for a pack made from .NET culture data because no pack is registered for the language.</summary>
    public bool IsBare { get; init; }

    /// <summary>ISO 639-3 code, as engines such as Apertium name languages ("spa", "fra").</summary>
    public string ThreeLetterCode { get; init; } = string.Empty;

    public TextDirection Direction { get; init; } = TextDirection.LeftToRight;

    public char DecimalSeparator { get; init; } = '.';

    public char GroupSeparator { get; init; } = ',';

    /// <summary>A plain space groups thousands ("1 000" in French, Russian, Polish), besides the no-break spaces.</summary>
    public bool SpaceGroupsThousands { get; init; }

    /// <summary>Decimal and group separators of the regions that write numbers differently (es-MX: 1,000.5), by region subtag.</summary>
    public FrozenDictionary<string, (char Decimal, char Group)> RegionalNumberFormats { get; init; } =
        FrozenDictionary<string, (char, char)>.Empty;

    /// <summary>Lower-case number words: cardinals, multipliers (hundred, mil) and fractions (half, mitad).</summary>
    public FrozenDictionary<string, NumberWord> NumberWords { get; init; } = FrozenDictionary<string, NumberWord>.Empty;

    /// <summary>
    /// Numbers written as several words that do not add up word by word, read as one: French soixante-dix (70),
    /// quatre-vingts (80), quatre-vingt-dix (90). Words are lower case; hyphens and spaces between them are alike.
    /// </summary>
    public IReadOnlyList<(string[] Words, decimal Value)> NumberPhrases { get; init; } = [];

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

    /// <summary>
    /// Words holding a numeral that counts nothing a translation must keep: 十分 ("very"), 万一 ("in case"), and the
    /// "1" of Japanese 1日2回 and Korean 1일 2회, which English writes "twice a day". Such a numeral may match the
    /// other side but is not required there.
    /// </summary>
    public IReadOnlyList<string> NumeralsNotCounting { get; init; } = [];

    /// <summary>Chinese and Japanese numerals written with characters (三次, 两周, 十二); see <see cref="CjkNumerals"/>.</summary>
    public CjkNumerals? CjkNumerals { get; init; }

    /// <summary>How this language writes units; the universal symbols (mg, mL, %, °C …) are added for every language.</summary>
    public IReadOnlyList<UnitForm> UnitForms { get; init; } = [];

    /// <summary>
    /// Words are not separated by spaces, or take particles ("2小时后", "7일간"): a unit ends where its spelling ends,
    /// unless a Latin letter follows.
    /// </summary>
    public bool WordsRunTogether { get; init; }

    public NegationRules Negation { get; init; } = NegationRules.None;

    /// <summary>How the language forbids, and what only looks like forbidding (see <see cref="ProhibitionRules"/>).</summary>
    public ProhibitionRules Prohibition { get; init; } = ProhibitionRules.None;

    /// <summary>
    /// Words and phrases that warn the reader or send them for help ("warning", "seek emergency", "stop taking"), lower
    /// case: a segment holding one is read before plain ones (<see cref="Review.SegmentRisk"/>).
    /// </summary>
    public IReadOnlyList<string[]> WarningPhrases { get; init; } = [];

    /// <summary>Frequent function words, to tell whether a text is written in this language.</summary>
    public FrozenSet<string> FunctionWords { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Endings that make a plural, so "tablet" in a glossary matches "tablets".</summary>
    public IReadOnlyList<string> PluralSuffixes { get; init; } = [];

    /// <summary>
    /// Articles that agree with their noun (<see cref="ArticleForm"/>), so an engine's article can be made to agree
    /// with a glossary term it placed ("el" + ketamina → "la ketamina"); empty where articles do not inflect.
    /// </summary>
    public IReadOnlyList<ArticleForm> Articles { get; init; } = [];

    /// <summary>
    /// Typical length in characters of a text in this language relative to the same text in English (CJK scripts
    /// need far fewer characters); null when unknown, and then length is not checked.
    /// </summary>
    public double? LengthFactor { get; init; }

    public Punctuation Punctuation { get; init; } = Punctuation.Latin;

    /// <summary>
    /// Negative concord ("no … nunca", "ne … pas"): one negation is written with several cues, so cue counts say
    /// nothing when translating from this language.
    /// </summary>
    public bool HasNegativeConcord { get; init; }

    /// <summary>SRX rules of this language, tried before the default sentence rules (abbreviations, CJK full stops).</summary>
    public IReadOnlyList<SrxRule> SentenceRules { get; init; } = [];

    /// <summary>The published readability formula for the language, or null when none is validated.</summary>
    public ReadabilityRules? Readability { get; init; }

    /// <summary>What the checks cannot do for this language, in words a reviewer reads ("negation is not checked").</summary>
    public IReadOnlyList<string> NotChecked
    {
        get
        {
            var gaps = new List<string>();
            if (Negation.IsEmpty)
            {
                gaps.Add("negation and prohibitions are not checked");
            }

            if (NumberWords.Count == 0 && CjkNumerals is null)
            {
                gaps.Add("numbers written as words are not read");
            }

            if (UnitForms.Count == 0)
            {
                gaps.Add("units are read only as symbols (mg, mL, %)");
            }

            if (FunctionWords.Count == 0)
            {
                gaps.Add("text left in English is found only when the whole segment is");
            }

            if (LengthFactor is null)
            {
                gaps.Add("length is not checked");
            }

            if (Readability is null)
            {
                gaps.Add($"readability: no validated formula for {Name}");
            }

            return gaps;
        }
    }

    /// <summary>One line naming the pack and what it leaves out, for <c>localize check</c> and the review page.</summary>
    public string Describe()
    {
        var what = IsBare ? $"no language pack for {Name} ({Locale}); using .NET culture data" : $"language pack: {Name} ({Language})";
        var gaps = NotChecked;
        return gaps.Count == 0 ? what : $"{what} — {string.Join("; ", gaps)}";
    }
}

public enum TextDirection
{
    LeftToRight,
    RightToLeft,
}

/// <summary>Punctuation a language writes for the marks English writes.</summary>
public sealed record Punctuation
{
    public static Punctuation Latin { get; } = new();

    /// <summary>For a language without a pack: the CJK and Arabic-script marks, which mean the same in every language.</summary>
    public static Punctuation Universal { get; } = new() { Equivalents = PackData.Equivalents("。. ？? ！! ：: ；; ，, ؟? ؛; ،, ۔.") };

    /// <summary>Native marks and the English mark each stands for: 。→ . ？→ ? ؟→ ?</summary>
    public FrozenDictionary<char, char> Equivalents { get; init; } = FrozenDictionary<char, char>.Empty;

    /// <summary>Opening marks a question or exclamation needs at its start (Spanish ¿ ¡), keyed by the closing mark.</summary>
    public FrozenDictionary<char, char> OpeningMarks { get; init; } = FrozenDictionary<char, char>.Empty;

    /// <summary>Marks written after a space (French: ? ! : ; take a narrow no-break space before them).</summary>
    public FrozenSet<char> SpacedMarks { get; init; } = FrozenSet<char>.Empty;

    /// <summary>The English mark a character stands for in this language, or the character itself.</summary>
    public char Canonical(char mark) => Equivalents.TryGetValue(mark, out var english) ? english : mark;

    public bool EndsSentence(char c) => Canonical(c) is '.' or '?' or '!' or '…';
}

/// <summary>
/// Numerals written with Chinese characters: digits (一 二 两 三 …), multipliers (十 百 千 万 亿) and the half (半).
/// </summary>
/// <param name="Digits">Character → digit value.</param>
/// <param name="Multipliers">Character → multiplier (10, 100, 1000, 10⁴, 10⁸).</param>
/// <param name="OrdinalMarkers">Characters that make the numeral after them an ordinal (第二天), not a count.</param>
/// <param name="HalfAfter">What adds a half after a numeral (一个半 = 1.5).</param>
public sealed record CjkNumerals(
    FrozenDictionary<char, int> Digits,
    FrozenDictionary<char, long> Multipliers,
    FrozenSet<char> OrdinalMarkers,
    IReadOnlyList<string> HalfAfter);

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

/// <summary>One form of an article: its kind (definite, indefinite, or fused with a preposition), gender and number
/// in the morphological analyser's tags (m/f, sg/pl).</summary>
public sealed record ArticleForm(string Form, string Kind, string Gender, string Number);
