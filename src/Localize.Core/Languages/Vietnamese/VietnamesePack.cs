namespace Localize.Core.Languages;

/// <summary>
/// Vietnamese: 4.000 and 2,5; "hai" = 2, "hai lần" = twice, "rưỡi" = and a half; không, chưa, chẳng, đừng, chớ, cấm,
/// tránh negate — but a "không" or "chưa" closing a yes/no question ("Bạn có bị sốt không?") does not, nor does
/// "không khí" (air) or "hay không" (whether) —, ngừng / ngưng stop, "không quá" limits. No readability formula is
/// validated for Vietnamese.
/// </summary>
public static class VietnamesePack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "vi",
        Name = "Vietnamese",
        DecimalSeparator = ',',
        GroupSeparator = '.',
        NumberWords = PackData.NumberWords(
            "không 0 ?, một 1 ?, hai 2, ba 3, bốn 4, năm 5 ?, sáu 6, bảy 7, tám 8, chín 9 ?, mười 10, mươi 10 ?, "
            + "trăm 100 *, nghìn 1000 *, ngàn 1000 *, triệu 1000000 *, nửa 0.5 /?"),
        HalfSuffixes = [["rưỡi"]],
        UnitForms = PackData.UnitForms(
            "miligam mg, mi-li-gam mg, microgam mcg, gam g #, kilôgam kg, ki-lô-gam kg, cân kg #, mililít mL, "
            + "mi-li-lít mL, lít L, phần trăm %, độ degree #, độ c °C, độ f °F, giây s #, phút min, giờ h, tiếng h #, "
            + "ngày day, tuần week, tháng month, năm year #, milimét mm, xentimét cm, mét m #, muỗng cà phê tsp, "
            + "thìa cà phê tsp, muỗng canh tbsp, thìa canh tbsp, cốc cup #, ly cup #, giọt drop #, đơn vị quốc tế IU, "
            + "đơn vị unit, calo calorie"),
        // A prohibition is đừng, chớ, cấm, không được, không nên, or "Không" where the instruction starts; a subject
        // before không states a fact (Bệnh nhân không lái xe).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"\b(?:đừng|chớ|cấm|nghiêm\s+cấm|không\s+được|không\s+nên|tránh|không\s+bao\s+giờ)\b",
                PackData.ClauseStart("và", "hoặc", "nhưng") + @"(?:hãy\s+)?không\b(?!\s+(?:có|phải)\b)"),
            Stating = PackData.Patterns(
                @"\b(?:quý\s+vị|bạn|ông|bà|anh|chị|em|bệnh\s+nhân|người\s+bệnh|thuốc\s+này|tôi|chúng\s+tôi|họ|nó|trẻ)\s+(?:đã\s+|vẫn\s+|cũng\s+)?(?:không|chưa)\b(?!\s+(?:được|nên)\b)"),
            Advice = "write a prohibition: Không được lái xe, Đừng lái xe, Không nên lái xe",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "không, chưa, chẳng, đừng, chớ, cấm, tránh, không được, không nên, "
                + "ngừng !, ngưng !, dừng !, thôi !, "
                + "trừ khi ?, ngoại trừ ?, thay vì ?, "
                + "không quá ^, tối đa ^ ?, nhiều nhất ^ ?"),
            NotNegating = PackData.Phrases("không khí, hay không, không những, không chỉ, không sao"),
            QuestionParticles = PackData.Set("không", "chưa"),
        },
        FunctionWords = PackData.Set(
            "và", "của", "là", "có", "không", "được", "cho", "với", "các", "những", "một", "này", "đó", "trong",
            "khi", "nếu", "thì", "để", "bạn", "quý", "vị", "người", "bác", "sĩ", "thuốc", "uống", "ngày", "lần",
            "mỗi", "sau", "trước", "hoặc", "hay", "cũng", "đã", "sẽ", "đang", "từ", "đến", "về", "như", "rất",
            "nên", "phải", "cần", "bị", "vào", "ra", "lên", "xuống", "tại", "theo", "hơn", "nhiều", "ít", "gọi"),
        LengthFactor = 1.1,
        HasNegativeConcord = true,
    };
}
