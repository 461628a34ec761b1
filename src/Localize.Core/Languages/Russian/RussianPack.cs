using Localize.Core.Readability;

namespace Localize.Core.Languages;

/// <summary>
/// Russian: 4 000 (a space groups thousands) and 2,5; "два/две" = 2, "два раза" = twice; не, ни, нет, никогда,
/// нельзя, без, избегайте negate, прекратите / прекращайте stop, "не более" limits; units мг, мл, ч, сут. Readability:
/// Oborneva (2006), Flesch refitted for Russian, 206.835 − 1.3 × words/sentence − 60.1 × syllables/word, target ≥ 60;
/// syllables are vowel letters, which is exact in Russian.
/// </summary>
public static class RussianPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "ru",
        Name = "Russian",
        DecimalSeparator = ',',
        GroupSeparator = '\u00A0',
        SpaceGroupsThousands = true,
        NumberWords = PackData.NumberWords(
            "ноль 0, один 1 ?, одна 1 ?, одно 1 ?, два 2, две 2, двух 2, три 3, трёх 3, трех 3, четыре 4, пять 5, "
            + "шесть 6, семь 7, восемь 8, девять 9, десять 10, одиннадцать 11, двенадцать 12, пятнадцать 15, "
            + "двадцать 20, тридцать 30, сорок 40, пятьдесят 50, сто 100, тысяча 1000 *, тысячи 1000 *, "
            + "тысяч 1000 *, оба 2 ?, обе 2 ?, половина 0.5 /, пол 0.5 /?, полтора 1.5, полторы 1.5"),
        UnitForms = PackData.UnitForms(
            "мг mg #, миллиграмм mg, миллиграмма mg, миллиграммов mg, мкг mcg #, микрограмм mcg, г g #, грамм g, "
            + "грамма g, граммов g, кг kg #, килограмм kg, мл mL #, миллилитр mL, миллилитра mL, миллилитров mL, "
            + "л L #, литр L, литра L, литров L, процент %, процента %, процентов %, градус degree, градуса degree, "
            + "градусов degree, с s #, сек s #, секунд s #, мин min #, минута min, минуты min, минут min, ч h #, "
            + "час h, часа h, часов h, сут day #, сутки day, суток day, день day, дня day, дней day, неделя week, "
            + "недели week, недель week, месяц month, месяца month, месяцев month, год year, года year, лет year #, "
            + "мм mm #, см cm #, м m #, чайная ложка tsp, чайные ложки tsp, чайных ложки tsp, столовая ложка tbsp, "
            + "столовые ложки tbsp, столовых ложки tbsp, капля drop #, капли drop #, капель drop #, ме IU #, "
            + "единиц unit, единицы unit, ккал kcal #, мм рт. ст mmHg #, мм рт ст mmHg #"),
        // A prohibition is не + imperative (не принимайте) or infinitive (не принимать), нельзя, запрещено, не следует;
        // a subject before не, or не + a present-tense verb, states a fact (вы не принимаете, не водит).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"(?<!\b(?:вы|он|она|оно|они|мы|ты|я)\s+)\bне\s+\p{L}+(?:йте|ите|ьте|й|и|ь)(?:сь|ся)?\b",
                @"\bне\s+\p{L}+(?:ть|ти|чь)(?:ся)?\b",
                @"\bнельзя\b|\bзапрещ\p{L}*|\bне\s+следует\b|\bне\s+рекомендуется\b|\bизбегайте\b|\bне\s+должн\p{L}*|\bне\s+допускается\b"),
            Stating = PackData.Patterns(
                @"\b(?:вы|он|она|оно|они|мы|ты|я|пациент|препарат|лекарство)\s+не\b(?!\s+(?:должн\p{L}*|следует|можете|может|нужно)\b)",
                @"\bне\s+(?!(?:может|могут|следует|будет)\b)\p{L}+(?:ет|ют|ут|ит|ат|ят|ешь|ишь|ем|им)(?:ся)?\b"),
            Advice = "write a prohibition: не принимайте, не принимать, нельзя принимать",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "не, ни, нет, никогда, нельзя, без, никакой, никакие, никаких, ничего, никто, избегайте, избегать, "
                + "запрещено, противопоказан ?, "
                + "прекратите !, прекращайте !, прекратить !, прекращать !, перестаньте !, отмените !, "
                + "кроме ?, если только ?, вместо ?, "
                + "не более ^, не больше ^, максимум ^ ?, не превышайте ^, до ^ ?"),
            NotNegating = PackData.Phrases("не только, тем не менее, не менее"),
        },
        FunctionWords = PackData.Set(
            "и", "в", "во", "не", "на", "с", "со", "что", "как", "по", "к", "ко", "это", "из", "у", "за", "от", "о",
            "об", "для", "до", "или", "но", "если", "когда", "при", "после", "перед", "во", "время", "вы", "вам",
            "вас", "ваш", "ваша", "ваше", "ваши", "его", "её", "их", "он", "она", "они", "быть", "есть", "может",
            "можно", "нужно", "следует", "врач", "врачу", "врача", "день", "каждые", "также", "только", "очень", "без"),
        PluralSuffixes = ["ы", "и", "а", "ов", "ей"],
        LengthFactor = 1.15,
        HasNegativeConcord = true,
        Readability = ReadabilityRules.Ease(
            "Oborneva (Flesch for Russian)",
            c => 206.835 - (1.3 * c.WordsPerSentence) - (60.1 * c.SyllablesPerWord),
            60,
            word => Math.Max(1, word.Count(c => "аеёиоуыэюя".Contains(c, StringComparison.Ordinal)))),
    };
}
