namespace Localize.Core.Checks;

/// <summary>
/// <c>end-punctuation</c> (warning): the source ends with a full stop, question mark, exclamation mark, colon or
/// ellipsis and the target ends differently (a question turned into a statement, a list lead-in lost its colon).
/// "..." and "…" are the same ending; a closing quote or bracket after the mark is looked through.
/// </summary>
public sealed class EndPunctuationCheck : IQualityCheck
{
    public string Id => "end-punctuation";

    public Severity Severity => Severity.Warning;

    public string Description => "The target ends with different punctuation than the source.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var source = Ending(context.Source.PlainText);
        var target = Ending(context.Target.PlainText);
        if (source != target && (source.Length > 0 || target.Length > 0))
        {
            yield return $"the source ends with {Describe(source)}, the target with {Describe(target)}";
        }
    }

    private static string Ending(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('"', '\'', '”', '’', '»', ')', ']', '*', '_').TrimEnd();
        if (trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('…'))
        {
            return "…";
        }

        return trimmed.Length > 0 && trimmed[^1] is '.' or '?' or '!' or ':' or ';' ? trimmed[^1].ToString() : string.Empty;
    }

    private static string Describe(string ending) => ending.Length == 0 ? "no punctuation" : $"\"{ending}\"";
}
