using Localize.Core.Pipelines;
using Localize.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Localize.Hosting;

/// <summary>
/// The pipeline definitions in <c>pipelines/*.yaml</c>, re-read before each worker run so that an edit takes effect
/// without a restart. A broken file is reported with file, line and field, and the other pipelines keep running.
/// </summary>
public sealed class FilePipelineCatalog(
    IOptions<LocalizeOptions> options, IMachineTranslator translator, EngineRoles roles, PipelineStepOrder steps, ILogger<FilePipelineCatalog> logger)
    : IPipelineCatalog
{
    private volatile Snapshot? _snapshot;

    public IReadOnlyList<PipelineDefinition> Pipelines => Current.Pipelines;

    public IReadOnlyList<PipelineDefinitionException> Errors => Current.Errors;

    private Snapshot Current => _snapshot ?? Reload();

    public Snapshot Reload()
    {
        var folder = options.Value.PipelinesFolder;
        var reader = new PipelineDefinitionReader(translator.Engines.ToHashSet(StringComparer.Ordinal), roles, steps.OptionalSteps);
        var pipelines = new List<PipelineDefinition>();
        var errors = new List<PipelineDefinitionException>();
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(options.Value.ResolvedRoot, file).Replace('\\', '/');
            try
            {
                var definition = reader.Read(File.ReadAllText(file), relative);
                if (pipelines.Any(p => p.Name == definition.Name))
                {
                    throw new PipelineDefinitionException(relative, 1, "name", $"another pipeline is already named '{definition.Name}'");
                }

                pipelines.Add(definition);
            }
            catch (PipelineDefinitionException ex)
            {
                errors.Add(ex);
            }
        }

        var previous = _snapshot;
        var snapshot = new Snapshot(pipelines, errors);
        _snapshot = snapshot;
        foreach (var error in errors.Where(e => previous is null || !previous.Errors.Any(p => p.Message == e.Message)))
        {
            logger.LogError("Pipeline error: {Error}", error.Message);
        }

        if (pipelines.Count == 0 && errors.Count == 0)
        {
            logger.LogWarning("No pipeline definitions in {Folder}: nothing to localize", folder);
        }

        return snapshot;
    }

    public sealed record Snapshot(IReadOnlyList<PipelineDefinition> Pipelines, IReadOnlyList<PipelineDefinitionException> Errors);
}
