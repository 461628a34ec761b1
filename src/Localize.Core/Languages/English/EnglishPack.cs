using Localize.Core.Readability;
using Localize.Core.Segmentation;

namespace Localize.Core.Languages;

/// <summary>
/// English: 1,000.5 (South Africa 1 000,5); "two" = 2; "don't", "avoid", "without" negate; sentence rules for its
/// abbreviations; Flesch–Kincaid grade (Kincaid et al., 1975) against grade 6–8, the band patient-education guidance
/// asks for, with Flesch reading ease (Flesch, 1948) shown too.
/// </summary>
public static class EnglishPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "en",
        Name = "English",
        DecimalSeparator = '.',
        GroupSeparator = ',',
        RegionalNumberFormats = PackData.NumberFormats(@"ZA ,\u00A0"),
        NumberWords = PackData.NumberWords(
            "zero 0, one 1 ?, two 2, three 3, four 4, five 5, six 6, seven 7, eight 8, nine 9, ten 10, eleven 11, "
            + "twelve 12, thirteen 13, fourteen 14, fifteen 15, sixteen 16, seventeen 17, eighteen 18, nineteen 19, "
            + "twenty 20, thirty 30, forty 40, fifty 50, sixty 60, seventy 70, eighty 80, ninety 90, "
            + "hundred 100 *, thousand 1000 *, million 1000000 *, twice 2, both 2 ?, "
            + "half 0.5 /, third 1/3 /?, quarter 1/4 /?"),
        NumberConnectors = PackData.Set("and"),
        HalfSuffixes = [["and", "a", "half"]],
        UnitForms = PackData.UnitForms(
            "milligram mg, milligrams mg, microgram mcg, micrograms mcg, gram g, grams g, kilogram kg, kilograms kg, "
            + "pound lb #, pounds lb #, ounce oz, ounces oz, milliliter mL, milliliters mL, millilitre mL, "
            + "millilitres mL, liter L, liters L, litre L, litres L, percent %, per cent %, degree degree, "
            + "degrees degree, degrees celsius °C, degrees centigrade °C, degrees fahrenheit °F, degrees c °C, degrees f °F, "
            + "second s #, seconds s #, sec s #, minute min, minutes min, mins min, hour h, hours h, hr h #, hrs h #, "
            + "day day, days day, week week, weeks week, wk week #, month month, months month, year year, years year, "
            + "millimeter mm, millimeters mm, centimeter cm, centimeters cm, meter m, meters m, inch in, inches in, "
            + "foot ft #, feet ft #, teaspoon tsp, teaspoons tsp, tsp tsp, tablespoon tbsp, tablespoons tbsp, "
            + "tbsp tbsp, cup cup #, cups cup #, drop drop #, drops drop #, international units IU, units unit, "
            + "unit unit #, calorie calorie, calories calorie"),
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "not, no, never, none, nothing, nobody, neither, nor, nowhere, without, avoid, avoids, avoiding, "
                + "cannot, refrain, stop !, stops !, stopping !, quit !, discontinue !, "
                + "unable ?, unsafe ?, unless ?, except ?, instead ?, lack ?, fail ?, fails ?, failed ?, "
                // Idioms whose "no"/"not" negates nothing a translation must keep ("no matter" → "da igual").
                + "not only ?, no matter ?, no doubt ?, nothing but ?, no sooner ?, no less than ?, not less than ?, "
                + "no fewer than ?, "
                + "no more than ^, not more than ^, no later than ^, not later than ^, no longer than ^, "
                + "not longer than ^, no higher than ^, not higher than ^, at most ^, not to exceed ^, "
                + "maximum ^ ?, up to ^ ?, or less ^ ?, or fewer ^ ?"),
            NegatingSuffixes = ["n't", "n’t"],
        },
        Prohibition = new ProhibitionRules
        {
            ClauseInitial = PackData.Phrases("do not, don't, don’t, dont, never, please do not, please don't, please never"),
            Anywhere = PackData.Phrases(
                "must not, mustn't, mustn’t, must never, should not, shouldn't, shouldn’t, should never, "
                + "are not to, is not to, may not be used, may not be taken"),
            BeforeGerund = ("no", "ing"),
            Openers = PackData.Set("and", "or", "but", "then", "so", "also", "please", "just", "simply"),
            Negators = PackData.Set("not", "never", "no", "don't", "don’t", "mustn't", "shouldn't"),
            Forms = PackData.Phrases("do not, don't, never, must not, should not, avoid, no"),
            NeedNot = PackData.Phrases(
                "do not have to, don't have to, does not have to, doesn't have to, do not need to, don't need to, "
                + "need not, needn't, not necessary, not required"),
        },
        // General admonitions of patient information, not one article's wording; numbers ("call 911") are a risk of their own.
        WarningPhrases = PackData.Phrases(
            "warning, warnings, caution, danger, dangerous, emergency, urgent, urgently, immediately, right away, at once, "
            + "seek medical, seek emergency, seek immediate, seek help, get medical help, get emergency, get help, "
            + "call your doctor, call a doctor, call your nurse, contact your doctor, "
            + "call an ambulance, ambulance, poison control, stop taking, stop using, stop the medicine, overdose, "
            + "allergic reaction, anaphylaxis, life threatening, fatal, can kill, poisoning, suicide, suicidal, "
            + "side effect, side effects, chest pain, trouble breathing, difficulty breathing, unconscious, bleeding"),
        FunctionWords = PackData.Set(
            "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "was", "on", "be", "by", "this",
            "are", "from", "or", "an", "at", "which", "have", "but", "can", "all", "their", "more", "has", "been",
            "will", "other", "when", "there", "into", "than", "only", "some", "these", "its", "after", "your", "you",
            "if", "do", "does", "should", "what", "how", "about", "any", "they", "we", "our", "she", "his", "her",
            "them", "would", "could", "out", "up", "also", "who", "each", "such", "both", "between", "before",
            "during", "while", "because", "take", "not", "don't", "doctor", "day", "every"),
        PluralSuffixes = ["s", "es"],
        LengthFactor = 1.0,
        SentenceRules =
        [
            // Abbreviations that do not end a sentence even before a capital: "Dr. Smith", "e.g. Paracetamol", "approx. 5".
            new(false, @"(?<![\p{L}\p{N}.])(?:Dr|Drs|Mr|Mrs|Ms|Mx|Prof|Sr|Jr|St|Mt|vs|cf|approx|appt|dept|est|min|max|No|Nos|fig|Fig|figs|vol|Vol|p|pp|ed|Ed|mg|mcg|ml|mL|kg|lb|lbs|oz|tbsp|tsp|hr|hrs|wk|wks|yr|yrs|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.", @"\s"),
            new(false, @"(?<![\p{L}\p{N}.])(?:e\.g|i\.e|a\.m|p\.m|U\.S|U\.K|Ph\.D|M\.D|et al)\.", @"\s"),
        ],
        Readability = new ReadabilityRules
        {
            Deciding = new ReadabilityFormula("Flesch–Kincaid grade", ReadabilityScorer.FleschKincaidGrade, grade => $"US school grade {grade:0.#}"),
            AlsoShown = [new ReadabilityFormula("Flesch reading ease", ReadabilityScorer.FleschReadingEase, ReadabilityScorer.EaseBand)],
            Verdict = grade => grade > ReadabilityScorer.GradeBandHigh ? ReadabilityVerdict.TooDifficult
                : grade < ReadabilityScorer.GradeBandLow ? ReadabilityVerdict.Easier
                : ReadabilityVerdict.InBand,
            Band = "grade 6–8",
            CountSyllables = SyllableCounter.English,
        },
    };
}
