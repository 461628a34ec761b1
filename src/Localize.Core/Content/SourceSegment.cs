using Localize.Core.Segments;

namespace Localize.Core.Content;

/// <summary>One sentence-sized piece of a text unit, in <see cref="InlineMarkup"/> form.</summary>
/// <param name="UnitId">Stable within a document version: "field:title", "p3", "h2" …</param>
/// <param name="Kind">What the unit is, in its format's words: field, heading, paragraph … for an article, resource for a
/// .resx entry.</param>
/// <param name="Text">The segment's text with inline codes.</param>
/// <param name="Codes">What each inline code stands for in the source, for reviewers and the markup check.</param>
public sealed record SourceSegment(string UnitId, string Kind, string Text, IReadOnlyList<InlineCode> Codes);

/// <summary>An inline code: its id in the segment text, what kind of markup it is, and the original markup (Markdown,
/// a .resx placeholder …).</summary>
/// <param name="Kind">emphasis, strong, link, image, code, html, break, escape, entity, autolink …</param>
/// <param name="Opening">Markup before the content (or the whole markup, for a placeholder).</param>
/// <param name="Closing">Markup after the content; empty for a placeholder.</param>
public sealed record InlineCode(int Id, string Kind, string Opening, string Closing);
