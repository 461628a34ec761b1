using System.Runtime.ExceptionServices;
using Humanizer;
using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Sources;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Pipelines;

/// <summary>
/// Reads every source file of the pipeline's folders (articles, neutral .resx files …), splits it into segments through
/// the <see cref="IDocumentFormat"/> that reads it (<see cref="DocumentFormatRegistry"/>) and stores the new version, aligned with the stored one. Needs: the source folder.
/// Produces: articles, segments and translation rows (new or outdated) in the store, and one source error per unusable
/// file — which never stops the other files.
/// </summary>
public sealed class SourceIntakeStep(
    ISourceFolder sources, IArticleStore articleStore, DocumentFormatRegistry formats, TimeProvider clock, ILogger<SourceIntakeStep> logger)
    : IPipelineStep
{
    /// <summary>Far above any real article; refusing larger files keeps one mistake from exhausting memory.</summary>
    public const long MaxSourceBytes = 16 * 1024 * 1024;

    public const string StepName = "intake";

    /// <summary>Files being read and parsed at once: enough to keep every core busy while the store saves, few enough to bound memory.</summary>
    private static readonly int ReadAhead = Environment.ProcessorCount * 2;

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        var locales = definition.Locales.Select(l => l.Code).ToArray();
        var failing = new List<string>();
        var slugOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        // The worker runs every few seconds; a file that stays broken is logged once, not on every run.
        var known = (await articleStore.ListSourceErrorsAsync(cancellationToken)).ToDictionary(e => e.Path, e => e.ToString(), StringComparer.Ordinal);
        var files = Sources(definition).ToList();
        // Files are read and parsed ahead, several at once across the cores; slugs are checked and articles saved one
        // by one in the files' order, so which of two files claiming one slug is refused does not depend on timing.
        var reading = new Queue<Task<SourceRead>>();
        var next = 0;
        while (reading.Count > 0 || next < files.Count)
        {
            while (next < files.Count && reading.Count < ReadAhead)
            {
                var (aheadFile, aheadFormat) = files[next++];
                reading.Enqueue(Task.Run(() => ReadAsync(aheadFile, aheadFormat, cancellationToken), cancellationToken));
            }

            var (file, format, read, readError) = await reading.Dequeue();
            cancellationToken.ThrowIfCancellationRequested();
            var path = file.Path;
            ArticleVersion version;
            try
            {
                if (readError is not null)
                {
                    ExceptionDispatchInfo.Throw(readError);
                }

                version = read!;
                if (slugOwners.TryGetValue(version.Slug, out var owner))
                {
                    throw new DocumentFormatException(
                        $"slug '{version.Slug}' is already used by {owner}; slugs must be unique", format.SlugLine(version), "slug");
                }

                var stored = await articleStore.FindArticleAsync(version.Slug, cancellationToken);
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
                    await articleStore.RecordSourceErrorAsync(error, cancellationToken);
                }

                continue;
            }

            slugOwners[version.Slug] = path;
            var summary = await articleStore.SaveArticleAsync(version, format, definition.Name, locales, context.Actor, cancellationToken);
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
            await articleStore.ClearSourceErrorsAsync(folder, failing, cancellationToken);
        }
    }

    /// <summary>The pipeline's source files with the format that reads each: each strings folder's, then the articles
    /// folder's. A file no format reads (a culture file beside its neutral one) is no source. Strings come first because
    /// a .resx file's slug is its path, which it cannot change: an article declaring the same slug is the one refused.</summary>
    private IEnumerable<(SourceFile File, IDocumentFormat Format)> Sources(PipelineDefinition definition)
    {
        var folders = definition.Strings.Select(s => (SourceRole.Strings, s.Folder, s.Include))
            .Append((SourceRole.Articles, definition.Source.Folder, definition.Source.Include));
        foreach (var (role, folder, include) in folders)
        {
            foreach (var relative in sources.List(folder, include))
            {
                var file = new SourceFile(definition, role, folder, $"{folder}/{relative}");
                if (formats.For(file) is { } format)
                {
                    yield return (file, format);
                }
            }
        }
    }

    /// <summary>Reads and parses one file; whatever goes wrong is that file's error, kept for its turn.</summary>
    private async Task<SourceRead> ReadAsync(SourceFile file, IDocumentFormat format, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await sources.ReadAsync(file.Path, MaxSourceBytes, cancellationToken);
            return new SourceRead(file, format, format.Read(file, bytes), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SourceRead(file, format, null, ex);
        }
    }

    /// <summary>A file read ahead: its version, or why it could not be read.</summary>
    private sealed record SourceRead(SourceFile File, IDocumentFormat Format, ArticleVersion? Version, Exception? Error);

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
