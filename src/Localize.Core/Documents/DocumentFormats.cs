using Localize.Core.Markdown;
using Localize.Core.Pipelines;
using Localize.Core.Resx;

namespace Localize.Core.Documents;

/// <summary>The one place that says which format a source file is: by its extension, as the pipeline's sources name them.</summary>
public static class DocumentFormats
{
    public static bool IsResx(string path) => path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The format of a stored document of <paramref name="definition"/>, from its path.</summary>
    public static IDocumentFormat For(PipelineDefinition definition, string path) =>
        IsResx(path) ? new ResxDocumentFormat(definition.StringsFolderOf(path) ?? string.Empty) : Markdown(definition);

    public static IDocumentFormat Markdown(PipelineDefinition definition) =>
        new MarkdownDocumentFormat(new MarkdownFilterOptions(definition.Source.Language, definition.Source.TranslatableFields));
}
