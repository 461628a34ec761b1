using Localize.Core.Segments;

namespace Localize.Core.Markdown;

/// <summary>
/// What the Markdown filter makes of one source file: its front matter fields, the translatable segments in document
/// order, and (privately) the skeleton that rebuilds the file around translated segments.
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

    /// <summary>Front matter scalar fields as written (slug, title, description, dates …).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Translatable segments (front matter fields first, then the body), in document order.</summary>
    public IReadOnlyList<SourceSegment> Segments { get; }

    /// <summary>
    /// Rebuilds the document with one target per segment (same order as <see cref="Segments"/>). A target whose
    /// inline codes are missing, duplicated or unbalanced fails its segment; then no Markdown is produced.
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

/// <summary>One sentence-sized piece of a text unit, in <see cref="InlineMarkup"/> form.</summary>
/// <param name="UnitId">Stable within a document version: "field:title", "p3", "h2" …</param>
/// <param name="Kind">What the unit is: field, heading, paragraph, list-item, table-cell, quote, image-alt, link-title.</param>
/// <param name="Text">The segment's text with inline codes.</param>
/// <param name="Codes">What each inline code stands for in the source, for reviewers and the markup check.</param>
public sealed record SourceSegment(string UnitId, string Kind, string Text, IReadOnlyList<InlineCode> Codes);

/// <summary>An inline code: its id in the segment text, what kind of markup it is, and the original Markdown.</summary>
/// <param name="Kind">emphasis, strong, link, image, code, html, break, escape, entity, autolink …</param>
/// <param name="Opening">Markdown before the content (or the whole markup, for a placeholder).</param>
/// <param name="Closing">Markdown after the content; empty for a placeholder.</param>
public sealed record InlineCode(int Id, string Kind, string Opening, string Closing);

public sealed record MergeResult(string? Markdown, IReadOnlyList<MergeFailure> Failures)
{
    public bool Succeeded => Markdown is not null && Failures.Count == 0;
}

/// <summary>Why one segment could not be merged.</summary>
public sealed record MergeFailure(int SegmentIndex, string Message);

/// <summary>A source file that cannot be read as a localizable document, with where and why.</summary>
public sealed class DocumentFormatException(string message, int? line = null, string? field = null) : FormatException(message)
{
    public int? Line { get; } = line;

    public string? Field { get; } = field;
}
