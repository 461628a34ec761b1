namespace Localize.Core.Checks;

/// <summary>
/// <c>opening-marks</c> (warning): in a language that opens questions and exclamations (Spanish ¿ ¡), a target
/// sentence ending in ? or ! has its opening mark.
/// </summary>
public sealed class OpeningMarksCheck : IQualityCheck
{
    public string Id => "opening-marks";

    public Severity Severity => Severity.Warning;

    public string Description => "Questions and exclamations open with ¿ and ¡ where the language requires it.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var marks = context.Target.Pack.Punctuation.OpeningMarks;
        if (marks.Count == 0)
        {
            yield break;
        }

        var text = context.Target.PlainText;
        var sentenceStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || context.Target.Pack.Punctuation.Canonical(text[i]) == '.')
            {
                sentenceStart = i + 1;
            }
            else if (marks.TryGetValue(text[i], out var opening))
            {
                if (text.IndexOf(opening, sentenceStart, i - sentenceStart) < 0)
                {
                    yield return $"\"{text[sentenceStart..(i + 1)].Trim()}\" needs an opening \"{opening}\"";
                }

                sentenceStart = i + 1;
            }
        }
    }
}
