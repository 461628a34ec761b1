namespace Localize.Core.Markdown;

/// <summary>How <see cref="MarkdownFilter"/> reads a source file.</summary>
/// <param name="SourceLanguage">Language of the source, e.g. "en"; picks the sentence rules.</param>
/// <param name="TranslatableFields">Front matter fields whose values are translated (title, description …); every other
/// field is kept byte for byte.</param>
public sealed record MarkdownFilterOptions(string SourceLanguage, IReadOnlyCollection<string> TranslatableFields)
{
    /// <summary>
    /// Whether a leading <c>---</c> block is YAML front matter (articles) or Markdown (spec examples, snippets, where
    /// <c>---</c> is a thematic break).
    /// </summary>
    public bool ReadFrontMatter { get; init; } = true;
}
