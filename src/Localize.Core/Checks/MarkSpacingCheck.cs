namespace Localize.Core.Checks;

/// <summary>
/// <c>mark-spacing</c> (warning): in a language whose pack writes a space before some marks (French: ? ! : ;, with
/// a narrow no-break space), a target mark glued to the word before it. A colon between digits (10:30) is a time.
/// </summary>
public sealed class MarkSpacingCheck : IQualityCheck
{
    public string Id => "mark-spacing";

    public Severity Severity => Severity.Warning;

    public string Description => "Marks that the language writes after a space (French ? ! : ;) have one.";

    public IEnumerable<string> Check(CheckContext context)
    {
        var marks = context.Target.Pack.Punctuation.SpacedMarks;
        if (marks.Count == 0)
        {
            yield break;
        }

        var text = context.Target.Prose;
        for (var i = 1; i < text.Length; i++)
        {
            if (!marks.Contains(text[i]) || char.IsWhiteSpace(text[i - 1]) || marks.Contains(text[i - 1]))
            {
                continue;
            }

            if (char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                continue;
            }

            yield return $"\"{text[i]}\" needs a space before it in {context.Target.Pack.Name} (a narrow no-break space)";
            yield break;
        }
    }
}
