using System.Collections.Frozen;

namespace Localize.Core.Languages;

/// <summary>
/// Chinese, Simplified (zh-Hans: zh-CN, zh-SG) and Traditional (zh-Hant: zh-TW, zh-HK): numerals in characters
/// (三次, 两周, 十二) beside digits, full-width digits folded; negation written inside words, found as strings —
/// 不 没 别 勿 切勿 无 未 禁止 避免 —, except where it is part of a word that negates nothing (不良 adverse, 不适
/// discomfort, 特别 especially); 停止 / 停药 stop, 不超过 limits; units 毫克 毫升 小时 天 周; 。？！：; length in
/// characters (about a third of English); sentences end at 。 without a space. No readability formula is validated
/// for Chinese.
/// </summary>
public static class ChinesePacks
{
    private static readonly CjkNumerals _numerals = new(
        new Dictionary<char, int> { ['〇'] = 0, ['零'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['兩'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9 }.ToFrozenDictionary(),
        new Dictionary<char, long> { ['十'] = 10, ['百'] = 100, ['千'] = 1000, ['万'] = 10_000, ['萬'] = 10_000, ['亿'] = 100_000_000, ['億'] = 100_000_000 }.ToFrozenDictionary(),
        PackData.Marks("第"),
        PackData.Strings("个半, 個半"));

    private static readonly IReadOnlyList<string> _notCounting =
        PackData.Strings("十分, 万一, 萬一, 千万, 千萬, 三明治, 1天, 1日, 1次");

    private static readonly Punctuation _punctuation = new() { Equivalents = PackData.Equivalents("。. ？? ！! ：: ；; ，,") };

    private static readonly IReadOnlyList<Segmentation.SrxRule> _sentences =
    [
        // A Chinese full stop ends a sentence with no space after it.
        new(true, @"[。？！]+[\p{Pe}\p{Pf}""'\uE002]*", @"\s*[^\s\p{Pe}\p{Pf}]"),
    ];

    public static LanguagePack Simplified { get; } = new()
    {
        Language = "zh-Hans",
        Name = "Chinese (Simplified)",
        CjkNumerals = _numerals,
        NumeralsNotCounting = _notCounting,
        WordsRunTogether = true,
        UnitForms = PackData.UnitForms(
            "毫克 mg, 微克 mcg, 克 g #, 千克 kg, 公斤 kg, 毫升 mL, 升 L #, 度 degree #, 摄氏度 °C, "
            + "华氏度 °F, 秒 s #, 分钟 min, 小时 h, 个小时 h, 天 day #, 日 day #, 周 week #, 星期 week, 个星期 week, "
            + "个月 month, 年 year #, 毫米 mm, 厘米 cm, 米 m #, 茶匙 tsp, 汤匙 tbsp, 杯 cup #, 滴 drop #, "
            + "国际单位 IU, 单位 unit, 卡路里 calorie, 千卡 kcal"),
        // A prohibition is 请勿/勿/切勿/不要/别/禁止/不得/不可 …; a subject before 不/没 (您不驾驶) or 不会 states a fact.
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"请勿|請勿|切勿|千万不要|千萬不要|不要|不可|不得|不能|不应|不應|不宜|不准|禁止|严禁|嚴禁|避免|勿|(?<![特区區分级級类類识識告离離差个個性])[别別]"),
            Stating = PackData.Patterns(
                @"(?:您|你|他|她|患者|病人|本药|本藥|它|孩子)(?:并|並|也|就)?(?:不|没有|没|沒有|沒)(?![要可得能应應宜准需必用])",
                @"不会|不會"),
            Advice = "write a prohibition: 请勿驾驶, 不要驾驶, 禁止驾驶",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "~不, ~没, ~別, ~别, ~勿, ~切勿, ~无 ?, ~未 ?, ~非 ?, ~禁止, ~避免, ~不要, ~不得, ~不可, "
                + "~停止 !, ~停用 !, ~停药 !, ~停服 !, ~中止 !, "
                + "~除非 ?, ~除了 ?, "
                + "~不超过 ^, ~不要超过 ^, ~不得超过 ^, ~最多 ^ ?, ~以内 ^ ?"),
            NotNegatingAnywhere = PackData.Strings(
                "不良, 不适, 不舒服, 不同, 不断, 不仅, 不论, 不管, 不久, 不少, 无论, 无菌, 特别, 别人, 区别, "
                + "分别, 识别, 类别, 个别, 级别, 性别, 并非, 是否, 非常, 未来"),
        },
        LengthFactor = 0.3,
        Punctuation = _punctuation,
        SentenceRules = _sentences,
    };

    public static LanguagePack Traditional { get; } = Simplified with
    {
        Language = "zh-Hant",
        Name = "Chinese (Traditional)",
        UnitForms = PackData.UnitForms(
            "毫克 mg, 微克 mcg, 克 g #, 公斤 kg, 千克 kg, 毫升 mL, 公升 L, 升 L #, 度 degree #, "
            + "攝氏度 °C, 華氏度 °F, 秒 s #, 分鐘 min, 小時 h, 個小時 h, 天 day #, 日 day #, 週 week #, 周 week #, "
            + "星期 week, 個星期 week, 個月 month, 年 year #, 毫米 mm, 公分 cm, 釐米 cm, 米 m #, 公尺 m #, "
            + "茶匙 tsp, 湯匙 tbsp, 杯 cup #, 滴 drop #, 國際單位 IU, 單位 unit, 卡路里 calorie, 千卡 kcal"),
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "~不, ~沒, ~別, ~勿, ~切勿, ~無 ?, ~未 ?, ~非 ?, ~禁止, ~避免, ~不要, ~不得, ~不可, "
                + "~停止 !, ~停用 !, ~停藥 !, ~停服 !, ~中止 !, "
                + "~除非 ?, ~除了 ?, "
                + "~不超過 ^, ~不要超過 ^, ~不得超過 ^, ~最多 ^ ?, ~以內 ^ ?"),
            NotNegatingAnywhere = PackData.Strings(
                "不良, 不適, 不舒服, 不同, 不斷, 不僅, 不論, 不管, 不久, 不少, 無論, 無菌, 特別, 別人, 區別, "
                + "分別, 識別, 類別, 個別, 級別, 性別, 並非, 是否, 非常, 未來"),
        },
    };
}
