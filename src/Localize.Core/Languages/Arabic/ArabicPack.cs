namespace Localize.Core.Languages;

/// <summary>
/// Arabic: Western or Arabic-Indic digits (٧٥٪ folded to 75%), "one" in the accusative (قرصًا واحدًا), the dual as a number (مرتين twice, ساعتين two
/// hours, يومين two days); لا، لم، لن، ليس، بدون، أبدا، تجنب negate, توقف / أوقف stop, "لا تتجاوز" limits; units ملغ
/// مل ساعة يوم; ؟ ؛ ، as ? ; ,; written right to left. No readability formula is validated for Arabic here.
/// </summary>
public static class ArabicPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "ar",
        Name = "Arabic",
        Direction = TextDirection.RightToLeft,
        DecimalSeparator = '.',
        GroupSeparator = ',',
        NumberWords = PackData.NumberWords(
            "صفر 0, واحد 1 ?, واحدة 1 ?, واحدا 1 ?, واحدًا 1 ?, واحداً 1 ?, اثنان 2, اثنين 2, اثنتان 2, اثنتين 2, ثلاث 3, ثلاثة 3, أربع 4, أربعة 4, "
            + "خمس 5, خمسة 5, ست 6, ستة 6, سبع 7, سبعة 7, ثماني 8, ثمانية 8, تسع 9, تسعة 9, عشر 10, عشرة 10, "
            + "عشرين 20, عشرون 20, مئة 100 *, مائة 100 *, ألف 1000 *, "
            + "مرتين 2, مرتان 2, ساعتين 2, ساعتان 2, يومين 2, يومان 2, أسبوعين 2, شهرين 2, قرصين 2, حبتين 2, "
            + "كبسولتين 2, ملعقتين 2, نصف 0.5 /"),
        UnitForms = PackData.UnitForms(
            "ملغ mg, ملغم mg, مغ mg #, ميليغرام mg, مليغرام mg, ملليغرام mg, ميكروغرام mcg, مكغ mcg, غرام g, غ g #, "
            + "كغ kg, كيلوغرام kg, كيلو kg, مل mL #, ملل mL #, ميليلتر mL, مليلتر mL, ملليلتر mL, لتر L, "
            + "بالمئة %, بالمائة %, في المئة %, في المائة %, درجة degree, درجات degree, درجة مئوية °C, "
            + "درجة فهرنهايت °F, ثانية s #, ثوان s #, دقيقة min, دقائق min, ساعة h, ساعات h, ساعتين h, ساعتان h, "
            + "يوم day, أيام day, يوما day, يومًا day, يومين day, يومان day, أسبوع week, أسابيع week, أسبوعين week, "
            + "شهر month, أشهر month, شهور month, شهرين month, سنة year, سنوات year, عام year, أعوام year, "
            + "ملم mm, سم cm, متر m #, ملعقة صغيرة tsp, ملاعق صغيرة tsp, ملعقة كبيرة tbsp, ملاعق كبيرة tbsp, "
            + "كوب cup #, قطرة drop #, قطرات drop #, وحدة دولية IU, وحدات دولية IU, وحدة unit, وحدات unit, "
            + "سعرة حرارية calorie, سعرات حرارية calorie, ملم زئبق mmHg, مم زئبق mmHg"),
        // A prohibition is لا + the second-person jussive (لا تقد، لا تتناولوا), يجب ألا / عدم, لا يجوز, ممنوع, تجنب;
        // لا + a third-person verb, لم and لن state a fact (لا يقود المريض).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"(?<!\p{L})[وف]?لا\s+ت(?!\p{L}*(?:ون|ين)(?!\p{L}))\p{L}+",
                @"يجب\s+(?:ألا|أن\s+لا|عدم)|لا\s+يجوز|لا\s+ينبغي|لا\s+(?:يتجاوز|يزيد)|ممنوع|يمنع|يُمنع|تجنب|تجنّب|تجنبي|إياك"),
            Stating = PackData.Patterns(
                @"(?<!\p{L})[وف]?لا\s+ي\p{L}+",
                @"(?<!\p{L})[وف]?(?:لم|لن)\s+\p{L}+",
                @"(?<!\p{L})[وف]?لا\s+ت\p{L}+(?:ون|ين)(?!\p{L})"),
            Advice = "write a prohibition: لا + المضارع المجزوم (لا تقد، لا تتناول)، أو يجب عدم",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "لا, ولا, فلا, لم, ولم, لن, ولن, ليس, ليست, ما ?, بدون, دون ?, بلا, أبدا, أبداً, أبدًا, مطلقا, مطلقاً, "
                + "تجنب, تجنّب, تجنبي, يجب تجنب, يجب عدم, يجب ألا, ممنوع, يمنع, يُمنع, غير ?, عدم ?, "
                + "توقف !, توقّف !, توقفي !, تتوقف !, تتوقفي !, يتوقف !, تتوقفوا !, أوقف !, أوقفي !, التوقف !, إيقاف !, "
                + "إلا ?, ما لم ?, باستثناء ?, بدلا من ?, بدلاً من ?, "
                + "لا تتجاوز ^, لا يتجاوز ^, لا تزيد عن ^, لا يزيد عن ^, كحد أقصى ^ ?, بحد أقصى ^ ?, حتى ^ ?"),
            NotNegating = PackData.Phrases("ليس فقط, لا سيما, لاسيما, لا بد, لابد"),
        },
        FunctionWords = PackData.Set(
            "في", "من", "على", "إلى", "عن", "مع", "هذا", "هذه", "ذلك", "التي", "الذي", "أن", "إن", "أو", "و", "ثم",
            "كل", "بعد", "قبل", "عند", "إذا", "كان", "يجب", "يمكن", "قد", "لا", "ما", "هو", "هي", "أنت", "طبيبك",
            "الطبيب", "الدواء", "يوميا", "مرة", "حتى", "خلال", "بين", "أي", "كما", "لك", "لكن", "ذلك", "أيضا", "فقط"),
        LengthFactor = 0.95,
        Punctuation = new Punctuation { Equivalents = PackData.Equivalents("؟? ؛; ،, ۔.") },
    };
}
