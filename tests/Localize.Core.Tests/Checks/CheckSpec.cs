using Localize.Core.Checks;
using Localize.Core.Glossaries;

namespace Localize.Core.Tests.Checks;

/// <summary>Runs one check of the catalog over one pair, as the specification tables need.</summary>
internal static class CheckSpec
{
    public static IReadOnlyList<Finding> Run(string checkId, string source, string target, string from = "en", string to = "es", bool tagged = false, Glossary? glossary = null)
    {
        var check = CheckCatalog.Find(checkId) ?? throw new ArgumentException($"no check {checkId}", nameof(checkId));
        var checker = new QualityChecker(glossary, [check]);
        var pair = new SegmentPair(from, to, source, target);
        return tagged ? checker.Run(pair) : checker.RunMarkdown(pair);
    }

    /// <summary>
    /// Asserts a table row: <paramref name="expected"/> null means the check finds nothing; otherwise one of its
    /// messages contains the expected text.
    /// </summary>
    public static void Expect(IReadOnlyList<Finding> findings, string? expected)
    {
        if (expected is null)
        {
            Assert.True(findings.Count == 0, string.Join("\n", findings));
            return;
        }

        Assert.True(findings.Any(f => f.Message.Contains(expected, StringComparison.Ordinal)), $"expected a finding containing \"{expected}\"; found:\n{string.Join("\n", findings)}");
    }
}
