using System.Collections.Frozen;

namespace Localize.Core.Checks.Languages;

/// <summary>English as the checks read it: 1,000.5; "two" = 2; "don't", "avoid", "without" negate.</summary>
public static class English
{
    public static LanguageProfile Profile { get; } = new()
    {
        Language = "en",
        DecimalSeparator = '.',
        GroupSeparator = ',',
        NumberWords = ProfileData.NumberWords(
            "zero 0, one 1 ?, two 2, three 3, four 4, five 5, six 6, seven 7, eight 8, nine 9, ten 10, eleven 11, "
            + "twelve 12, thirteen 13, fourteen 14, fifteen 15, sixteen 16, seventeen 17, eighteen 18, nineteen 19, "
            + "twenty 20, thirty 30, forty 40, fifty 50, sixty 60, seventy 70, eighty 80, ninety 90, "
            + "hundred 100 *, thousand 1000 *, million 1000000 *, twice 2, both 2 ?, "
            + "half 0.5 /, third 1/3 /?, quarter 1/4 /?"),
        NumberConnectors = ProfileData.Set("and"),
        HalfSuffixes = [["and", "a", "half"]],
        UnitForms = ProfileData.UnitForms(
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
            Cues = ProfileData.Cues(
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
        FunctionWords = ProfileData.Set(
            "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "was", "on", "be", "by", "this",
            "are", "from", "or", "an", "at", "which", "have", "but", "can", "all", "their", "more", "has", "been",
            "will", "other", "when", "there", "into", "than", "only", "some", "these", "its", "after", "your", "you",
            "if", "do", "does", "should", "what", "how", "about", "any", "they", "we", "our", "she", "his", "her",
            "them", "would", "could", "out", "up", "also", "who", "each", "such", "both", "between", "before",
            "during", "while", "because", "take", "not", "don't", "doctor", "day", "every"),
        PluralSuffixes = ["s", "es"],
        LengthFactor = 1.0,
    };
}
