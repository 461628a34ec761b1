using Localize.Core.Segments;

namespace Localize.Core.Content;

/// <summary>
/// What a format's filter makes of one source file (Okapi's text units and skeleton): its fields, the translatable
/// segments in document order, and (privately) the skeleton that rebuilds the file around translated segments.
/// </summary>
public sealed class LocalizableDocument
{
    private readonly Func<IReadOnlyList<string>, MergeResult> _merge;

    public LocalizableDocument(
        IReadOnlyDictionary<string, string> fields,
        IReadOnlyList<SourceSegment> segments,
        Func<IReadOnlyList<string>, MergeResult> merge)
    {
        Fields = fields;
        Segments = segments;
        _merge = merge;
    }

    /// <summary>Scalar fields as written (a Markdown article's front matter: slug, title, description, dates …); empty
    /// for a format without fields.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Translatable segments (front matter fields first, then the body), in document order.</summary>
    public IReadOnlyList<SourceSegment> Segments { get; }

    /// <summary>
    /// Rebuilds the document with one target per segment (same order as <see cref="Segments"/>). A target whose
    /// inline codes are missing, duplicated or unbalanced fails its segment; then no text is produced.
    /// </summary>
    public MergeResult Merge(IReadOnlyList<string> targets)
    {
        if (targets.Count != Segments.Count)
        {
            throw new ArgumentException($"expected {Segments.Count} targets, got {targets.Count}", nameof(targets));
        }

        return _merge(targets);
    }
}
