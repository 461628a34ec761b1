namespace Localize.Core.Pipelines;

/// <summary>The pipeline definitions in force, and the files that could not be read as one.</summary>
public interface IPipelineCatalog
{
    IReadOnlyList<PipelineDefinition> Pipelines { get; }

    IReadOnlyList<PipelineDefinitionException> Errors { get; }

    PipelineDefinition? Find(string name) => Pipelines.FirstOrDefault(p => p.Name == name);

    /// <summary>The language a pipeline's sources are written in; English for a pipeline no longer defined.</summary>
    string SourceLanguageOf(string pipeline) => Find(pipeline)?.Source.Language ?? "en";
}
