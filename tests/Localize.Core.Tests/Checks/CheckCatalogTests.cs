using Localize.Core.Checks;

namespace Localize.Core.Tests.Checks;

public sealed class CheckCatalogTests
{
    [Fact]
    public void Every_check_has_a_unique_kebab_case_id_and_a_description()
    {
        var ids = CheckCatalog.All.Select(c => c.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(CheckCatalog.All, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c.Id));
        Assert.All(CheckCatalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }

    [Theory]
    [InlineData("numbers")]
    [InlineData("units")]
    [InlineData("negation")]
    [InlineData("markup")]
    [InlineData("untranslated")]
    [InlineData("glossary")]
    [InlineData("do-not-translate")]
    public void The_medical_safety_checks_are_errors(string id) =>
        Assert.Equal(Severity.Error, CheckCatalog.Find(id)?.Severity);

    [Fact]
    public void Findings_come_errors_first()
    {
        var findings = new QualityChecker().RunMarkdown(new SegmentPair("en", "es", "Take 5 mg.", "Tome  50 mg"));

        Assert.Equal(Severity.Error, findings[0].Severity);
        Assert.Contains(findings, f => f.Severity == Severity.Warning);
    }
}
