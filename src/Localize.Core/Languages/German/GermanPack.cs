using Localize.Core.Readability;

namespace Localize.Core.Languages;

/// <summary>
/// German: 4.000 and 2,5; "zwei" = 2, "zweimal" = 2; nicht, kein, nie, ohne, vermeiden negate, absetzen / abbrechen /
/// beenden stop, "nicht mehr als" and "höchstens" limit. Readability: Amstad (1978), Flesch refitted for German,
/// 180 − words/sentence − 58.5 × syllables/word, target ≥ 60; syllables by vowel groups (ie, ei, au, eu as one).
/// </summary>
public static class GermanPack
{
    private const string Vowels = "aeiouyäöü";

    public static LanguagePack Pack { get; } = new()
    {
        Language = "de",
        Name = "German",
        DecimalSeparator = ',',
        GroupSeparator = '.',
        NumberWords = PackData.NumberWords(
            "null 0, ein 1 ?, eine 1 ?, einen 1 ?, einer 1 ?, eins 1, zwei 2, drei 3, vier 4, fünf 5, sechs 6, "
            + "sieben 7, acht 8 ?, neun 9, zehn 10, elf 11, zwölf 12, zwanzig 20, dreißig 30, vierzig 40, fünfzig 50, "
            + "sechzig 60, hundert 100 *, tausend 1000 *, million 1000000 *, millionen 1000000 *, "
            + "einmal 1 ?, zweimal 2, dreimal 3, viermal 4, beide 2 ?, hälfte 0.5 /, halb 0.5 /?, halbe 0.5 /?"),
        HalfSuffixes = [["und", "eine", "halbe"], ["einhalb"]],
        NotNumbers = PackData.Phrases("acht geben, in acht"),
        UnitForms = PackData.UnitForms(
            "milligramm mg, mikrogramm mcg, gramm g, kilogramm kg, kilo kg, milliliter mL, liter L, prozent %, "
            + "grad degree, grad celsius °C, grad fahrenheit °F, sekunde s #, sekunden s #, minute min, minuten min, "
            + "stunde h, stunden h, tag day, tage day, tagen day, woche week, wochen week, monat month, monate month, "
            + "monaten month, jahr year, jahre year, jahren year, millimeter mm, zentimeter cm, meter m #, "
            + "teelöffel tsp, esslöffel tbsp, tasse cup #, tassen cup #, tropfen drop #, internationale einheiten IU, "
            + "ie IU #, einheit unit #, einheiten unit, kalorie calorie, kalorien calorie"),
        // A prohibition is the Sie-imperative with nicht (Setzen Sie … nicht ab, Nehmen Sie … nicht ein), "dürfen/sollten
        // … nicht", an infinitive instruction (Nicht rauchen) or verboten; "Sie setzen … nicht ab" states a fact.
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                PackData.ClauseStart("und", "oder", "aber") + @"(?!(?:wenn|falls|ob|dass|weil|bevor|nachdem|solange|sobald|damit|sie|es|er|das|die|der|ich|wir)\b)\p{L}+\s+Sie\b[^.;:!?]*?\b(?:nicht|nie|niemals|kein\p{L}*)\b",
                @"\b(?:dürfen|darf|sollten|sollen|soll|sollte)\b[^.;:!?]*?\b(?:nicht|nie|niemals|kein\p{L}*)\b",
                PackData.ClauseStart("und", "oder") + @"(?:nicht|nie|niemals)\s+[^.;:!?]*?\p{L}+en\s*(?=[.;:!?]|$)",
                @"\b(?:verboten|untersagt|vermeiden\s+Sie|zu\s+vermeiden)\b"),
            Stating = PackData.Patterns(
                PackData.ClauseStart("und", "oder", "aber") + @"(?:Sie|er|es|sie|das\s+Medikament|das\s+Arzneimittel|der\s+Patient|die\s+Patientin|Ihr\s+Kind)\s+(?!dürfen|darf|sollten|sollen|soll|sollte)\p{L}+\b[^.;:!?]*?\b(?:nicht|nie|niemals)\b"),
            Advice = "write a prohibition: Nehmen Sie … nicht ein, Sie dürfen … nicht, Nicht … einnehmen",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "nicht, kein, keine, keinen, keinem, keiner, keines, nie, niemals, nichts, niemand, weder, ohne, "
                + "vermeiden, vermeiden sie, verboten, "
                + "absetzen !, abbrechen !, beenden !, aufhören !, hören sie auf !, "
                // Separable verbs put their particle at the clause's end ("Setzen Sie das Medikament nicht ab"): the
                // verb with "Sie" stands for the stop, weakly, since "setzen Sie sich" only sits down.
                + "setzen sie ! ?, brechen sie ! ?, hören sie ! ?, "
                + "außer ?, es sei denn ?, statt ?, anstatt ?, "
                + "nicht mehr als ^, höchstens ^ ?, maximal ^ ?, bis zu ^ ?"),
            NotNegating = PackData.Phrases("nicht nur, ohne zweifel"),
        },
        FunctionWords = PackData.Set(
            "der", "die", "das", "den", "dem", "des", "und", "oder", "zu", "in", "im", "ist", "sind", "dass", "für",
            "mit", "von", "vom", "auf", "ein", "eine", "einen", "nicht", "sie", "ihr", "ihre", "ihren", "ihrem", "es",
            "als", "auch", "an", "am", "bei", "nach", "vor", "wenn", "wie", "wird", "werden", "kann", "können", "soll",
            "sollten", "muss", "müssen", "aus", "über", "unter", "bis", "während", "arzt", "ärztin", "tag", "jeden",
            "nehmen", "haben"),
        PluralSuffixes = ["e", "en", "n", "s", "er"],
        LengthFactor = 1.25,
        Readability = ReadabilityRules.Ease(
            "Amstad (Flesch for German)",
            c => 180 - c.WordsPerSentence - (58.5 * c.SyllablesPerWord),
            60,
            word => SyllableCounter.VowelGroups(word, Vowels)),
    };
}
