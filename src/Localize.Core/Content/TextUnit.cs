using System.Text;
using Localize.Core.Segments;

namespace Localize.Core.Content;

/// <summary>
/// A translatable stretch of the source, [<see cref="Start"/>, <see cref="End"/>), cut into segments. Everything
/// between units is skeleton and is copied as written.
/// </summary>
internal abstract class TextUnit(int start, int end, int firstSegment, int segmentCount)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>Index of the unit's first segment in <see cref="LocalizableDocument.Segments"/>.</summary>
    public int FirstSegment { get; } = firstSegment;

    public int SegmentCount { get; } = segmentCount;

    /// <summary>Appends the unit rebuilt from its targets, parsed and with their codes already checked
    /// (<paramref name="targets"/> is indexed like the document's segments).</summary>
    public abstract void AppendTranslated(StringBuilder output, IReadOnlyList<SourceSegment> segments, IReadOnlyList<InlinePart>[] targets, MergeScratch scratch);
}

/// <summary>Buffers reused from unit to unit during one merge.</summary>
internal sealed class MergeScratch
{
    public StringBuilder Rendered { get; } = new();

    public List<int> Breakable { get; } = [];

    public StringBuilder Value { get; } = new();
}
