using Localize.Core.Readability;

namespace Localize.Core.Languages;

/// <summary>
/// French: 4 000,5 (a narrow no-break or plain space groups thousands); "deux" = 2, "deux heures et demie" = 2.5;
/// ne … pas, jamais, aucun, sans, évitez negate — "ne" alone is weak, since "ne … que" means "only" — and
/// arrêtez/cessez stop; ? ! : ; take a space before them. Readability: Kandel and Moles (1958), Flesch's formula
/// refitted for French, target ≥ 60; syllables by vowel groups, silent final e.
/// </summary>
public static class FrenchPack
{
    private const string Vowels = "aeiouyàâäéèêëîïôöùûüÿœæ";

    public static LanguagePack Pack { get; } = new()
    {
        Language = "fr",
        Name = "French",
        DecimalSeparator = ',',
        GroupSeparator = '\u202F',
        SpaceGroupsThousands = true,
        NumberWords = PackData.NumberWords(
            "zéro 0, un 1 ?, une 1 ?, deux 2, trois 3, quatre 4, cinq 5, six 6, sept 7, huit 8, neuf 9, dix 10, "
            + "onze 11, douze 12, treize 13, quatorze 14, quinze 15, seize 16, vingt 20, vingts 20, trente 30, "
            + "quarante 40, cinquante 50, soixante 60, cent 100 *, cents 100 *, mille 1000 *, million 1000000 *, "
            + "millions 1000000 *, moitié 0.5 /, demi 0.5 /?, demie 0.5 /?, tiers 1/3 /?, quart 1/4 /?"),
        NumberPhrases = VigesimalNumbers(),
        NumberConnectors = PackData.Set("et"),
        HalfSuffixes = [["et", "demi"], ["et", "demie"]],
        NotNumbers = PackData.Phrases("pour cent"),
        UnitForms = PackData.UnitForms(
            "milligramme mg, milligrammes mg, microgramme mcg, microgrammes mcg, gramme g, grammes g, "
            + "kilogramme kg, kilogrammes kg, kilo kg, kilos kg, millilitre mL, millilitres mL, litre L, litres L, "
            + "pour cent %, pourcent %, degré degree, degrés degree, degrés celsius °C, degrés fahrenheit °F, "
            + "seconde s #, secondes s #, minute min, minutes min, heure h, heures h, jour day, jours day, "
            + "semaine week, semaines week, mois month, an year #, ans year #, année year, années year, "
            + "millimètre mm, millimètres mm, centimètre cm, centimètres cm, mètre m #, mètres m #, "
            + "cuillère à café tsp, cuillères à café tsp, cuillère à soupe tbsp, cuillères à soupe tbsp, "
            + "tasse cup #, tasses cup #, goutte drop #, gouttes drop #, unités internationales IU, ui IU #, "
            + "unité unit #, unités unit, calorie calorie, calories calorie, kilocalories kcal"),
        // A prohibition is ne/n' + imperative or infinitive where the clause starts (Ne conduisez pas, Ne pas
        // écraser), "vous ne devez pas", "il ne faut pas"; a subject before ne states a fact (vous ne conduisez pas).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                PackData.ClauseStart("et", "ou", "puis", "mais") + @"(?:ne\b|n['’])",
                @"\b(?:à|de)\s+ne\s+(?:pas|jamais)\b",
                @"\b(?:vous\s+ne\s+devez|il\s+ne\s+faut|on\s+ne\s+doit|ne\s+doit|ne\s+doivent)\b",
                @"\b(?:interdit|interdite|proscrit|évitez|éviter)\b"),
            Stating = PackData.Patterns(
                @"\b(?:vous|il|elle|on|je|nous|ils|elles|cela|ceci|ce\s+médicament|le\s+médicament|le\s+patient|la\s+patiente)\s+(?:ne\b|n['’])(?!\s*(?:le\s+|la\s+|les\s+)?(?:devez|doit|doivent|devrait|devriez|faut|pouvez|peut|peuvent)\b)"),
            Advice = "write a prohibition: Ne conduisez pas, Ne pas écraser, Vous ne devez pas conduire",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "ne ?, n'- ?, n’- ?, pas, jamais, aucun, aucune, rien, ni, sans, non, nullement, évitez, éviter, évite, "
                + "interdit, interdite, proscrire, "
                + "arrêtez !, arrêter !, arrête !, cessez !, cesser !, interrompez !, interrompre !, "
                + "sauf ?, à moins que ?, à moins de ?, au lieu de ?, incapable ?, "
                + "pas plus de ^, au maximum ^ ?, maximum ^ ?, au plus ^ ?, jusqu'à ^ ?, jusqu’à ^ ?"),
            NotNegating = PackData.Phrases("non seulement, sans doute, pas seulement"),
        },
        FunctionWords = PackData.Set(
            "le", "la", "les", "de", "des", "du", "et", "que", "en", "un", "une", "est", "pour", "dans", "ce", "cette",
            "ces", "qui", "pas", "ne", "sur", "au", "aux", "avec", "se", "sa", "son", "ses", "vous", "votre", "vos",
            "il", "elle", "ils", "elles", "nous", "par", "plus", "ou", "mais", "si", "comme", "être", "avoir", "fait",
            "peut", "doit", "sont", "été", "tout", "tous", "très", "aussi", "avant", "après", "pendant", "lorsque",
            "quand", "médecin", "jour", "chaque", "sans", "entre", "on", "prenez", "votre"),
        PluralSuffixes = ["s", "x"],
        LengthFactor = 1.2,
        HasNegativeConcord = true,
        Punctuation = new Punctuation { SpacedMarks = PackData.Marks("?!:;") },
        SentenceRules =
        [
            new(false, @"(?<![\p{L}\p{N}.])(?:Mme|Mmes|Mlle|Dr|Pr|env|cf|fig|vol|min|max|mg|ml|kg|tél|etc)\.", @"\s"),
            new(false, @"(?<![\p{L}\p{N}.])(?:p\. ex|c\.-à-d)\.", @"\s"),
        ],
        Readability = ReadabilityRules.Ease(
            "Kandel–Moles",
            c => 207 - (1.015 * c.WordsPerSentence) - (73.6 * c.SyllablesPerWord),
            60,
            word => SyllableCounter.VowelGroups(word, Vowels, "es e")),
    };

    /// <summary>70–99, which French counts in twenties: soixante-dix, soixante et onze, quatre-vingts, quatre-vingt-dix-neuf.</summary>
    private static IReadOnlyList<(string[] Words, decimal Value)> VigesimalNumbers()
    {
        string[] units = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix sept", "dix huit", "dix neuf"];
        var phrases = new List<(string[], decimal)>
        {
            (["soixante", "et", "onze"], 71),
            (["quatre", "vingt"], 80),
            (["quatre", "vingts"], 80),
            (["quatre", "vingt", "une"], 81),
        };
        for (var n = 10; n < 20; n++)
        {
            phrases.Add(([.. "soixante".Split(' '), .. units[n].Split(' ')], 60 + n));
        }

        for (var n = 1; n < 20; n++)
        {
            phrases.Add((["quatre", "vingt", .. units[n].Split(' ')], 80 + n));
        }

        return phrases;
    }
}
