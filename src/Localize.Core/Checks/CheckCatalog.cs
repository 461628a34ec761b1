namespace Localize.Core.Checks;

/// <summary>
/// Every quality check, in the order a reviewer should read their findings: the medical-safety errors that block
/// approval first, then the warnings. Ids are stable: the CLI, the review UI and the audit trail use them.
/// </summary>
public static class CheckCatalog
{
    public static IReadOnlyList<IQualityCheck> All { get; } =
    [
        new NumbersCheck(),
        new UnitsCheck(),
        new NegationCheck(),
        new ProhibitionCheck(),
        new MarkupCheck(),
        new UntranslatedCheck(),
        new MachineMarkCheck(),
        new GluedWordCheck(),
        new GlossaryCheck(),
        new DoNotTranslateCheck(),
        new NegationCountCheck(),
        new LengthRatioCheck(),
        new DoubleSpaceCheck(),
        new EdgeWhitespaceCheck(),
        new EndPunctuationCheck(),
        new OpeningMarksCheck(),
        new MarkSpacingCheck(),
        new RepeatedWordCheck(),
        new BracketsCheck(),
    ];

    public static IQualityCheck? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
