using Humanizer;
using Localize.Core.Markdown;
using Localize.Core.Sources;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Pipelines;

/// <summary>
/// Reads every source article of the pipeline, splits it into segments and stores the new version, aligned with the
/// stored one. Needs: the source folder. Produces: articles, segments and translation rows (new or outdated) in the
/// store, and one source error per unusable file — which never stops the other files.
/// </summary>
public sealed class SourceIntakeStep(ISourceFolder sources, IWorkflowStore store, TimeProvider clock, ILogger<SourceIntakeStep> logger)
    : IPipelineStep
{
    /// <summary>Far above any real article; refusing larger files keeps one mistake from exhausting memory.</summary>
    public const long MaxSourceBytes = 16 * 1024 * 1024;

    public string Name => "intake";

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        var reader = new ArticleReader(new MarkdownFilter(
            new MarkdownFilterOptions(definition.Source.Language, definition.Source.TranslatableFields)));
        var locales = definition.Locales.Select(l => l.Code).ToArray();
        var failing = new List<string>();
        var slugOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in sources.List(definition.Source.Folder, definition.Source.Include))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = $"{definition.Source.Folder}/{relative}";
            try
            {
                var bytes = await sources.ReadAsync(path, MaxSourceBytes, cancellationToken);
                var version = reader.Read(path, bytes);
                if (slugOwners.TryGetValue(version.Slug, out var owner))
                {
                    throw new DocumentFormatException($"slug '{version.Slug}' is already used by {owner}; slugs must be unique", field: "slug");
                }

                slugOwners[version.Slug] = path;
                var stored = await store.FindArticleAsync(version.Slug, cancellationToken);
                if (stored is not null && stored.Path != path)
                {
                    throw new DocumentFormatException($"slug '{version.Slug}' belongs to {stored.Path}; slugs must be unique", field: "slug");
                }

                var summary = await store.SaveArticleAsync(version, definition.Name, locales, context.Actor, cancellationToken);
                if (summary.IsNew || summary.Changed + summary.Added + summary.Removed > 0)
                {
                    logger.LogInformation(
                        "{Path}: {Slug} {What} ({Unchanged} unchanged, {Changed} changed, {Added} added, {Removed} removed)",
                        path, summary.Slug, summary.IsNew ? "added" : "updated", summary.Unchanged, summary.Changed, summary.Added, summary.Removed);
                }
            }
            catch (Exception ex) when (ex is DocumentFormatException or IOException or UnauthorizedAccessException or SourceTooLargeException)
            {
                failing.Add(path);
                var error = ex is DocumentFormatException format
                    ? new SourceError(path, format.Message, format.Line, format.Field, clock.GetUtcNow())
                    : new SourceError(path, ex.Message, null, null, clock.GetUtcNow());
                logger.LogError("Source error: {Error}", error.ToString());
                await store.RecordSourceErrorAsync(error, cancellationToken);
            }
        }

        await store.ClearSourceErrorsAsync(definition.Source.Folder, failing, cancellationToken);
    }
}

/// <summary>A source file larger than the pipeline accepts.</summary>
public sealed class SourceTooLargeException(string path, long bytes, long limit)
    : IOException($"{path} is {bytes.Bytes().Humanize()}; articles larger than {limit.Bytes().Humanize()} are not accepted — split it into several articles");
