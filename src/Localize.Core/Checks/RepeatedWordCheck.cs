namespace Localize.Core.Checks;

/// <summary><c>repeated-word</c> (warning): the same word twice in a row in the target ("the the", "de de").</summary>
public sealed class RepeatedWordCheck : IQualityCheck
{
    public string Id => "repeated-word";

    public Severity Severity => Severity.Warning;

    public string Description => "The same word twice in a row.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var words = context.Target.Words;
        var text = context.Target.Prose;
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i].Lower == words[i - 1].Lower
                && text.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End).IsWhiteSpace()
                && !context.Source.Words.Where((w, k) => k > 0 && w.Lower == context.Source.Words[k - 1].Lower).Any())
            {
                yield return $"\"{words[i].Lower}\" is repeated";
            }
        }
    }
}
