using Localize.Core.Audit;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Publishing;

/// <summary>
/// Takes an article × locale offline: the live copy is removed from the content store and a new numbered version
/// records who did it and when (the audit trail keeps it). Every earlier version stays kept, so a rollback puts one back;
/// the worker does not publish again until a reviewer signs content other than what was taken down.
/// </summary>
public sealed class UnpublishService(
    IPublicationStore publicationStore, IContentStore content, TimeProvider clock, IEnumerable<IPublicationObserver> observers, AuditCheckpointWriter checkpoints,
    ILogger<UnpublishService> logger)
{
    public async Task<PublicationResult> UnpublishAsync(string slug, string locale, string actor, CancellationToken cancellationToken)
    {
        var latest = await publicationStore.FindLatestPublicationAsync(slug, locale, cancellationToken);
        if (latest is null)
        {
            return PublicationResult.Refused($"{locale}/{slug} has never been published");
        }

        if (latest.Unpublished)
        {
            return PublicationResult.Refused($"{locale}/{slug} is already offline (version {latest.Version})");
        }

        var publication = latest with
        {
            Version = latest.Version + 1,
            PublishedBy = actor,
            PublishedAt = clock.GetUtcNow(),
            RestoredVersion = null,
            Unpublished = true,
        };

        // The live copy goes first: a reader of the store never finds a page the record says is offline.
        await content.DeleteAsync(latest.Path, cancellationToken);
        await publicationStore.RecordPublicationAsync(publication, cancellationToken);
        logger.LogInformation("{Actor} unpublished {Locale}/{Slug} (version {Version})", actor, locale, slug, publication.Version);
        PublicationNotice.Tell(observers, publication, logger);
        await checkpoints.WriteAsync(cancellationToken);
        return PublicationResult.Done(publication);
    }
}
