namespace Localize.Core.Languages;

/// <summary>
/// Korean: 4,000 and 2.5; native counting words (한 번, 두 번 = twice, 세 알) as numbers; negation in verb endings
/// and short forms — -지 마십시오 / 마세요 (do not), 않-, 안, 못, 없-, 아닙니다, 금지 —, 중단 / 멈추- stop, 넘지
/// limits; units 밀리그램 시간 일 주 개월 that particles may follow (7일간, 2시간마다). No readability formula is
/// validated for Korean.
/// </summary>
public static class KoreanPack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "ko",
        Name = "Korean",
        DecimalSeparator = '.',
        GroupSeparator = ',',
        NumberWords = PackData.NumberWords(
            "한 1 ?, 하나 1 ?, 두 2, 둘 2, 세 3, 셋 3, 네 4 ?, 넷 4, 다섯 5, 여섯 6, 일곱 7, 여덟 8, 아홉 9, 열 10 ?, "
            + "스무 20, 스물 20, 서른 30, 마흔 40, 쉰 50, 반 0.5 /?"),
        NumeralsNotCounting = PackData.Strings("1일, 1회"),
        WordsRunTogether = true,
        UnitForms = PackData.UnitForms(
            "밀리그램 mg, 마이크로그램 mcg, 그램 g, 킬로그램 kg, 밀리리터 mL, 리터 L, 퍼센트 %, 도 degree #, "
            + "섭씨 °C, 초 s #, 분 min #, 분간 min, 시간 h, 일 day #, 일간 day, 주 week #, 주일 week, 주간 week, "
            + "개월 month, 달 month #, 년 year #, 년간 year, 밀리미터 mm, 센티미터 cm, 미터 m, 티스푼 tsp, "
            + "찻숟가락 tsp, 테이블스푼 tbsp, 큰술 tbsp, 작은술 tsp, 컵 cup #, 방울 drop #, 국제단위 IU, 단위 unit, "
            + "칼로리 calorie, 킬로칼로리 kcal"),
        // A prohibition is -지 마십시오/마세요, -지 말고, 금지, -면 안 됩니다, 삼가십시오, 피하십시오; -지 않습니다 states a fact.
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"지\s*마(?:십시오|세요|시오|라|요)|지\s*말(?:고|아야|것|기)|금지|안\s*(?:됩니다|돼요|된다|됨)|삼가(?:십시오|세요|하십시오|하세요)|피하(?:십시오|세요)|피해(?:야|주세요)"),
            Stating = PackData.Patterns(@"지\s*않(?:습니다|아요|는다|았습니다)"),
            Advice = "write a prohibition: 운전하지 마십시오, 운전하면 안 됩니다",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "마십시오, 마세요, 마시오, 말고, 말아야, 말아요, 말라, 말 것, 않-, 안, 안 됩니다, 안됩니다, 못, 못하-, "
                + "없이, 없-, 아닙니다, 아닌, 아니라, 금지-, 피하십시오, 피하세요, 피하고, 피해야, "
                + "중단- !, 멈추- !, 멈추십시오 !, 끊으십시오 !, 끊지 !, "
                + "제외하고 ?, 대신 ?, "
                + "넘지 ^, 초과하지 ^, 최대 ^ ?, 이하 ^ ?, 까지 ^ ?"),
        },
        FunctionWords = PackData.Set(
            "그리고", "또는", "및", "이", "그", "저", "것", "수", "있습니다", "있는", "합니다", "하십시오", "하세요",
            "때", "후", "전", "동안", "경우", "의사", "약", "복용", "매일", "하루", "번", "등", "더", "가장", "모든",
            "각", "위해", "대한", "통해", "위한", "에서", "으로", "에게", "그러나", "하지만", "만약", "만일", "즉시"),
        LengthFactor = 0.55,
        Punctuation = new Punctuation { Equivalents = PackData.Equivalents("。. ？? ！! ：: ；;") },
    };
}
