using Localize.Core.Checks.Analysis;
using Localize.Core.Glossaries;

namespace Localize.Core.Checks;

/// <summary>
/// The entry point the pipeline calls: runs every check of <see cref="CheckCatalog"/> over one pair and returns what
/// they found, errors first. Thread-safe and without state besides the glossary, so one instance serves a worker.
/// </summary>
public sealed class QualityChecker
{
    private readonly Glossary? _glossary;
    private readonly IReadOnlyList<IQualityCheck> _checks;

    public QualityChecker(Glossary? glossary = null)
        : this(glossary, CheckCatalog.All)
    {
    }

    /// <summary>Runs only the given checks; for tests and for tools that want one check.</summary>
    public QualityChecker(Glossary? glossary, IReadOnlyList<IQualityCheck> checks)
    {
        _glossary = glossary;
        _checks = checks;
    }

    /// <summary>Checks a pair whose texts are in the shared inline-markup form (<c>&lt;pc&gt;</c>/<c>&lt;ph&gt;</c> codes).</summary>
    public IReadOnlyList<Finding> Run(SegmentPair pair) => Run(pair, TextForm.InlineMarkup);

    /// <summary>Checks a pair whose texts are Markdown inline text, as the CLI's pairs file has them.</summary>
    public IReadOnlyList<Finding> RunMarkdown(SegmentPair pair) => Run(pair, TextForm.Markdown);

    /// <summary>
    /// Checks a batch, asking <paramref name="analyser"/> once per target locale for the targets some check needs read
    /// (<see cref="IQualityCheck.NeedsTargetAnalysis"/>) and for no others: the one place analyses are asked for. The
    /// pairs that need nothing are checked while the analyser works. A pair that already carries its analysis keeps it.
    /// Findings in the pairs' order.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<Finding>>> RunAsync(
        IReadOnlyList<SegmentPair> pairs, TextForm form, IMorphologicalAnalyser analyser, CancellationToken cancellationToken)
    {
        var contexts = pairs.Select(p => new CheckContext(p, form, _glossary)).ToArray();
        var needing = Enumerable.Range(0, contexts.Length)
            .Where(i => contexts[i].Pair.TargetAnalysis is null && _checks.Any(c => c.NeedsTargetAnalysis(contexts[i])))
            .GroupBy(i => contexts[i].Pair.TargetLocale, StringComparer.OrdinalIgnoreCase)
            .Where(locale => analyser.Unavailable(locale.Key) is null)
            .Select(locale => (Indexes: locale.ToArray(), Analyses: analyser.AnalyseAsync(locale.Key, [.. locale.Select(i => contexts[i].Target.PlainText)], cancellationToken)))
            .ToArray();
        var waiting = needing.SelectMany(n => n.Indexes).ToHashSet();
        var findings = new IReadOnlyList<Finding>[contexts.Length];
        for (var i = 0; i < contexts.Length; i++)
        {
            if (!waiting.Contains(i))
            {
                findings[i] = Run(contexts[i]);
            }
        }

        foreach (var (indexes, analysesTask) in needing)
        {
            var analyses = await analysesTask;
            for (var k = 0; k < indexes.Length; k++)
            {
                findings[indexes[k]] = Run(contexts[indexes[k]].WithTargetAnalysis(analyses[k]));
            }
        }

        return findings;
    }

    private List<Finding> Run(SegmentPair pair, TextForm form) => Run(new CheckContext(pair, form, _glossary));

    private List<Finding> Run(CheckContext context)
    {
        var findings = new List<Finding>();
        foreach (var check in _checks)
        {
            foreach (var message in check.Check(context))
            {
                findings.Add(new Finding(check.Id, check.Severity, message));
            }
        }

        // Stable sort: errors first, then in catalog order, which is the order a reviewer should read them.
        return [.. findings.OrderByDescending(f => f.Severity)];
    }
}
