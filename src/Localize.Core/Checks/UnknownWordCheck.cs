using System.Text.RegularExpressions;

namespace Localize.Core.Checks;

/// <summary>
/// <c>unknown-word</c> (warning): Apertium marks words it does not know with <c>*</c> (<c>*dizziness</c>) and words
/// it could not inflect with <c>#</c>; such a word is still in the source language and needs a human translation.
/// </summary>
public sealed partial class UnknownWordCheck : IQualityCheck
{
    public string Id => "unknown-word";

    public Severity Severity => Severity.Warning;

    public string Description => "Words the machine translation did not know (*word, #word) are left in the target.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var sourceMarks = MarkedWord().Matches(context.Source.PlainText).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var word in MarkedWord().Matches(context.Target.PlainText).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            if (!sourceMarks.Contains(word))
            {
                yield return $"\"{word}\" was not translated by the engine";
            }
        }
    }

    [GeneratedRegex(@"(?<![\w*#])[*#]\p{L}[\p{L}\p{Mn}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkedWord();
}
