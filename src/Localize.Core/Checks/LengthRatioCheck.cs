namespace Localize.Core.Checks;

/// <summary>
/// <c>length-ratio</c> (warning): the target is far shorter or longer than a translation of the source usually is
/// (each language pack's typical length in characters relative to English sets the expectation, so Chinese is not "too
/// short"; a language whose pack does not know its length is not checked). Half a sentence lost, or a sentence
/// repeated, shows up here first. Short segments are skipped: a word or two says nothing about length.
/// </summary>
public sealed class LengthRatioCheck : IQualityCheck
{
    private const int MinimumSourceLength = 20;
    private const double TooShort = 0.5;
    private const double TooLong = 2.0;

    public string Id => "length-ratio";

    public Severity Severity => Severity.Warning;

    public string Description => "The target is much shorter or longer than a translation usually is.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var sourceLength = context.Source.PlainText.Trim().Length;
        if (sourceLength < MinimumSourceLength
            || context.Target.Pack.LengthFactor is not { } targetFactor
            || context.Source.Pack.LengthFactor is not { } sourceFactor)
        {
            yield break;
        }

        var expected = sourceLength * targetFactor / sourceFactor;
        var ratio = context.Target.PlainText.Trim().Length / expected;
        if (ratio < TooShort)
        {
            yield return $"the target is {ratio:P0} of the expected length: something may be missing";
        }
        else if (ratio > TooLong)
        {
            yield return $"the target is {ratio:P0} of the expected length: something may be repeated or added";
        }
    }
}
