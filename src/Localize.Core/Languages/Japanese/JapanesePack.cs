using System.Collections.Frozen;

namespace Localize.Core.Languages;

/// <summary>
/// Japanese: digits (often full-width, folded) and kanji numerals (二回, 三日); negation in verb endings, found as
/// strings — ないで, ません, ない, ず, 禁止, 避け — except in words that negate nothing (少ない few, 危ない
/// dangerous, 必ず always); 中止 / やめ stop, 超えない limits; units ミリグラム 時間 日 週間 か月 and ㎎ ℃; 。？！;
/// length in characters; sentences end at 。 without a space. No readability formula is validated for Japanese
/// here (jReadability's needs a word segmenter).
/// </summary>
public static class JapanesePack
{
    public static LanguagePack Pack { get; } = new()
    {
        Language = "ja",
        Name = "Japanese",
        CjkNumerals = new CjkNumerals(
            new Dictionary<char, int> { ['〇'] = 0, ['零'] = 0, ['一'] = 1, ['二'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9 }.ToFrozenDictionary(),
            new Dictionary<char, long> { ['十'] = 10, ['百'] = 100, ['千'] = 1000, ['万'] = 10_000, ['億'] = 100_000_000 }.ToFrozenDictionary(),
            PackData.Marks("第"),
            []),
        NumeralsNotCounting = PackData.Strings("十分, 万一, 1日, 1回, 一日, 一回"),
        WordsRunTogether = true,
        UnitForms = PackData.UnitForms(
            "ミリグラム mg, マイクログラム mcg, グラム g, キログラム kg, ミリリットル mL, リットル L, パーセント %, "
            + "度 degree #, 秒 s #, 分 min #, 分間 min, 時間 h, 日 day #, 日間 day, 週 week #, 週間 week, か月 month, "
            + "カ月 month, ヶ月 month, ケ月 month, 年 year #, 年間 year, ミリメートル mm, センチメートル cm, "
            + "メートル m, 小さじ tsp, 大さじ tbsp, カップ cup #, 滴 drop #, 国際単位 IU, 単位 unit, キロカロリー kcal"),
        // A prohibition is ないでください, しないで, てはいけません, 禁止, 控えてください …; ません states a fact (運転しません),
        // but not in かもしれません (may), かまいません (does not matter) or ありません (there is none).
        Prohibition = new ProhibitionRules
        {
            Forbidding = PackData.Patterns(
                @"ないでください|ないで下さい|しないで|ないこと|てはいけ|ではいけ|てはなら|ではなら|禁止|お?控えください|控えてください|お?避けください|避けてください|ないように"),
            Stating = PackData.Patterns(@"(?<!てはいけ|ではいけ|てはなり|ではなり|しれ|かまい|構い|すみ|あり)ません(?!か)|ないです"),
            Advice = "write a prohibition: 運転しないでください, 運転してはいけません",
        },
        Negation = new NegationRules
        {
            Cues = PackData.Cues(
                "~ないで, ~ません, ~ない, ~なく, ~ず, ~禁止, ~避け, ~控え, ~いけません, ~だめ, ~ダメ, "
                + "~中止 !, ~やめ !, ~止め !, "
                + "~以外 ?, ~限り ?, "
                + "~超えない ^, ~超えないで ^, ~を超えて ^ ?, ~最大 ^ ?, ~まで ^ ?, ~以下 ^ ?"),
            NotNegatingAnywhere = PackData.Strings("少ない, 危ない, 必ず, ずつ, ずっと, まず, いずれ, わずか, はず, 少なく, 危なく"),
        },
        LengthFactor = 0.5,
        Punctuation = new Punctuation { Equivalents = PackData.Equivalents("。. ？? ！! ：: ；; 、,") },
        SentenceRules = [new(true, @"[。？！]+[\p{Pe}\p{Pf}""'\uE002]*", @"\s*[^\s\p{Pe}\p{Pf}]")],
    };
}
