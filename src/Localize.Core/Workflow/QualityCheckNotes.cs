using Localize.Core.Checks;
using Localize.Core.Checks.Analysis;
using Localize.Core.Glossaries;

namespace Localize.Core.Workflow;

/// <summary>
/// Runs the medical-safety checks on every target a reviewer will see and turns their findings into notes; an
/// error-severity finding blocks approval. The glossary is the stored one of the language pair. Pseudo-locales are not languages, so only the markup check applies to them.
/// </summary>
public sealed class QualityCheckNotes : ISegmentChecker
{
    private readonly IReadOnlyList<IQualityCheck> _checks;
    private readonly QualityChecker _checker;
    private readonly QualityChecker _pseudoChecker = new(null, [new MarkupCheck()]);

    /// <param name="added">
    /// Checks registered as <see cref="IQualityCheck"/> services (one line each), run after the catalog's own: a new
    /// check needs its class and its registration, nothing else.
    /// </param>
    public QualityCheckNotes(IEnumerable<IQualityCheck> added)
    {
        _checks = [.. CheckCatalog.All, .. added];
        _checker = new QualityChecker(null, _checks);
    }

    public IEnumerable<SegmentNote> Check(string sourceLanguage, string locale, string source, string target, Glossary glossary) =>
        CheckerFor(locale, glossary).Run(new SegmentPair(sourceLanguage, locale, source, target)).Select(Note);

    public async Task<IReadOnlyList<IReadOnlyList<SegmentNote>>> CheckAsync(
        string sourceLanguage, string locale, IReadOnlyList<(string Source, string Target)> pairs, Glossary glossary, IMorphologicalAnalyser analyser, CancellationToken cancellationToken)
    {
        var findings = await CheckerFor(locale, glossary).RunAsync(
            [.. pairs.Select(p => new SegmentPair(sourceLanguage, locale, p.Source, p.Target))], TextForm.InlineMarkup, analyser, cancellationToken);
        return [.. findings.Select(f => (IReadOnlyList<SegmentNote>)[.. f.Select(Note)])];
    }

    // A checker is only a glossary and the catalog: building one per stored glossary costs nothing.
    private QualityChecker CheckerFor(string locale, Glossary glossary) =>
        locale.StartsWith("qps-", StringComparison.OrdinalIgnoreCase) ? _pseudoChecker
            : glossary.Entries.Count == 0 ? _checker
            : new QualityChecker(glossary, _checks);

    private static SegmentNote Note(Finding finding) =>
        new(NoteOrigin.Check(finding.CheckId), finding.Severity == Severity.Error ? NoteSeverity.Error : NoteSeverity.Warning, finding.Message);
}
