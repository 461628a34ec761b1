namespace Localize.Core.Checks;

/// <summary><c>double-space</c> (warning): the target has two spaces in a row where the source has none.</summary>
public sealed class DoubleSpaceCheck : IQualityCheck
{
    public string Id => "double-space";

    public Severity Severity => Severity.Warning;

    public string Description => "Two spaces in a row in the target.";

    public IEnumerable<string> Check(CheckContext context)
    {
        if (context.Pair.Target.Trim().Contains("  ", StringComparison.Ordinal)
            && !context.Pair.Source.Trim().Contains("  ", StringComparison.Ordinal))
        {
            yield return "the target has two spaces in a row";
        }
    }
}
