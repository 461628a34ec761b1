namespace Localize.Core.Checks;

/// <summary>
/// One quality check, as in Weblate: an id (used by the CLI, the review UI and the audit trail), one severity and
/// one method. The method returns messages only, so a check cannot report under another id or severity.
/// </summary>
public interface IQualityCheck
{
    string Id { get; }

    Severity Severity { get; }

    /// <summary>One line a reviewer reads to learn what the check guards against.</summary>
    string Description { get; }

    /// <summary>The problems found in one pair, one message each; empty when the pair passes.</summary>
    IEnumerable<string> Check(CheckContext context);

    /// <summary>
    /// Whether this pair's verdict may depend on <see cref="SegmentPair.TargetAnalysis"/>. The caller gathers the needs
    /// of a whole batch and asks the analyser once, for those pairs only; a pair no check needs it for is never analysed.
    /// </summary>
    bool NeedsTargetAnalysis(CheckContext context) => false;
}
