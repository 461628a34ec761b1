using Localize.Core.Languages;

namespace Localize.Core.Checks;

/// <summary>
/// <c>end-punctuation</c> (warning): the source ends with a full stop, question mark, exclamation mark, colon or
/// ellipsis and the target ends differently (a question turned into a statement, a list lead-in lost its colon).
/// "..." and "…" are the same ending, and so are a mark and its equivalent in the target's pack (。 = ., ؟ = ?); a
/// closing quote or bracket after the mark is looked through.
/// </summary>
public sealed class EndPunctuationCheck : IQualityCheck
{
    public string Id => "end-punctuation";

    public Severity Severity => Severity.Warning;

    public string Description => "The target ends with different punctuation than the source.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var source = Ending(context.Source.PlainText, context.Source.Pack.Punctuation);
        var target = Ending(context.Target.PlainText, context.Target.Pack.Punctuation);
        if (source != target && (source.Length > 0 || target.Length > 0))
        {
            yield return $"the source ends with {Describe(source)}, the target with {Describe(target)}";
        }
    }

    private static string Ending(string text, Punctuation punctuation)
    {
        var trimmed = text.TrimEnd().TrimEnd('"', '\'', '”', '’', '»', ')', ']', '*', '_', '」', '』', '）').TrimEnd();
        if (trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('…'))
        {
            return "…";
        }

        var last = trimmed.Length > 0 ? punctuation.Canonical(trimmed[^1]) : ' ';
        return last is '.' or '?' or '!' or ':' or ';' ? last.ToString() : string.Empty;
    }

    private static string Describe(string ending) => ending.Length == 0 ? "no punctuation" : $"\"{ending}\"";
}
