using Localize.Core.Memory;

namespace Localize.Core.Tests.Memory;

/// <summary>
/// The cosmetic-vs-meaning rule as a table: presentation-only edits keep the approval, anything a patient could read
/// differently goes back to review.
/// </summary>
public sealed class CosmeticChangeRuleTests
{
    public static TheoryData<string, string> Cosmetic => new()
    {
        // old source | new source
        { "Take 2 tablets a day.", "Take 2 tablets a day!" },
        { "Take 2 tablets a day.", "Take 2 tablets a day" },
        { "Take 2 tablets a day.", "Take 2  tablets a day." },
        { "Take 2 tablets a day.", "Take 2\ntablets a day." },
        { "Take 2 tablets\r\na day.", "Take 2 tablets a day." },
        { "Take 2 tablets a day.", " Take 2 tablets a day. " },
        { "Take 2 tablets a day.", "Take 2\ttablets a day." },
        { "Take 2 tablets a day.", "Take 2\u00A0tablets a day." },
        { "Do not drive.", "Do not drive;" },
        { "Do not drive.", "Do not drive…" },
        { "Do not drive.", "Do not drive..." },
        { "Do not drive:", "Do not drive." },
        { "Call \"111\" at once.", "Call “111” at once." },
        { "Call 'the nurse' at once.", "Call ‘the nurse’ at once." },
        { "Don't drive.", "Don’t drive." },
        { "Call «111» at once.", "Call \"111\" at once." },
        { "Do *not* drive.", "Do not drive." },
        { "Do _not_ drive.", "Do *not* drive." },
        { "Take <pc id=\"1\">2 tablets</pc> a day.", "Take <pc id=\"1\">2  tablets</pc> a day!" },
        { "See <ph id=\"1\"/> for details.", "See <ph id=\"1\"/>\nfor details." },
        { "Rest, then drink water.", "Rest, then drink water" },
        { "Ketamine may help.", "Ketamine may help!!" },
    };

    public static TheoryData<string, string> Meaning => new()
    {
        { "Take 2 tablets a day.", "Take 3 tablets a day." },
        { "Do not drive.", "Do drive." },
        { "Take 2 tablets a day.", "Take 2 tablet a day." },
        { "Take 2 tablets a day.", "Take 2 tablets twice a day." },
        { "Take 2 tablets a day.", "Take 2 tablets a week." },
        { "Take 2.5 mg.", "Take 25 mg." },
        { "Take 2,5 mg.", "Take 2.5 mg." },
        { "Take 5 mg.", "Take 5 mcg." },
        { "You can drive.", "You can't drive." },
        { "You can drive.", "You cannot drive." },
        { "Never drive.", "Ever drive." },
        { "You can drive.", "You can drive?" },
        { "Take it with food.", "Take it without food." },
        { "Take it with food.", "take it with food." },
        { "Use Ketamine.", "Use ketamine." },
        { "Take 2 tablets a day.", "Take2 tablets a day." },
        { "Take <pc id=\"1\">2 tablets</pc> a day.", "Take 2 tablets a day." },
        { "Take 2 tablets a day.", "Take <pc id=\"1\">2 tablets</pc> a day." },
        { "See <ph id=\"1\"/> for details.", "See for details." },
        { "See <ph id=\"1\"/> and <ph id=\"2\"/>.", "See <ph id=\"2\"/> and <ph id=\"1\"/>." },
        { "Call 111.", "Call 999." },
        { "Stop if it hurts.", "Stop if it hurts more." },
        { "Wait 10-12 hours.", "Wait 10–12 hours." },
        { "Do not take more than 4 doses.", "Do take more than 4 doses." },
    };

    [Theory]
    [MemberData(nameof(Cosmetic))]
    public void Presentation_only_edits_are_cosmetic(string oldSource, string newSource) =>
        Assert.Equal(SourceChange.Cosmetic, CosmeticChangeRule.Classify(oldSource, newSource));

    [Theory]
    [MemberData(nameof(Meaning))]
    public void Any_word_number_negation_or_code_change_is_a_meaning_change(string oldSource, string newSource) =>
        Assert.Equal(SourceChange.Meaning, CosmeticChangeRule.Classify(oldSource, newSource));

    [Fact]
    public void The_same_text_is_identical() =>
        Assert.Equal(SourceChange.Identical, CosmeticChangeRule.Classify("Do not drive.", "Do not drive."));

    public static TheoryData<string, string, string, string> Targets => new()
    {
        // old source | new source | approved target | mechanically updated target
        { "Do not drive.", "Do not drive!", "No conduzca.", "No conduzca!" },
        { "Do not drive.", "Do not drive", "No conduzca.", "No conduzca" },
        { "Do not drive", "Do not drive.", "No conduzca", "No conduzca." },
        { "Do not drive.", "Do  not\ndrive.", "No conduzca.", "No conduzca." },
        { "Call \"111\".", "Call “111”.", "Llame al «111».", "Llame al «111»." },
        // The target did not follow the source's punctuation: nothing to update mechanically, so it stays.
        { "Do not drive.", "Do not drive;", "¡No conduzca!", "¡No conduzca!" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_target_follows_a_cosmetic_change_mechanically(string oldSource, string newSource, string target, string expected) =>
        Assert.Equal(expected, CosmeticChangeRule.UpdateTarget(oldSource, newSource, target));
}
