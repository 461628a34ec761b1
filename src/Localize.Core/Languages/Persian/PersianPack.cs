namespace Localize.Core.Languages;

/// <summary>
/// Persian (Farsi): Persian or Western digits (۷۵٪ folded to 75%), ٫ as decimal separator; negation in the verb's
/// prefix — ن…ید (نکنید do not, نخورید do not take), نباید, نمی‌ —, بدون, هرگز, هیچ, پرهیز and اجتناب negate; قطع /
/// متوقف stop; "بیش از … نه" limits through the verb; units میلی‌گرم ساعت روز; ؟ ؛ ، as ? ; ,; written right to
/// left. No readability formula is validated for Persian here.
/// </summary>
public static class PersianPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "fa",
        Name = "Persian",
        Direction = TextDirection.RightToLeft,
        DecimalSeparator = '.',
        GroupSeparator = ',',
        NumberWords = PackData.NumberWords(
            "صفر 0, یک 1 ?, دو 2, سه 3, چهار 4, پنج 5, شش 6, هفت 7, هشت 8, نه 9 ?, ده 10, یازده 11, دوازده 12, "
            + "پانزده 15, بیست 20, سی 30, چهل 40, پنجاه 50, صد 100, هزار 1000 *, نیم 0.5 /?, نصف 0.5 /"),
        HalfSuffixes = [["و", "نیم"]],
        UnitForms = PackData.UnitForms(
            "میلی‌گرم mg, میلیگرم mg, میلی گرم mg, میکروگرم mcg, گرم g, کیلوگرم kg, کیلو kg, میلی‌لیتر mL, "
            + "میلیلیتر mL, میلی لیتر mL, سی‌سی mL, لیتر L, درصد %, درجه degree, درجه سانتی‌گراد °C, "
            + "درجه سانتیگراد °C, درجه فارنهایت °F, ثانیه s #, دقیقه min, ساعت h, روز day, هفته week, ماه month, "
            + "سال year, میلی‌متر mm, سانتی‌متر cm, متر m #, قاشق چای‌خوری tsp, قاشق چایخوری tsp, "
            + "قاشق غذاخوری tbsp, لیوان cup #, قطره drop #, واحد بین‌المللی IU, واحد unit, کالری calorie, "
            + "میلی‌متر جیوه mmHg, میلیمتر جیوه mmHg"),
        // A prohibition is the negative imperative ن…ید (نخورید، رانندگی نکنید), نباید, ممنوع, خودداری/پرهیز کنید;
        // نمی‌… states a fact (رانندگی نمی‌کنید).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"(?<!\p{L})ن(?!می)\p{L}+ید(?!\p{L})",
                @"نباید|ممنوع|(?:پرهیز|خودداری|اجتناب)\s+کنید"),
            Stating = PackData.Patterns(@"(?<!\p{L})نمی[\u200C\s]?\p{L}+"),
            Advice = "write a prohibition: رانندگی نکنید، نباید رانندگی کنید",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "ن…ید, نباید, نمی, نیست, نیستند, ندارد, ندارید, نکنید, نه ?, هرگز, هیچ, بدون, بی ?, "
                + "پرهیز, اجتناب, ممنوع, "
                + "قطع !, متوقف !, "
                + "مگر ?, مگر اینکه ?, به جز ?, به جای ?, "
                + "حداکثر ^ ?, تا ^ ?"),
            // Polite verbs that start with ن but do not negate: نمایید ("do", as in استفاده نمایید "use").
            NotNegating = PackData.Phrases("نمایید, نماييد, نمائید, نوشید"),
        },
        FunctionWords = PackData.Set(
            "و", "در", "به", "از", "که", "این", "آن", "را", "با", "برای", "است", "هست", "یک", "هر", "تا", "بر",
            "یا", "اگر", "پس", "پیش", "قبل", "بعد", "شما", "او", "آنها", "ما", "خود", "شود", "می", "کنید", "کند",
            "باید", "دارو", "پزشک", "روز", "بار", "هم", "نیز", "اما", "ولی", "چون", "زیرا", "همه", "بین", "درباره"),
        LengthFactor = 0.95,
        Punctuation = new Punctuation { Equivalents = PackData.Equivalents("؟? ؛; ،, ۔.") },
    };
}
