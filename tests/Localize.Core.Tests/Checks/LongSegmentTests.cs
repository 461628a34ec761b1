namespace Localize.Core.Tests.Checks;

/// <summary>
/// A segment can be as long as a paragraph with no sentence end (a broken or hostile article, an engine's runaway
/// output): every check reads it in time that grows with its length, so one segment cannot hold a worker for minutes.
/// The clock here is a guard against minutes, not a speed test.
/// </summary>
public sealed class LongSegmentTests
{
    public static TheoryData<string, string, string> Texts => new()
    {
        { "one 500,000-letter word", new string('a', 500_000), new string('b', 500_000) },
        { "words glued together", string.Concat(Enumerable.Repeat("word", 100_000)), string.Concat(Enumerable.Repeat("palabra", 100_000)) },
        { "200,000 full stops", new string('.', 200_000), new string('.', 200_000) },
        { "a 100,000-digit number", new string('9', 100_000), new string('9', 100_000) },
        { "brackets left open by the thousand", string.Concat(Enumerable.Repeat("(a) [b] ", 30_000)), string.Concat(Enumerable.Repeat("(a [b ", 30_000)) },
        { "100,000 numbers run together by commas", string.Concat(Enumerable.Repeat("1,", 100_000)), string.Concat(Enumerable.Repeat("1.", 100_000)) },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_check_reads_a_long_segment_at_once(string what, string source, string target)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        foreach (var check in Localize.Core.Checks.CheckCatalog.All)
        {
            CheckSpec.Run(check.Id, source, target);
        }

        // The markup check's address finder alone took minutes on the first of these.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{what}: took {clock.Elapsed}");
    }

    [Fact]
    public void Fifty_thousand_doses_with_their_unit_changed_are_one_finding_found_at_once()
    {
        var source = string.Concat(Enumerable.Repeat("Take 5 mg. ", 50_000));
        var target = string.Concat(Enumerable.Repeat("Tome 5 mcg. ", 50_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var findings = CheckSpec.Run("units", source, target);

        // Each mention was compared with every other: 2 s for 10,000, a minute for these.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains("became \"mcg\"", Assert.Single(findings).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Markdown_nested_beyond_reading_is_a_markup_error_not_a_crash(bool tagged)
    {
        var source = "See the guide.";
        var target = "Vea " + new string('[', 2_000) + "la guía.";

        var findings = CheckSpec.Run("markup", source, target, tagged: tagged);

        Assert.Contains(findings, f => f.Message.StartsWith("the target cannot be read as Markdown: square brackets are nested more than 1000 deep", StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(Localize.Core.Checks.Severity.Error, f.Severity));
    }

    [Theory]
    // An address is found wherever its run of address characters starts, and only there.
    [InlineData("Write to (help@example.org).", "Escriba a (ayuda@example.org).", "address help@example.org is missing")]
    [InlineData("Contact:help@example.org", "Contacto:ayuda@example.org", "address help@example.org is missing")]
    [InlineData("Write to first.last+tag@example.org.", "Escriba a first.last+tag@example.org.", null)]
    [InlineData("Write to first.last+tag@example.org.", "Escriba a last+tag@example.org.", "address first.last+tag@example.org is missing")]
    public void Addresses_are_found_where_they_start(string source, string target, string? expected) =>
        CheckSpec.Expect(CheckSpec.Run("markup", source, target), expected);
}
