namespace Localize.Core.Languages;

/// <summary>
/// Tagalog (Filipino): 4,000 and 2.5 as in English; "dalawa/dalawang" = 2, "dalawang beses" = twice; huwag (do
/// not), hindi, wala/walang, iwasan negate, itigil / ihinto stop, "hindi hihigit sa" limits; units in Tagalog
/// (oras, araw, linggo) and the usual symbols. No readability formula is validated for Tagalog.
/// </summary>
public static class TagalogPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "tl",
        Name = "Tagalog",
        DecimalSeparator = '.',
        GroupSeparator = ',',
        NumberWords = PackData.NumberWords(
            "isa 1 ?, isang 1 ?, dalawa 2, dalawang 2, tatlo 3, tatlong 3, apat 4, lima 5, limang 5, anim 6, "
            + "pito 7, pitong 7, walo 8, walong 8, siyam 9, sampu 10, sampung 10, labindalawa 12, dalawampu 20, "
            + "dalawampung 20, isandaan 100, sandaan 100, daan 100 * ?, libo 1000 *, kalahati 0.5 /, kalahating 0.5 /"),
        UnitForms = PackData.UnitForms(
            "milligramo mg, miligramo mg, gramo g, kilo kg, kilogramo kg, mililitro mL, litro L, porsiyento %, "
            + "porsyento %, digri degree, grado degree #, segundo s #, minuto min, oras h, araw day, linggo week #, "
            + "buwan month #, taon year, kutsarita tsp, kutsara tbsp, tasa cup #, patak drop #, yunit unit"),
        // A prohibition is huwag, bawal, iwasan, hindi dapat; "hindi" alone states a fact (Hindi siya nagmamaneho).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"\b(?:huwag|bawal|ipinagbabawal|iwasan|iwasang)\b",
                @"\bhindi\s+(?:(?:ka|kayo|po)\s+)*dapat\b"),
            Stating = PackData.Patterns(
                @"(?<!\bkung\s)\bhindi\b(?!\s+(?:(?:ka|kayo|po)\s+)*(?:dapat|hihigit|lalampas|lalagpas|hihigitan|lalabis)\b)"),
            Advice = "write a prohibition: Huwag magmaneho, Bawal magmaneho, Hindi dapat magmaneho",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "huwag, hindi, wala, walang, iwasan, iwasang, ipinagbabawal, bawal, "
                + "itigil !, ihinto !, tumigil !, huminto !, "
                + "maliban kung ?, maliban sa ?, sa halip na ?, "
                + "hindi hihigit sa ^, hindi lalampas sa ^, hindi lalagpas sa ^, pinakamarami ^ ?, hanggang ^ ?"),
            NotNegating = PackData.Phrases("hindi lamang, hindi lang"),
        },
        FunctionWords = PackData.Set(
            "ang", "ng", "sa", "na", "at", "ay", "mga", "si", "ni", "kay", "ito", "iyon", "iyan", "kung", "may",
            "mayroon", "ka", "mo", "ko", "niya", "nila", "natin", "namin", "kayo", "ninyo", "inyong", "iyong",
            "para", "pag", "kapag", "dahil", "o", "pero", "ngunit", "din", "rin", "lang", "lamang", "po", "ba",
            "doktor", "gamot", "araw", "inumin", "bawat", "bago", "pagkatapos", "habang", "hindi", "huwag", "upang"),
        LengthFactor = 1.25,
    };
}
