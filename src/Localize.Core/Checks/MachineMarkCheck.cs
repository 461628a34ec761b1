using System.Text.RegularExpressions;

namespace Localize.Core.Checks;

/// <summary>
/// <c>machine-mark</c> (error): Apertium's marks never reach a reader — <c>*</c> before a word it did not know
/// (<c>*dizziness</c>), <c>@</c> before one it could not transfer (<c>@1970s</c>), <c>#</c> before one it could not
/// inflect (<c>#cofre</c>). Each is a word a person must translate; the finding names it. A marked word the source
/// has itself (a hashtag, a handle) is left alone. Needs: both sides' plain text.
/// </summary>
public sealed partial class MachineMarkCheck : IQualityCheck
{
    public string Id => "machine-mark";

    public Severity Severity => Severity.Error;

    public string Description => "Apertium's marks (*unknown, @untransferred, #uninflected) do not reach the reader.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var sourceMarks = MarkedWord().Matches(context.Source.PlainText).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var word in MarkedWord().Matches(context.Target.PlainText).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            if (sourceMarks.Contains(word))
            {
                continue;
            }

            yield return word[0] switch
            {
                '*' => $"\"{word}\" carries the engine's unknown-word mark (*): \"{word[1..]}\" was not translated",
                '@' => $"\"{word}\" carries the engine's transfer mark (@): \"{word[1..]}\" has no translation in its dictionary",
                _ => $"\"{word}\" carries the engine's generation mark (#): it could not write \"{word[1..]}\" in this form; the word is likely wrong",
            };
        }
    }

    [GeneratedRegex(@"(?<![\w*#@])[*#@][\p{L}\p{N}][\p{L}\p{N}\p{Mn}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkedWord();
}
