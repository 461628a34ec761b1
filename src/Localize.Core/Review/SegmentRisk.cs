using Humanizer;
using Localize.Core.Checks;
using Localize.Core.Checks.Analysis;
using Localize.Core.Languages;
using Localize.Core.Pipelines;
using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>
/// How much harm a wrong translation of a segment can do, from least to most (so the highest wins a comparison). A
/// wrong number or dose ranks first: nothing in a wrong "20 mg" looks wrong to a patient, and the number is what they
/// act on; a lost prohibition next ("Do not drive" read as "you do not drive"); then a warning or a call for help; then
/// the rest.
/// </summary>
public enum RiskClass
{
    Plain,
    Warning,
    Prohibition,
    DoseOrNumber,
}

/// <summary>
/// A segment's risk class and what gave it, for the review page's badge, the queue's order and "approve all", which
/// leaves a segment with a number or a prohibition for a reviewer to approve on its own.
/// </summary>
/// <param name="Because">What the class was read from, as a reviewer reads it ("“2 tablets”", "a finding of the numbers check").</param>
public sealed record SegmentRisk(RiskClass Class, string Because)
{
    public static SegmentRisk Plain { get; } = new(RiskClass.Plain, "no number, prohibition or warning");

    private static readonly string[] NumberChecks = [NumbersCheck.CheckId, UnitsCheck.CheckId];
    private static readonly string[] ProhibitionChecks = [ProhibitionCheck.CheckId, NegationCheck.CheckId];

    // Units that measure what a patient takes: "a teaspoon" is a dose without a digit; "for hours" is not.
    private static readonly HashSet<string> DoseDimensions = ["mass", "volume", "dose-unit", "concentration", "dose-per-weight"];

    /// <summary>"approve all" never approves such a segment: a reviewer approves it on its own.</summary>
    public bool NeedsOneByOne => Class is RiskClass.DoseOrNumber or RiskClass.Prohibition;

    /// <summary>The class in words: "dose or number", "prohibition", "warning", "plain".</summary>
    public string Label => LabelOf(Class);

    public static string LabelOf(RiskClass risk) => risk.Humanize(LetterCasing.LowerCase);

    /// <summary>Reads a risk class back from its name or its label ("DoseOrNumber", "dose or number", "dose-or-number"); null otherwise.</summary>
    public static RiskClass? Parse(string? text)
    {
        var key = text?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<RiskClass>(key, ignoreCase: true, out var risk) && Enum.IsDefined(risk) && !int.TryParse(key, out _) ? risk : null;
    }

    /// <summary>The risk of a segment as the review pages list it, read with its pipeline's source language.</summary>
    public static SegmentRisk Of(ReviewItem item, IPipelineCatalog pipelines) =>
        Classify(item.Source, item.Target, item.Notes, LanguagePacks.For(pipelines.SourceLanguageOf(item.Pipeline)), LanguagePacks.For(item.Locale));

    /// <summary>
    /// The highest class that the findings or the text give. Dose or number: a finding of the numbers or units check,
    /// or a number (not a lone "one") or dose unit in the source or the target, as each side's pack reads numbers and
    /// units. Prohibition: a finding of the prohibition or negation check, or an instruction not to do something in
    /// the source, as the prohibition check reads it. Warning: a warning phrase of either side's pack.
    /// </summary>
    /// <param name="source">Source and target in the shared inline-markup form.</param>
    public static SegmentRisk Classify(string source, string? target, IReadOnlyList<SegmentNote> notes, LanguagePack sourcePack, LanguagePack targetPack)
    {
        var sourceSide = new TextSide(source, TextForm.InlineMarkup, sourcePack);
        var targetSide = string.IsNullOrWhiteSpace(target) ? null : new TextSide(target, TextForm.InlineMarkup, targetPack);
        TextSide[] sides = targetSide is null ? [sourceSide] : [sourceSide, targetSide];

        if (FindingOf(notes, NumberChecks) is { } numberFinding)
        {
            return new(RiskClass.DoseOrNumber, numberFinding);
        }

        foreach (var side in sides)
        {
            if (Quantity(side) is { } quantity)
            {
                return new(RiskClass.DoseOrNumber, $"“{quantity}”");
            }
        }

        if (FindingOf(notes, ProhibitionChecks) is { } prohibitionFinding)
        {
            return new(RiskClass.Prohibition, prohibitionFinding);
        }

        if (ProhibitionReader.ReadInstructions(sourceSide.Prose, sourceSide.Words, sourcePack.Prohibition) is [var instruction, ..])
        {
            return new(RiskClass.Prohibition, $"“{instruction}”");
        }

        foreach (var side in sides)
        {
            if (WarningPhrase(side) is { } warning)
            {
                return new(RiskClass.Warning, $"“{warning}”");
            }
        }

        return Plain;
    }

    private static string? FindingOf(IReadOnlyList<SegmentNote> notes, string[] checks) =>
        notes.FirstOrDefault(n => n.Origin.Kind == NoteOriginKind.Check && checks.Contains(n.Origin.Id)) is { } note
            ? $"a finding of the {note.Origin.Id} check"
            : null;

    /// <summary>The first number in reading order, with the unit after it ("2", "0.5 mg/kg", "one hour"), else a dose unit.</summary>
    private static string? Quantity(TextSide side)
    {
        foreach (var number in side.Numbers)
        {
            var unit = side.Units.FirstOrDefault(u => u.Value is not null && u.Start >= number.End && WordTokenizer.OnlySpaceBetween(side.Prose, number.End, u.Start));
            if (unit is not null)
            {
                return side.Prose[number.Start..Math.Min(side.Prose.Length, unit.Start + unit.Text.Length)];
            }

            // A lone "one" is often a pronoun ("one of the nurses"): it counts only with a unit ("one hour").
            if (!number.Ambiguous)
            {
                return number.Text;
            }
        }

        return side.Units.FirstOrDefault(u => Units.ById.TryGetValue(u.UnitId, out var definition) && DoseDimensions.Contains(definition.Dimension))?.Text;
    }

    private static string? WarningPhrase(TextSide side)
    {
        var phrases = side.Pack.WarningPhrases;
        if (phrases.Count == 0)
        {
            return null;
        }

        var words = side.Words;
        for (var k = 0; k < words.Count; k++)
        {
            if (ProhibitionReader.Match(side.Prose, words, k, phrases) is { } length)
            {
                return side.Prose[words[k].Start..words[k + length - 1].End];
            }
        }

        return null;
    }
}
