namespace Localize.Core.Languages;

/// <summary>
/// Polish: 4 000 (a space groups thousands) and 2,5; "dwa/dwie" = 2, "dwa razy" = twice; nie, nigdy, bez, żaden,
/// unikać negate, przestać / przerwać / odstawić stop, "nie więcej niż" limits. No readability formula is validated
/// for Polish patient text here (Pisarek's and Jasnopis's need word lists this pack does not hold).
/// </summary>
public static class PolishPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "pl",
        Name = "Polish",
        DecimalSeparator = ',',
        GroupSeparator = '\u00A0',
        SpaceGroupsThousands = true,
        NumberWords = PackData.NumberWords(
            "zero 0, jeden 1 ?, jedna 1 ?, jedno 1 ?, dwa 2, dwie 2, dwóch 2, trzy 3, trzech 3, cztery 4, pięć 5, "
            + "sześć 6, siedem 7, osiem 8, dziewięć 9, dziesięć 10, jedenaście 11, dwanaście 12, piętnaście 15, "
            + "dwadzieścia 20, trzydzieści 30, czterdzieści 40, pięćdziesiąt 50, sto 100, tysiąc 1000 *, tysiące 1000 *, "
            + "tysięcy 1000 *, oba 2 ?, obie 2 ?, połowa 0.5 /, pół 0.5 /?"),
        HalfSuffixes = [["i", "pół"]],
        UnitForms = PackData.UnitForms(
            "miligram mg, miligramy mg, miligramów mg, mikrogram mcg, mikrogramów mcg, gram g, gramy g, gramów g, "
            + "kilogram kg, kilogramy kg, kilogramów kg, mililitr mL, mililitry mL, mililitrów mL, litr L, litry L, "
            + "procent %, procent %, stopień degree, stopnie degree, stopni degree, stopni celsjusza °C, "
            + "sekunda s #, sekund s #, minuta min, minuty min, minut min, godzina h, godziny h, godzin h, "
            + "dzień day, dni day, dnia day, tydzień week, tygodnie week, tygodni week, miesiąc month, miesiące month, "
            + "miesięcy month, rok year, lata year, lat year #, milimetr mm, centymetr cm, metr m #, "
            + "łyżeczka tsp, łyżeczki tsp, łyżeczek tsp, łyżka tbsp, łyżki tbsp, łyżek tbsp, kropla drop #, "
            + "krople drop #, kropli drop #, jednostek międzynarodowych IU, j.m IU #, jednostka unit #, jednostki unit, "
            + "kaloria calorie, kalorii calorie"),
        // A prohibition is nie + imperative (Nie prowadź, Nie przyjmuj), nie wolno, nie należy, zabrania się; nie + a
        // present-tense verb states a fact (nie prowadzi).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"\bnie\s+(?:wolno|należy|powinien|powinna|powinno|powinni|można|może|mogą)\b",
                @"\bzabrania\s+się\b|\bzakaz\p{L}*|\bunika\p{L}*|\bproszę\s+nie\b",
                @"\bnie\s+\p{L}+(?:[^aeiouyąęó\s\p{P}\p{N}]|cie|my)\b"),
            Stating = PackData.Patterns(
                @"\bnie\s+\p{L}+[aeiyoąę]\b",
                @"\b(?:pan|pani|on|ona|ono|oni|one|pacjent|pacjentka|lek|ja|my|wy|dziecko)\s+nie\b(?!\s+(?:może|mogą|powinien|powinna|powinno|powinni|wolno|należy)\b)"),
            Advice = "write a prohibition: Nie prowadź, Nie wolno prowadzić, Nie należy prowadzić",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "nie, nigdy, ani, bez, żaden, żadna, żadne, żadnych, żadnego, nic, nikt, unikać, unikaj, należy unikać, "
                + "zabronione, "
                + "przestać !, przestań !, przestawać !, przerwać !, przerwij !, przerywać !, odstawić !, odstaw !, odstawiać !, zaprzestać !, "
                + "chyba że ?, oprócz ?, z wyjątkiem ?, zamiast ?, "
                + "nie więcej niż ^, maksymalnie ^ ?, najwyżej ^ ?, do ^ ?"),
            NotNegating = PackData.Phrases("nie tylko"),
        },
        FunctionWords = PackData.Set(
            "i", "w", "na", "z", "do", "że", "się", "nie", "to", "jest", "o", "jak", "po", "co", "tak", "za", "od",
            "przez", "lub", "albo", "ale", "czy", "jego", "jej", "ich", "pan", "pani", "należy", "może", "można",
            "są", "być", "ten", "ta", "te", "tego", "który", "która", "które", "przed", "podczas", "bez", "przy",
            "dla", "lekarz", "lekarzem", "dzień", "każdy", "gdy", "jeśli", "jeżeli", "oraz", "także", "tylko",
            "bardzo", "lek", "leku", "dawka"),
        PluralSuffixes = ["y", "i", "ów", "e"],
        LengthFactor = 1.15,
        HasNegativeConcord = true,
    };
}
