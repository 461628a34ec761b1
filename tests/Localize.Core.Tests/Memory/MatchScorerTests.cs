using Localize.Core.Memory;

namespace Localize.Core.Tests.Memory;

/// <summary>Exact, in-context and fuzzy scores on hand-made pairs.</summary>
public sealed class MatchScorerTests
{
    private const string Doc = "migraine";

    public static TheoryData<string, string?, string?, string?, string, string?, string?, string?, string> Cases => new()
    {
        // query source | prev | next | document || memory source | prev | next | document || expected
        { "Rest in a dark room.", "A", "B", Doc, "Rest in a dark room.", "A", "B", Doc, "InContext 101" },
        { "Rest in a dark room.", null, "B", Doc, "Rest in a dark room.", null, "B", Doc, "InContext 101" },
        { "Rest in a dark room.", "A", null, Doc, "Rest in a dark room.", "A", null, Doc, "InContext 101" },
        { "Rest in a dark room.", "A", "B", Doc, "Rest in a dark room.", "A", "C", Doc, "Exact 100" },
        { "Rest in a dark room.", "A", "B", Doc, "Rest in a dark room.", "X", "B", Doc, "Exact 100" },
        { "Rest in a dark room.", "A", "B", Doc, "Rest in a dark room.", "A", "B", "other", "Exact 100" },
        { "Rest in a dark room.", "A", "B", Doc, "Rest in a dark room.", "A", "B", null, "Exact 100" },
        { "Rest in a dark room.", "A", "B", null, "Rest in a dark room.", "A", "B", null, "Exact 100" },
        { "Rest in a dark room.", null, "B", Doc, "Rest in a dark room.", "A", "B", Doc, "Exact 100" },
        // codes are part of the source: the same words with another code are not exact
        { "Rest in a <pc id=\"1\">dark</pc> room.", null, null, Doc, "Rest in a dark room.", null, null, Doc, "Fuzzy 90" },
        { "Rest in a dark room.", null, null, null, "Rest in a dark room!", null, null, null, "Fuzzy 95" },
        { "Rest in a dark room.", null, null, null, "rest in a dark room.", null, null, null, "Fuzzy 95" },
        { "Rest in a dark room.", null, null, null, "Rest  in a dark\nroom.", null, null, null, "Fuzzy 99" },
        { "Take 2 tablets a day.", null, null, null, "Take 3 tablets a day.", null, null, null, "Fuzzy 95" },
        { "Rest in a dark room.", null, null, null, "Rest in a quiet room.", null, null, null, "Fuzzy 76" },
        { "Rest in a dark room.", null, null, null, "Rest in a dark, quiet room.", null, null, null, "none" }, // 74 %: just below,
        { "Rest in a dark room.", null, null, null, "Sleep in a cold room.", null, null, null, "none" },
        { "Rest in a dark room.", null, null, null, "Drink plenty of water.", null, null, null, "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Grades_a_memory_unit_against_a_segment(
        string source, string? previous, string? next, string? document,
        string memorySource, string? memoryPrevious, string? memoryNext, string? memoryDocument, string expected)
    {
        var unit = new MemoryUnit("en", "es", memorySource, "—") { PreviousSource = memoryPrevious, NextSource = memoryNext, Document = memoryDocument };

        var grade = MatchScorer.Grade(new MemoryQuery(source, previous, next, document), unit);

        Assert.Equal(expected, grade is { } g ? $"{g.Kind} {g.Score}" : "none");
    }

    public static TheoryData<string, string, string> Diffs => new()
    {
        { "Take 2 tablets a day.", "Take 3 tablets a day.", "Take <del>2</del><ins>3</ins> tablets a day." },
        { "Do not drive.", "Do drive.", "Do <del>not </del>drive." },
        { "Rest in a room.", "Rest in a dark room.", "Rest in a <ins>dark </ins>room." },
        { "Use <b> & rest.", "Use <i> & rest.", "Use &lt;<del>b</del><ins>i</ins>&gt; &amp; rest." },
        { "See <ph id=\"1\"/>the <pc id=\"2\">leaflet</pc>.", "See the leaflet.", "See the leaflet." },
    };

    [Theory]
    [MemberData(nameof(Diffs))]
    public void Differences_are_highlighted_word_by_word_and_escaped(string memorySource, string current, string expected) =>
        Assert.Equal(expected, WordDiff.Html(memorySource, current));
}
