using Localize.Core.Checks;
using Localize.Core.Glossaries;

namespace Localize.Core.Tests.Checks;

/// <summary>The corpus of <see cref="CheckCorpus"/> as tests: correct pairs pass, each injected error is found.</summary>
public sealed class QualityCheckerCorpusTests
{
    private static readonly QualityChecker _checker = new(GlossaryCsvReader.Parse(CheckCorpus.GlossaryCsv));

    public static TheoryData<CorpusPair> CorrectPairs => [.. CheckCorpus.Correct];

    public static TheoryData<CorpusPair> WrongPairs => [.. CheckCorpus.Wrong];

    [Theory]
    [MemberData(nameof(CorrectPairs))]
    public void A_correct_translation_raises_no_error(CorpusPair pair)
    {
        var errors = Run(pair).Where(f => f.Severity == Severity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(WrongPairs))]
    public void An_injected_error_is_found_under_its_check_and_only_there(CorpusPair pair)
    {
        var findings = Run(pair);
        var errorIds = findings.Where(f => f.Severity == Severity.Error).Select(f => f.CheckId).Distinct().ToList();

        Assert.True(errorIds.SequenceEqual([pair.Expected!]), $"expected only {pair.Expected}; found:\n{string.Join("\n", findings)}");
    }

    [Fact]
    public void The_corpus_has_forty_pairs_and_injects_an_error_for_every_error_check()
    {
        var errorChecks = CheckCatalog.All.Where(c => c.Severity == Severity.Error).Select(c => c.Id);

        Assert.True(CheckCorpus.Correct.Count + CheckCorpus.Wrong.Count >= 40);
        Assert.Empty(errorChecks.Except(CheckCorpus.Wrong.Select(p => p.Expected!)));
    }

    private static IReadOnlyList<Finding> Run(CorpusPair pair)
    {
        var segment = new SegmentPair("en", pair.Locale, pair.Source, pair.Target) { TargetAnalysis = pair.Analysis };
        return pair.Tagged ? _checker.Run(segment) : _checker.RunMarkdown(segment);
    }
}
