namespace Localize.Core.Pipelines;

/// <summary>The pipeline definitions in force, and the files that could not be read as one.</summary>
public interface IPipelineCatalog
{
    IReadOnlyList<PipelineDefinition> Pipelines { get; }

    IReadOnlyList<PipelineDefinitionException> Errors { get; }

    PipelineDefinition? Find(string name) => Pipelines.FirstOrDefault(p => p.Name == name);
}
