using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Content;

/// <summary>
/// Rebuilds a file from its skeleton (the source outside the units) and one target per segment. A unit whose targets
/// all equal their sources is copied from the source, so an untranslated unit keeps the author's bytes exactly,
/// wrapping included; any other unit is rebuilt from its codes.
/// </summary>
internal sealed class DocumentMerger(string source, IReadOnlyList<TextUnit> units, IReadOnlyList<SourceSegment> segments)
{
    public MergeResult Merge(IReadOnlyList<string> targets)
    {
        var failures = new List<MergeFailure>();
        var parsed = new IReadOnlyList<InlinePart>[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var target = targets[i] ?? throw new ArgumentException($"target {i} is null", nameof(targets));
            if (string.Equals(target, segments[i].Text, StringComparison.Ordinal))
            {
                continue;
            }

            if (Check(segments[i], target.Trim(), out var parts) is { } problem)
            {
                failures.Add(new MergeFailure(i, problem));
            }
            else
            {
                parsed[i] = parts!;
            }
        }

        if (failures.Count > 0)
        {
            return new MergeResult(null, failures);
        }

        var output = new StringBuilder(source.Length + (source.Length / 3));
        var scratch = new MergeScratch();
        var copied = 0;
        foreach (var unit in units)
        {
            output.Append(source, copied, unit.Start - copied);
            if (Unchanged(unit, targets))
            {
                output.Append(source, unit.Start, unit.End - unit.Start);
            }
            else
            {
                for (var k = unit.FirstSegment; k < unit.FirstSegment + unit.SegmentCount; k++)
                {
                    parsed[k] ??= InlineMarkup.Parse(segments[k].Text);
                }

                unit.AppendTranslated(output, segments, parsed, scratch);
            }

            copied = unit.End;
        }

        output.Append(source, copied, source.Length - copied);
        return new MergeResult(output.ToString(), []);
    }

    /// <summary>
    /// Null when the target's codes are exactly the source's: each code once, paired where the source's is paired.
    /// That is the condition under which <see cref="InlineMarkup.CompareCodes"/> finds nothing; checking it on the one
    /// parse the merge needs anyway is cheaper, and CompareCodes words the finding when there is one.
    /// </summary>
    private static string? Check(SourceSegment source, string target, out IReadOnlyList<InlinePart>? parts)
    {
        try
        {
            parts = InlineMarkup.Parse(target);
        }
        catch (InlineMarkupException)
        {
            parts = null;
            return Finding(source, target);
        }

        var codes = source.Codes;
        Span<bool> seen = codes.Count <= 128 ? stackalloc bool[codes.Count] : new bool[codes.Count];
        var count = 0;
        foreach (var part in parts)
        {
            if (part.Kind is not (InlinePartKind.Open or InlinePartKind.Placeholder))
            {
                continue;
            }

            var index = part.CodeId - 1;
            if (index < 0 || index >= codes.Count || seen[index] || (codes[index].Closing.Length > 0) != (part.Kind == InlinePartKind.Open))
            {
                return Finding(source, target);
            }

            seen[index] = true;
            count++;
        }

        return count == codes.Count ? null : Finding(source, target);
    }

    private static string Finding(SourceSegment source, string target)
    {
        var problems = InlineMarkup.CompareCodes(source.Text, target);
        return problems.Count > 0 ? string.Join("; ", problems) : "the inline codes do not match the source's";
    }

    private bool Unchanged(TextUnit unit, IReadOnlyList<string> targets)
    {
        for (var k = unit.FirstSegment; k < unit.FirstSegment + unit.SegmentCount; k++)
        {
            if (!string.Equals(targets[k], segments[k].Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
