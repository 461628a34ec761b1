using Localize.Core.Content;
using Localize.Core.Markdown;

namespace Localize.Core.Workflow;

/// <summary>One readable version of a source article, as the worker found it in the source folder.</summary>
/// <param name="Path">Relative to the source folder.</param>
/// <param name="SourceHash">SHA-256 of the source text; a change means the article must be re-aligned.</param>
public sealed record ArticleVersion(
    string Path,
    string Slug,
    string Title,
    string SourceHash,
    string SourceText,
    IReadOnlyList<SourceSegment> Segments);
