namespace Localize.Core.Languages;

/// <summary>
/// Haitian Creole: 4,000 and 2.5 (or 2,5); "de" = 2, "de fwa" = twice; pa, pa janm, okenn, san (without) and evite
/// negate — "pa" before a time word means "per" ("de fwa pa jou" = twice a day), and "san" is also a hundred, so
/// both count only where they can —; sispann / kanpe stop, "pa plis pase" limits. No readability formula is
/// validated for Haitian Creole.
/// </summary>
public static class HaitianCreolePack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "ht",
        Name = "Haitian Creole",
        DecimalSeparator = '.',
        GroupSeparator = ',',
        NumberWords = PackData.NumberWords(
            "zewo 0, en 1 ?, youn 1 ?, yon 1 ?, de 2, twa 3, kat 4, senk 5, sis 6, sèt 7, uit 8, wit 8, nèf 9, dis 10, "
            + "onz 11, douz 12, ven 20, trant 30, karant 40, senkant 50, swasant 60, san 100 ?, mil 1000 *, "
            + "mwatye 0.5 /, demi 0.5 /?"),
        HalfSuffixes = [["e", "demi"]],
        UnitForms = PackData.UnitForms(
            "miligram mg, mikwogram mcg, gram g, kilo kg, kilogram kg, mililit mL, lit L, pousan %, pousantaj %, "
            + "degre degree, degre selsiyis °C, segonn s #, minit min, èdtan h, è h #, lè h #, jou day, semèn week, "
            + "mwa month, lane year, ane year, ti kiyè tsp, gwo kiyè tbsp, kiyè tbsp #, tas cup #, gout drop #, "
            + "inite unit"),
        // A prohibition is pa/pa janm where the instruction starts (Pa kondui), pinga, pa dwe, entèdi; a subject before
        // pa states a fact (Ou pa kondui). "pa jou" is per day.
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                PackData.ClauseStart("epi", "oswa", "e", "men") + @"(?:pa|pinga)\b(?!\s+jou\b)",
                @"\bpinga\b|\bpa\s+dwe\b|\bentèdi\b|\bevite\b"),
            Stating = PackData.Patterns(
                @"\b(?:ou|li|mwen|nou|yo|pasyan\s+an|medikaman\s+sa\s+a|timoun\s+nan)\s+pa\b(?!\s+(?:dwe|jou)\b)"),
            Advice = "write a prohibition: Pa kondui, Pinga kondui, Ou pa dwe kondui",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "pa, pa janm, janm, okenn, anyen, pèsonn, ni, san ?, evite, entèdi, "
                + "sispann !, kanpe !, "
                + "sof si ?, eksepte ?, olye ?, "
                + "pa plis pase ^, pa depase ^, maksimòm ^ ?, jiska ^ ?"),
            // "pa" before a time or a weight is "per": "de fwa pa jou" (twice a day), "pa kilo".
            NotNegating = PackData.Phrases("pa jou, pa semèn, pa mwa, pa ane, pa lane, pa èdtan, pa lè, pa kilo, pa doz"),
        },
        FunctionWords = PackData.Set(
            "ak", "nan", "ki", "pou", "yon", "li", "la", "lan", "yo", "se", "pa", "sou", "ou", "nou", "mwen", "w",
            "m", "lè", "si", "men", "oswa", "tou", "sa", "sila", "avèk", "apre", "anvan", "pandan", "kòm", "ke",
            "konsa", "dwe", "ka", "kapab", "gen", "genyen", "fè", "pran", "doktè", "medikaman", "jou", "chak",
            "te", "ap", "pral", "bay", "tout", "anpil", "plis", "mwens", "lopital", "rele"),
        LengthFactor = 1.1,
        HasNegativeConcord = true,
    };
}
