using Localize.Core.Content;
using Localize.Core.Documents;

namespace Localize.Core.Workflow;

/// <summary>
/// Aligns the segments of the stored version of an article with those of a new version, so that only what changed
/// goes back through translation and review. Unchanged segments are found as the longest common subsequence of
/// source texts (exactly for a local edit, through unique anchors for a long article edited in many places); between
/// two unchanged anchors, old and new segments are paired in order as edits, and the rest are insertions or removals.
/// </summary>
public static class SegmentAligner
{
    /// <summary>Above this many cells the LCS table is not worth its memory; the middle is split at anchors instead.</summary>
    private const long MaxTableCells = 4_000_000;

    /// <summary>
    /// Aligns a stored version's segments with a new version's, as the document's format presents them. Keyed strings
    /// (a resource file's entries) are sorted and moved freely by tools (ResXResourceManager does), so they are aligned
    /// by key: an entry is unchanged or changed wherever it moved, a key renamed with its value kept keeps its
    /// translation, and only new keys are added. Sentences of running text are aligned by text, in order.
    /// </summary>
    public static IReadOnlyList<AlignmentStep> Align(IReadOnlyList<StoredSegment> oldSegments, IReadOnlyList<SourceSegment> newSegments, SegmentPresentation presentation)
    {
        return presentation == SegmentPresentation.Strings
            ? AlignByKey([.. oldSegments.Select(s => (s.UnitId, s.Source))], [.. newSegments.Select(s => (s.UnitId, s.Text))])
            : Align([.. oldSegments.Select(s => s.Source)], [.. newSegments.Select(s => s.Text)]);
    }

    /// <summary>Key first, then (for what is left) identical text, so a renamed key keeps its translation.</summary>
    public static IReadOnlyList<AlignmentStep> AlignByKey(IReadOnlyList<(string Key, string Source)> oldSegments, IReadOnlyList<(string Key, string Source)> newSegments)
    {
        var oldByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < oldSegments.Count; i++)
        {
            oldByKey.TryAdd(oldSegments[i].Key, i);
        }

        var matchedOld = new bool[oldSegments.Count];
        var matchOf = new int[newSegments.Count];
        for (var j = 0; j < newSegments.Count; j++)
        {
            matchOf[j] = oldByKey.TryGetValue(newSegments[j].Key, out var i) && !matchedOld[i] ? i : -1;
            if (matchOf[j] >= 0)
            {
                matchedOld[matchOf[j]] = true;
            }
        }

        var oldByText = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < oldSegments.Count; i++)
        {
            if (!matchedOld[i])
            {
                (oldByText.TryGetValue(oldSegments[i].Source, out var queue) ? queue : oldByText[oldSegments[i].Source] = new Queue<int>()).Enqueue(i);
            }
        }

        var steps = new List<AlignmentStep>(Math.Max(oldSegments.Count, newSegments.Count));
        for (var j = 0; j < newSegments.Count; j++)
        {
            var i = matchOf[j];
            if (i < 0 && oldByText.TryGetValue(newSegments[j].Source, out var renamed) && renamed.TryDequeue(out var k))
            {
                (i, matchedOld[k]) = (k, true);
            }

            steps.Add(i < 0 ? new AlignmentStep(AlignmentKind.Added, -1, j)
                : string.Equals(oldSegments[i].Source, newSegments[j].Source, StringComparison.Ordinal) ? new AlignmentStep(AlignmentKind.Unchanged, i, j)
                : new AlignmentStep(AlignmentKind.Changed, i, j));
        }

        for (var i = 0; i < oldSegments.Count; i++)
        {
            if (!matchedOld[i])
            {
                steps.Add(new AlignmentStep(AlignmentKind.Removed, i, -1));
            }
        }

        return steps;
    }

    public static IReadOnlyList<AlignmentStep> Align(IReadOnlyList<string> oldSources, IReadOnlyList<string> newSources)
    {
        var steps = new List<AlignmentStep>(Math.Max(oldSources.Count, newSources.Count));
        AlignRange(oldSources, newSources, 0, oldSources.Count, 0, newSources.Count, steps);
        return steps;
    }

    /// <summary>
    /// Aligns <c>old[oldStart..oldEnd)</c> with <c>new[newStart..newEnd)</c>. Edits are local, so the common head and
    /// tail are trimmed first. A middle small enough gets the exact LCS table; a larger one (a long article edited in
    /// many places) is split at anchors — sentences that occur exactly once in both middles, kept in order (the
    /// longest increasing run, as patience diff does) — and each piece between anchors is aligned the same way. Each
    /// level costs n log n at most, so a 100,000-segment article edited throughout aligns in a fraction of a second
    /// instead of everything after its first edit being paired as "changed".
    /// </summary>
    private static void AlignRange(
        IReadOnlyList<string> oldSources, IReadOnlyList<string> newSources, int oldStart, int oldEnd, int newStart, int newEnd, List<AlignmentStep> steps)
    {
        while (oldStart < oldEnd && newStart < newEnd && string.Equals(oldSources[oldStart], newSources[newStart], StringComparison.Ordinal))
        {
            steps.Add(new AlignmentStep(AlignmentKind.Unchanged, oldStart++, newStart++));
        }

        var tail = 0;
        while (tail < oldEnd - oldStart && tail < newEnd - newStart
            && string.Equals(oldSources[oldEnd - 1 - tail], newSources[newEnd - 1 - tail], StringComparison.Ordinal))
        {
            tail++;
        }

        oldEnd -= tail;
        newEnd -= tail;
        var anchors = (long)(oldEnd - oldStart + 1) * (newEnd - newStart + 1) <= MaxTableCells
            ? null
            : UniqueCommonAnchors(oldSources, newSources, oldStart, oldEnd, newStart, newEnd);
        if (anchors is null)
        {
            AlignMiddle(oldSources, newSources, oldStart, oldEnd, newStart, newEnd, steps);
        }
        else if (anchors.Count == 0)
        {
            // Nothing to hold on to (all rewritten, or only repeated sentences): pair in order.
            FlushGap(steps, [.. Enumerable.Range(oldStart, oldEnd - oldStart)], [.. Enumerable.Range(newStart, newEnd - newStart)]);
        }
        else
        {
            int i = oldStart, j = newStart;
            foreach (var (anchorOld, anchorNew) in anchors)
            {
                AlignRange(oldSources, newSources, i, anchorOld, j, anchorNew, steps);
                steps.Add(new AlignmentStep(AlignmentKind.Unchanged, anchorOld, anchorNew));
                (i, j) = (anchorOld + 1, anchorNew + 1);
            }

            AlignRange(oldSources, newSources, i, oldEnd, j, newEnd, steps);
        }

        for (var k = 0; k < tail; k++)
        {
            steps.Add(new AlignmentStep(AlignmentKind.Unchanged, oldEnd + k, newEnd + k));
        }
    }

    /// <summary>
    /// Pairs (old index, new index) of texts that occur exactly once in each range: the longest run of them in the
    /// same order on both sides (patience sorting, n log n).
    /// </summary>
    private static List<(int Old, int New)> UniqueCommonAnchors(
        IReadOnlyList<string> oldSources, IReadOnlyList<string> newSources, int oldStart, int oldEnd, int newStart, int newEnd)
    {
        // Per text: its index on each side; -1 not seen there, -2 seen more than once.
        var seen = new Dictionary<string, (int Old, int New)>(StringComparer.Ordinal);
        for (var i = oldStart; i < oldEnd; i++)
        {
            seen[oldSources[i]] = seen.ContainsKey(oldSources[i]) ? (-2, -1) : (i, -1);
        }

        for (var j = newStart; j < newEnd; j++)
        {
            if (seen.TryGetValue(newSources[j], out var at) && at.Old >= 0)
            {
                seen[newSources[j]] = (at.Old, at.New == -1 ? j : -2);
            }
        }

        // The old indexes in new order; their longest increasing subsequence is the anchors.
        var pairs = new List<(int Old, int New)>();
        for (var j = newStart; j < newEnd; j++)
        {
            if (seen.TryGetValue(newSources[j], out var at) && at.Old >= 0 && at.New == j)
            {
                pairs.Add((at.Old, j));
            }
        }

        var tails = new List<int>();
        var previous = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            int low = 0, high = tails.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = pairs[tails[middle]].Old < pairs[k].Old ? (middle + 1, high) : (low, middle);
            }

            previous[k] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count)
            {
                tails.Add(k);
            }
            else
            {
                tails[low] = k;
            }
        }

        var anchors = new List<(int Old, int New)>(tails.Count);
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k])
        {
            anchors.Add(pairs[k]);
        }

        anchors.Reverse();
        return anchors;
    }

    private static void AlignMiddle(
        IReadOnlyList<string> oldSources, IReadOnlyList<string> newSources, int oldStart, int oldEnd, int newStart, int newEnd, List<AlignmentStep> steps)
    {
        var removed = new List<int>();
        var added = new List<int>();
        var lengths = CommonSuffixLengths(oldSources, newSources, oldStart, oldEnd, newStart, newEnd);
        int i = oldStart, j = newStart;
        while (i < oldEnd && j < newEnd)
        {
            if (string.Equals(oldSources[i], newSources[j], StringComparison.Ordinal))
            {
                FlushGap(steps, removed, added);
                steps.Add(new AlignmentStep(AlignmentKind.Unchanged, i++, j++));
            }
            else if (lengths[i - oldStart + 1, j - newStart] >= lengths[i - oldStart, j - newStart + 1])
            {
                removed.Add(i++);
            }
            else
            {
                added.Add(j++);
            }
        }

        while (i < oldEnd)
        {
            removed.Add(i++);
        }

        while (j < newEnd)
        {
            added.Add(j++);
        }

        FlushGap(steps, removed, added);
    }

    /// <summary>Pairs the removals and insertions of one gap: the first ones are edits, the surplus stays as it is.</summary>
    private static void FlushGap(List<AlignmentStep> steps, List<int> removed, List<int> added)
    {
        var edits = Math.Min(removed.Count, added.Count);
        for (var k = 0; k < edits; k++)
        {
            steps.Add(new AlignmentStep(AlignmentKind.Changed, removed[k], added[k]));
        }

        for (var k = edits; k < removed.Count; k++)
        {
            steps.Add(new AlignmentStep(AlignmentKind.Removed, removed[k], -1));
        }

        for (var k = edits; k < added.Count; k++)
        {
            steps.Add(new AlignmentStep(AlignmentKind.Added, -1, added[k]));
        }

        removed.Clear();
        added.Clear();
    }

    private static int[,] CommonSuffixLengths(
        IReadOnlyList<string> a, IReadOnlyList<string> b, int aStart, int aEnd, int bStart, int bEnd)
    {
        var lengths = new int[aEnd - aStart + 1, bEnd - bStart + 1];
        for (var i = aEnd - aStart - 1; i >= 0; i--)
        {
            for (var j = bEnd - bStart - 1; j >= 0; j--)
            {
                lengths[i, j] = string.Equals(a[aStart + i], b[bStart + j], StringComparison.Ordinal)
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        return lengths;
    }
}

public enum AlignmentKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// <summary>One step of an alignment: indexes into the old and new segment lists (-1 where there is none).</summary>
public readonly record struct AlignmentStep(AlignmentKind Kind, int OldIndex, int NewIndex);
