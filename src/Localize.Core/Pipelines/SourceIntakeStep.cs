using Humanizer;
using Localize.Core.Documents;
using Localize.Core.Markdown;
using Localize.Core.Resx;
using Localize.Core.Sources;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Pipelines;

/// <summary>
/// Reads every source article and neutral .resx file of the pipeline, splits it into segments (through its
/// <see cref="IDocumentFormat"/>) and stores the new version, aligned with the stored one. Needs: the source folder.
/// Produces: articles, segments and translation rows (new or outdated) in the store, and one source error per unusable
/// file — which never stops the other files.
/// </summary>
public sealed class SourceIntakeStep(ISourceFolder sources, IWorkflowStore store, TimeProvider clock, ILogger<SourceIntakeStep> logger)
    : IPipelineStep
{
    /// <summary>Far above any real article; refusing larger files keeps one mistake from exhausting memory.</summary>
    public const long MaxSourceBytes = 16 * 1024 * 1024;

    public const string StepName = "intake";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        var locales = definition.Locales.Select(l => l.Code).ToArray();
        var failing = new List<string>();
        var slugOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        // The worker runs every few seconds; a file that stays broken is logged once, not on every run.
        var known = (await store.ListSourceErrorsAsync(cancellationToken)).ToDictionary(e => e.Path, e => e.ToString(), StringComparer.Ordinal);
        foreach (var (folder, relative, format) in Sources(definition, locales))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = $"{folder}/{relative}";
            ArticleVersion version;
            try
            {
                var bytes = await sources.ReadAsync(path, MaxSourceBytes, cancellationToken);
                version = format.Read(path, bytes);
                if (slugOwners.TryGetValue(version.Slug, out var owner))
                {
                    throw new DocumentFormatException(
                        $"slug '{version.Slug}' is already used by {owner}; slugs must be unique", format.SlugLine(version), "slug");
                }

                var stored = await store.FindArticleAsync(version.Slug, cancellationToken);
                if (stored is not null && stored.Path != path)
                {
                    throw new DocumentFormatException(
                        $"slug '{version.Slug}' belongs to {stored.Path}; slugs must be unique", format.SlugLine(version), "slug");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever one file does to the reader or parser is that file's error; the other files go on.
                failing.Add(path);
                var error = ex is DocumentFormatException problem
                    ? new SourceError(path, problem.Message, problem.Line, problem.Field, clock.GetUtcNow())
                    : new SourceError(path, Describe(ex, format), null, null, clock.GetUtcNow());
                if (known.GetValueOrDefault(path) != error.ToString())
                {
                    logger.LogError("Source error: {Error}", error.ToString());
                    await store.RecordSourceErrorAsync(error, cancellationToken);
                }

                continue;
            }

            slugOwners[version.Slug] = path;
            var summary = await store.SaveArticleAsync(version, definition.Name, locales, context.Actor, cancellationToken);
            if (summary.IsNew || summary.Changed + summary.Added + summary.Removed > 0)
            {
                logger.LogInformation(
                    "{Path}: {Slug} {What} ({Unchanged} unchanged, {Changed} changed, {Added} added, {Removed} removed)",
                    path, summary.Slug, summary.IsNew ? "added" : "updated", summary.Unchanged, summary.Changed, summary.Added, summary.Removed);
            }
        }

        // Every folder's errors are cleared against every failing path: a strings folder may lie inside the article folder.
        foreach (var folder in new[] { definition.Source.Folder }.Concat(definition.Strings.Select(s => s.Folder)).Distinct(StringComparer.Ordinal))
        {
            await store.ClearSourceErrorsAsync(folder, failing, cancellationToken);
        }
    }

    /// <summary>The pipeline's source files with the format that reads each: each strings folder's neutral .resx files
    /// (culture files beside them are output, not sources), then the articles. Strings come first because a .resx
    /// file's slug is its path, which it cannot change: an article declaring the same slug is the one refused.</summary>
    private IEnumerable<(string Folder, string Relative, IDocumentFormat Format)> Sources(PipelineDefinition definition, IReadOnlyList<string> locales)
    {
        foreach (var strings in definition.Strings)
        {
            var resx = new ResxDocumentFormat(strings.Folder);
            foreach (var relative in sources.List(strings.Folder, strings.Include))
            {
                if (!ResxDocumentFormat.IsCultureFile(relative, locales))
                {
                    yield return (strings.Folder, relative, resx);
                }
            }
        }

        var markdown = DocumentFormats.Markdown(definition);
        foreach (var relative in sources.List(definition.Source.Folder, definition.Source.Include))
        {
            if (!DocumentFormats.IsResx(relative))
            {
                yield return (definition.Source.Folder, relative, markdown);
            }
        }
    }

    private static string Describe(Exception ex, IDocumentFormat format) => ex switch
    {
        SourceTooLargeException or NotARegularFileException or UnauthorizedAccessException => ex.Message,
        FileNotFoundException or DirectoryNotFoundException => "the file disappeared while it was being read; it is read again on the next run",
        IOException => $"the file could not be read: {ex.Message}",
        _ => $"the file could not be read as {format.Description} ({ex.GetType().Name}: {ex.Message})",
    };
}

/// <summary>A source file larger than the pipeline accepts.</summary>
public sealed class SourceTooLargeException(string path, long bytes, long limit)
    : IOException($"{path} is {bytes.Bytes().Humanize()}; articles larger than {limit.Bytes().Humanize()} are not accepted — split it into several articles");
