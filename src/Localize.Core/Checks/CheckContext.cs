using Localize.Core.Checks.Analysis;
using Localize.Core.Languages;
using Localize.Core.Glossaries;

namespace Localize.Core.Checks;

/// <summary>A pair being checked: both sides analysed once, and the glossary in force for the language pair.</summary>
public sealed class CheckContext
{
    public CheckContext(SegmentPair pair, TextForm form, Glossary? glossary)
    {
        Pair = pair;
        Form = form;
        Glossary = glossary;
        Source = new TextSide(pair.Source, form, LanguagePacks.For(pair.SourceLanguage));
        Target = new TextSide(pair.Target, form, LanguagePacks.For(pair.TargetLocale));
    }

    private CheckContext(CheckContext read, TextAnalysis? targetAnalysis)
    {
        Pair = read.Pair with { TargetAnalysis = targetAnalysis };
        Form = read.Form;
        Glossary = read.Glossary;
        Source = read.Source;
        Target = read.Target;
    }

    public SegmentPair Pair { get; }

    public TextForm Form { get; }

    public Glossary? Glossary { get; }

    public TextSide Source { get; }

    public TextSide Target { get; }

    /// <summary>The same pair, both sides as already read, with the target's analysis once the batch's is in.</summary>
    public CheckContext WithTargetAnalysis(TextAnalysis? targetAnalysis) => new(this, targetAnalysis);
}
