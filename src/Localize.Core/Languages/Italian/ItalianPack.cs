using Localize.Core.Readability;

namespace Localize.Core.Languages;

/// <summary>
/// Italian: 4.000 and 2,5; "due" = 2; non, mai, né, senza, nessuno, eviti negate, smetta / interrompa / sospenda
/// stop, "non più di" and "al massimo" limit. Readability: Gulpease (Lucisano and Piemontese, 1988), computed from
/// letters so no syllable rules are needed, target ≥ 60 (easy for middle school); Flesch–Vacca (1972) shown too.
/// </summary>
public static class ItalianPack
{
    private const string Vowels = "aeiouàèéìíòóù";

    public static LanguagePack Pack { get; } = new()
    {
        Language = "it",
        Name = "Italian",
        DecimalSeparator = ',',
        GroupSeparator = '.',
        NumberWords = PackData.NumberWords(
            "zero 0, uno 1 ?, una 1 ?, un 1 ?, due 2, tre 3, quattro 4, cinque 5, sei 6 ?, sette 7, otto 8, nove 9, "
            + "dieci 10, undici 11, dodici 12, tredici 13, quattordici 14, quindici 15, sedici 16, diciassette 17, "
            + "diciotto 18, diciannove 19, venti 20, trenta 30, quaranta 40, cinquanta 50, sessanta 60, settanta 70, "
            + "ottanta 80, novanta 90, cento 100, mille 1000 *, mila 1000 *, milione 1000000 *, milioni 1000000 *, "
            + "entrambi 2 ?, entrambe 2 ?, metà 0.5 /, mezzo 0.5 /?, mezza 0.5 /?"),
        NumberConnectors = PackData.Set("e"),
        HalfSuffixes = [["e", "mezzo"], ["e", "mezza"]],
        NotNumbers = PackData.Phrases("per cento"),
        UnitForms = PackData.UnitForms(
            "milligrammo mg, milligrammi mg, microgrammo mcg, microgrammi mcg, grammo g, grammi g, chilogrammo kg, "
            + "chilogrammi kg, chilo kg, chili kg, millilitro mL, millilitri mL, litro L, litri L, per cento %, "
            + "grado degree, gradi degree, gradi celsius °C, gradi centigradi °C, gradi fahrenheit °F, "
            + "secondo s #, secondi s #, minuto min, minuti min, ora h, ore h, giorno day, giorni day, "
            + "settimana week, settimane week, mese month, mesi month, anno year, anni year, millimetro mm, "
            + "millimetri mm, centimetro cm, centimetri cm, metro m #, metri m #, cucchiaino tsp, cucchiaini tsp, "
            + "cucchiaio tbsp, cucchiai tbsp, tazza cup #, tazze cup #, goccia drop #, gocce drop #, "
            + "unità internazionali IU, ui IU #, unità unit, caloria calorie, calorie calorie"),
        // A prohibition is non + infinitive (Non guidare) or the formal imperative where the clause starts (Non guidi),
        // non deve, vietato; a subject before non states a fact (il paziente non guida).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                PackData.ClauseStart("e", "o", "ma") + @"(?:non|mai)\b",
                @"\bnon\s+(?:\p{L}+\s+)?\p{L}+(?:are|ere|ire|arsi|ersi|irsi|urre|orre)\b",
                @"\bnon\s+(?:si\s+)?dev\p{L}*",
                @"\b(?:è\s+)?vietat[oaie]\b|\bevit(?:i|are|ate)\b"),
            Stating = PackData.Patterns(
                @"\b(?:lei|lui|il\s+paziente|la\s+paziente|questo\s+farmaco|il\s+farmaco|il\s+medicinale|voi|loro|io|noi|il\s+bambino)\s+(?:non|mai)\b(?!\s+(?:deve|devono|dovrebbe|può|possono)\b)"),
            Advice = "write a prohibition: Non guidare, Non guidi, Non deve guidare",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "non, mai, né, senza, nessuno, nessuna, nessun, niente, nulla, eviti, evitare, evitate, evita, "
                + "smetta di !, smettere di !, smettete di !, interrompa !, interrompere !, sospenda !, sospendere !, "
                + "a meno che ?, tranne ?, salvo ?, invece di ?, "
                + "non più di ^, al massimo ^ ?, massimo ^ ?, fino a ^ ?"),
            NotNegating = PackData.Phrases("non solo, non soltanto, senza dubbio"),
        },
        FunctionWords = PackData.Set(
            "il", "lo", "la", "i", "gli", "le", "di", "del", "della", "dei", "delle", "e", "che", "in", "nel", "nella",
            "un", "una", "è", "per", "con", "da", "dal", "dalla", "si", "suo", "sua", "suoi", "al", "alla", "come",
            "più", "ma", "lei", "questo", "questa", "può", "deve", "sono", "sta", "quando", "molto", "anche", "senza",
            "su", "tra", "fra", "fino", "durante", "prima", "dopo", "ha", "medico", "giorno", "ogni", "prenda", "non"),
        PluralSuffixes = ["i", "e"],
        LengthFactor = 1.2,
        HasNegativeConcord = true,
        Readability = new ReadabilityRules
        {
            Deciding = new ReadabilityFormula("Gulpease", Gulpease, value => value switch
            {
                >= 80 => "easy for primary school",
                >= 60 => "easy for middle school",
                >= 40 => "easy for high school",
                _ => "difficult",
            }),
            AlsoShown = [new ReadabilityFormula("Flesch–Vacca", c => 217 - (1.3 * c.WordsPerSentence) - (60 * c.SyllablesPerWord), ReadabilityScorer.EaseBand)],
            Verdict = value => value < 60 ? ReadabilityVerdict.TooDifficult : value < 80 ? ReadabilityVerdict.InBand : ReadabilityVerdict.Easier,
            Band = "Gulpease ≥ 60",
            CountSyllables = word => SyllableCounter.VowelGroups(word, Vowels),
        },
    };

    private static double Gulpease(ReadabilityCounts c) =>
        c.Words == 0 ? 0 : 89 + (((300.0 * c.Sentences) - (10.0 * c.Letters)) / c.Words);
}
