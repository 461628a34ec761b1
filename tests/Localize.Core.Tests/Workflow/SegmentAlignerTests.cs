using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Markdown;
using Localize.Core.Workflow;

namespace Localize.Core.Tests.Workflow;

/// <summary>Only what changed in the source goes back through translation and review.</summary>
public sealed class SegmentAlignerTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // old segments | new segments | expected steps (U unchanged, C changed, A added, R removed)
        { "a b c", "a b c", "U U U" },
        { "a b c", "a X c", "U C U" },
        { "a b c", "a b c d", "U U U A" },
        { "a b c", "X a b c", "A U U U" },
        { "a b c", "a c", "U R U" },
        { "a b c d", "a X Y d", "U C C U" },
        { "a b c", "a X Y c", "U C A U" },
        { "a b c d", "a X d", "U C R U" },
        { "a b c", "c b a", "R R U A A" },
        { "", "a b", "A A" },
        { "a b", "", "R R" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Aligns_old_and_new_segments(string oldText, string newText, string expected)
    {
        var steps = SegmentAligner.Align(Split(oldText), Split(newText));

        Assert.Equal(expected, string.Join(' ', steps.Select(s => s.Kind.ToString()[0])));
    }

    [Fact]
    public void Every_old_and_new_segment_appears_exactly_once()
    {
        var old = Split("p q r s t u v");
        var changed = Split("p X r s Y Z v w");

        var steps = SegmentAligner.Align(old, changed);

        Assert.Equal(Enumerable.Range(0, old.Length), steps.Where(s => s.OldIndex >= 0).Select(s => s.OldIndex).Order());
        Assert.Equal(Enumerable.Range(0, changed.Length), steps.Where(s => s.NewIndex >= 0).Select(s => s.NewIndex).Order());
    }

    [Fact]
    public void A_huge_rewrite_is_paired_in_order_without_a_quadratic_table()
    {
        var old = Enumerable.Range(0, 5000).Select(i => $"old {i}").ToArray();
        var changed = Enumerable.Range(0, 5000).Select(i => $"new {i}").ToArray();

        var steps = SegmentAligner.Align(old, changed);

        Assert.Equal(5000, steps.Count);
        Assert.All(steps, s => Assert.Equal(AlignmentKind.Changed, s.Kind));
    }

    [Fact]
    public void A_long_article_edited_throughout_keeps_every_untouched_sentence()
    {
        // 30,000 segments: far past the exact table's size, so the alignment goes through unique anchors. Every
        // 1,000th sentence is edited, a sentence is inserted every 2,000 and one removed every 3,000; the repeated
        // "See a doctor." lines have no anchor of their own and are aligned inside their gaps.
        var old = Enumerable.Range(0, 30_000).Select(i => i % 7 == 0 ? "See a doctor." : $"sentence {i}").ToArray();
        var changed = new List<string>();
        for (var i = 0; i < old.Length; i++)
        {
            if (i % 3000 == 1500)
            {
                continue;
            }

            changed.Add(i % 1000 == 500 ? $"edited sentence {i}" : old[i]);
            if (i % 2000 == 1999)
            {
                changed.Add($"inserted after {i}");
            }
        }

        var steps = SegmentAligner.Align(old, changed);

        Assert.Equal(Enumerable.Range(0, old.Length), steps.Where(s => s.OldIndex >= 0).Select(s => s.OldIndex).Order());
        Assert.Equal(Enumerable.Range(0, changed.Count), steps.Where(s => s.NewIndex >= 0).Select(s => s.NewIndex).Order());
        Assert.All(steps.Where(s => s.Kind == AlignmentKind.Unchanged), s => Assert.Equal(old[s.OldIndex], changed[s.NewIndex]));
        var edited = old.Length / 1000 - old.Length / 3000; // the removed sentences (i % 3000 == 1500) are edit positions too
        Assert.Equal(old.Length - edited - old.Length / 3000, steps.Count(s => s.Kind == AlignmentKind.Unchanged));
        Assert.Equal(edited, steps.Count(s => s.Kind == AlignmentKind.Changed));
    }

    public static TheoryData<string, string, string> KeyedCases => new()
    {
        // old key=value entries | new entries | expected steps, in the new order, then the removed ones
        { "A=a B=b C=c", "A=a B=b C=c", "U U U" },
        { "A=a B=b C=c", "C=c A=a B=b", "U U U" },
        { "A=a B=b C=c", "C=c A=x B=b", "U C U" },
        { "A=a B=b", "A=a Title=b", "U U" },
        { "A=a B=b", "A=a B=b N=n", "U U A" },
        { "A=a B=b C=c", "B=b", "U R R" },
        { "A=same B=same", "B=same A=other", "U C" },
    };

    /// <summary>Keyed strings (resource files) are aligned by key: ResXResourceManager sorts keys, and a sorted file is no change.</summary>
    [Theory]
    [MemberData(nameof(KeyedCases))]
    public void Resource_entries_are_aligned_by_key_wherever_they_move(string oldEntries, string newEntries, string expected)
    {
        var old = Split(oldEntries).Select((e, i) => new StoredSegment(i, i, e.Split('=')[0], "resource", e.Split('=')[1])).ToArray();
        var changed = Split(newEntries).Select(e => new SourceSegment(e.Split('=')[0], "resource", e.Split('=')[1], [])).ToArray();

        var steps = SegmentAligner.Align(old, changed, SegmentPresentation.Strings);

        Assert.Equal(expected, string.Join(' ', steps.Select(s => s.Kind.ToString()[0])));
        Assert.Equal(Enumerable.Range(0, old.Length), steps.Where(s => s.OldIndex >= 0).Select(s => s.OldIndex).Order());
        Assert.Equal(Enumerable.Range(0, changed.Length), steps.Where(s => s.NewIndex >= 0).Select(s => s.NewIndex).Order());
    }

    [Fact]
    public void Articles_are_still_aligned_by_text_in_order()
    {
        StoredSegment[] old = [new(1, 0, "p1", "paragraph", "a"), new(2, 1, "p2", "paragraph", "b")];
        SourceSegment[] changed = [new("p1", "paragraph", "b", []), new("p2", "paragraph", "a", [])];

        Assert.Equal("R U A", string.Join(' ', SegmentAligner.Align(old, changed, SegmentPresentation.Sentences).Select(s => s.Kind.ToString()[0])));
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
