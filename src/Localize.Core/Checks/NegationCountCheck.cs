namespace Localize.Core.Checks;

/// <summary>
/// <c>negation-count</c> (warning): the target has fewer negation cues than the source, as when one of two
/// prohibitions ("do not drive and do not drink") was translated as a permission. Only from languages without
/// negative concord: Spanish writes one negation with several cues ("no … nunca"), so its counts prove nothing.
/// </summary>
public sealed class NegationCountCheck : IQualityCheck
{
    public string Id => "negation-count";

    public Severity Severity => Severity.Warning;

    public string Description => "The target has fewer negations than the source: one prohibition may have been lost.";

    public IEnumerable<string> Check(CheckContext context)
    {
        if (context.Source.Pack.HasNegativeConcord || context.Target.Pack.Negation.IsEmpty)
        {
            yield break;
        }

        var sourceCount = context.Source.Negations.Count(n => n.Strong);
        var targetCount = context.Target.Negations.Count;
        if (targetCount > 0 && targetCount < sourceCount)
        {
            yield return $"the source has {sourceCount} negations but the target only {targetCount}";
        }
    }
}
