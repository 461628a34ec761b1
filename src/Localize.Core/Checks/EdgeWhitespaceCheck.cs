namespace Localize.Core.Checks;

/// <summary>
/// <c>edge-whitespace</c> (warning): leading or trailing white space differs between source and target; segments are
/// joined back into paragraphs, so a lost or added space glues or splits words in the published page.
/// </summary>
public sealed class EdgeWhitespaceCheck : IQualityCheck
{
    public string Id => "edge-whitespace";

    public Severity Severity => Severity.Warning;

    public string Description => "Leading or trailing white space differs from the source.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var source = context.Pair.Source;
        var target = context.Pair.Target;
        if (Leading(source) != Leading(target))
        {
            yield return $"leading white space differs: {Describe(Leading(source))} in the source, {Describe(Leading(target))} in the target";
        }

        if (Trailing(source) != Trailing(target))
        {
            yield return $"trailing white space differs: {Describe(Trailing(source))} in the source, {Describe(Trailing(target))} in the target";
        }
    }

    private static string Leading(string text) => text[..(text.Length - text.TrimStart().Length)];

    private static string Trailing(string text) => text[text.TrimEnd().Length..];

    private static string Describe(string space) => space.Length == 0 ? "none" : $"{space.Length} character(s)";
}
