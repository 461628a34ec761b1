namespace Localize.Core.Checks;

/// <summary>
/// <c>brackets</c> (warning): the target has a different number of parentheses, brackets or quotation marks than
/// the source; a lost closing bracket often means a lost aside (a dose, a warning) in medical text.
/// </summary>
public sealed class BracketsCheck : IQualityCheck
{
    private static readonly (char Open, char Close)[] _pairs = [('(', ')'), ('[', ']'), ('{', '}')];

    public string Id => "brackets";

    public Severity Severity => Severity.Warning;

    public string Description => "Parentheses and brackets are kept.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var source = context.Source.PlainText;
        var target = context.Target.PlainText;
        foreach (var (open, close) in _pairs)
        {
            var sourceCount = Count(source, open) + Count(source, close);
            var targetCount = Count(target, open) + Count(target, close);
            if (sourceCount != targetCount)
            {
                yield return $"the source has {sourceCount} \"{open}{close}\" marks, the target {targetCount}";
            }
        }
    }

    private static int Count(string text, char c) => text.AsSpan().Count(c);
}
