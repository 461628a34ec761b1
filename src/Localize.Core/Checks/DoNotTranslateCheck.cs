using Localize.Core.Glossaries;

namespace Localize.Core.Checks;

/// <summary>
/// <c>do-not-translate</c>: a do-not-translate term of the glossary (a brand, an acronym, a program name) that the
/// source contains appears in the target exactly as written, letter case included; a name of several words is found
/// also when the punctuation between them became an inline code or an entity ("Suicide &amp;amp; Crisis Lifeline").
/// </summary>
public sealed class DoNotTranslateCheck : IQualityCheck
{
    public string Id => "do-not-translate";

    public Severity Severity => Severity.Error;

    public string Description => "Do-not-translate terms appear unchanged.";

    public IEnumerable<string> Check(CheckContext context)
    {
        if (context.Glossary is not { } glossary)
        {
            yield break;
        }

        foreach (var entry in glossary.DoNotTranslate)
        {
            if (TermFinder.ContainsExactly(context.Source.PlainText, entry.Source)
                && !TermFinder.ContainsExactly(context.Target.PlainText, entry.Source))
            {
                yield return $"\"{entry.Source}\" must stay as it is";
            }
        }
    }
}
