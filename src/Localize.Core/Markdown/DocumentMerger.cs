using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Markdown;

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
        for (var i = 0; i < segments.Count; i++)
        {
            var target = targets[i] ?? throw new ArgumentException($"target {i} is null", nameof(targets));
            if (ReferenceEquals(target, segments[i].Text) || target == segments[i].Text)
            {
                continue;
            }

            var problems = InlineMarkup.CompareCodes(segments[i].Text, target);
            if (problems.Count > 0)
            {
                failures.Add(new MergeFailure(i, string.Join("; ", problems)));
            }
        }

        if (failures.Count > 0)
        {
            return new MergeResult(null, failures);
        }

        var output = new StringBuilder(source.Length + (source.Length / 3));
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
                unit.AppendTranslated(output, segments, targets);
            }

            copied = unit.End;
        }

        output.Append(source, copied, source.Length - copied);
        return new MergeResult(output.ToString(), []);
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
