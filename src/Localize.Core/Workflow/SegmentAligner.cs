using Localize.Core.Content;
using Localize.Core.Documents;

namespace Localize.Core.Workflow;

/// <summary>
/// Aligns the segments of the stored version of an article with those of a new version, so that only what changed
/// goes back through translation and review. Unchanged segments are found as the longest common subsequence of
/// source texts; between two unchanged anchors, old and new segments are paired in order as edits, and the rest are
/// insertions or removals.
/// </summary>
public static class SegmentAligner
{
    /// <summary>Above this many cells the LCS table is not worth its memory; the middle is paired in order instead.</summary>
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
        // Edits are local: trimming the common head and tail keeps the quadratic table small for real articles.
        var head = 0;
        while (head < oldSources.Count && head < newSources.Count && oldSources[head] == newSources[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < oldSources.Count - head && tail < newSources.Count - head
            && oldSources[oldSources.Count - 1 - tail] == newSources[newSources.Count - 1 - tail])
        {
            tail++;
        }

        var oldEnd = oldSources.Count - tail;
        var newEnd = newSources.Count - tail;
        var steps = new List<AlignmentStep>(Math.Max(oldSources.Count, newSources.Count));
        for (var k = 0; k < head; k++)
        {
            steps.Add(new AlignmentStep(AlignmentKind.Unchanged, k, k));
        }

        AlignMiddle(oldSources, newSources, head, oldEnd, head, newEnd, steps);
        for (var k = 0; k < tail; k++)
        {
            steps.Add(new AlignmentStep(AlignmentKind.Unchanged, oldEnd + k, newEnd + k));
        }

        return steps;
    }

    private static void AlignMiddle(
        IReadOnlyList<string> oldSources, IReadOnlyList<string> newSources, int oldStart, int oldEnd, int newStart, int newEnd, List<AlignmentStep> steps)
    {
        var removed = new List<int>();
        var added = new List<int>();
        if ((long)(oldEnd - oldStart + 1) * (newEnd - newStart + 1) > MaxTableCells)
        {
            removed.AddRange(Enumerable.Range(oldStart, oldEnd - oldStart));
            added.AddRange(Enumerable.Range(newStart, newEnd - newStart));
            FlushGap(steps, removed, added);
            return;
        }

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
