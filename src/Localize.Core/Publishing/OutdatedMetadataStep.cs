using System.Collections.Concurrent;
using Localize.Core.Pipelines;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Publishing;

/// <summary>
/// Keeps the content store's metadata of every live page saying whether it is outdated (its English source changed
/// since the translation online was approved), as the page and its JSON do. A page's metadata is written when this
/// process has not yet written that page's current version and state: once after a start, then only when a source
/// edit outdates a page or a revert makes it current again (the store's watermark says when to look). With a store
/// that keeps no metadata (the filesystem) the step does nothing, not even the status query behind it.
/// </summary>
public sealed class OutdatedMetadataStep(IStatusQueries statusQueries, IPublicationStore publicationStore, IContentStore content, ILogger<OutdatedMetadataStep> logger) : IPipelineStep
{
    // Live path → the version and outdated flag last written there by this process.
    private readonly ConcurrentDictionary<string, (int Version, bool Outdated)> _written = new(StringComparer.Ordinal);

    // Pipeline → the store's watermark when its pages were last brought up to date: until a publication or a source
    // edit moves it, there is nothing to write and the worker's passes skip the status queries.
    private readonly ConcurrentDictionary<string, string> _checkedAt = new(StringComparer.Ordinal);

    public const string StepName = "outdated-metadata";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (!content.KeepsMetadata)
        {
            return;
        }

        var watermark = await publicationStore.ReadPublishedWatermarkAsync(cancellationToken);
        if (_checkedAt.TryGetValue(context.Definition.Name, out var checkedAt) && checkedAt == watermark)
        {
            return;
        }

        var latest = (await publicationStore.ListLatestPublicationsAsync(cancellationToken)).ToDictionary(p => (p.Slug, p.Locale));
        foreach (var cell in await statusQueries.ListStatusAsync(context.Definition.Name, cancellationToken))
        {
            if (!latest.TryGetValue((cell.Slug, cell.Locale), out var publication)
                || publication.Unpublished
                || (_written.TryGetValue(publication.Path, out var written) && written == (publication.Version, cell.PublishedIsOutdated)))
            {
                continue;
            }

            await content.UpdateMetadataAsync(publication.Path, ContentMetadata.For(publication, cell.PublishedIsOutdated), cancellationToken);
            _written[publication.Path] = (publication.Version, cell.PublishedIsOutdated);
            if (cell.PublishedIsOutdated)
            {
                logger.LogDebug("{Path} (version {Version}) marked outdated in the content store", publication.Path, publication.Version);
            }
        }

        _checkedAt[context.Definition.Name] = watermark;
    }
}
