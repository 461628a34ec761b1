using Localize.Core.Segments;

namespace Localize.Core.Workflow;

/// <summary>
/// The check no target may fail: its inline codes match the source's (none lost, duplicated or invented), because a
/// target with broken codes cannot be merged back into the article.
/// </summary>
public sealed class CodeIntegrityChecker : ISegmentChecker
{
    public IEnumerable<SegmentNote> Check(string sourceLanguage, string locale, string source, string target) =>
        InlineMarkup.CompareCodes(source, target).Select(problem => new SegmentNote("check:markup", NoteSeverity.Error, problem));
}
