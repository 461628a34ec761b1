using Localize.Core.Audit;
using Localize.Core.Content;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Publishing;

/// <summary>
/// Puts an earlier published version of an article × locale back online. A rollback is itself a new numbered version
/// (who, when, which version it restored), so the history only grows and the audit trail records it; the worker does
/// not republish over it until a reviewer approves something newer.
/// </summary>
public sealed class RollbackService(
    IArticleStore articleStore,
    IPipelineCatalog pipelines,
    IPublicationStore publicationStore,
    IContentStore content,
    IReviewRecordStore records,
    TimeProvider clock,
    IEnumerable<IPublicationObserver> observers,
    AuditCheckpointWriter checkpoints,
    ILogger<RollbackService> logger)
{
    /// <summary>The version readers get now; null when nothing is online (never published, or unpublished).</summary>
    public static int? Online(IReadOnlyList<Publication> versions) =>
        versions.Count == 0 || versions[^1].Unpublished ? null : versions[^1].RestoredVersion ?? versions[^1].Version;

    /// <summary>
    /// The version a rollback restores: <paramref name="toVersion"/> when named, else the one before the version online,
    /// or after an unpublish the version it took offline. Less than 1 when there is none.
    /// </summary>
    public static int TargetVersion(IReadOnlyList<Publication> versions, int? toVersion) =>
        toVersion ?? Online(versions) - 1 ?? versions.LastOrDefault(v => !v.Unpublished) switch { { } v => v.RestoredVersion ?? v.Version, null => 0 };

    /// <param name="toVersion">The version to restore; null means the one before what is online now.</param>
    public async Task<PublicationResult> RollbackAsync(string slug, string locale, int? toVersion, string actor, CancellationToken cancellationToken)
    {
        var versions = await publicationStore.ListPublicationsAsync(slug, locale, cancellationToken);
        if (versions.Count == 0)
        {
            return PublicationResult.Refused($"{locale}/{slug} has never been published");
        }

        var latest = versions[^1];
        var online = Online(versions);
        var target = TargetVersion(versions, toVersion);
        if (target < 1)
        {
            return PublicationResult.Refused($"{locale}/{slug} has no version before version {online}");
        }

        var restored = versions.FirstOrDefault(v => v.Version == target);
        if (restored is null)
        {
            return PublicationResult.Refused($"{locale}/{slug} has no version {target} (versions 1–{latest.Version})");
        }

        if (restored.Unpublished)
        {
            return PublicationResult.Refused($"version {target} of {locale}/{slug} is an unpublish, which has no content of its own; name a version that was online");
        }

        if (target == online)
        {
            return PublicationResult.Refused($"version {target} of {locale}/{slug} is already online");
        }

        // The publish step keeps every version under its pipeline's publish folder, whatever the format's live path (a
        // culture file sits beside its neutral .resx, not in that folder); the live path's folder is the publish folder
        // only for a page, and serves when the article has left every pipeline.
        var source = await articleStore.FindArticleAsync(slug, cancellationToken);
        var folder = (source is null ? null : pipelines.Find(source.Pipeline))?.Publish.Folder ?? PublishedPath.FolderOf(restored.Path);
        var markdown = await content.ReadAsync(PublishedPath.ForVersion(folder, locale, slug, target), cancellationToken);
        if (markdown is null)
        {
            return PublicationResult.Refused($"version {target} of {locale}/{slug} was published before versions were kept, so its content cannot be restored");
        }

        // Only signed content goes back online: the kept copy must still be the content recorded for that version
        // (a file altered since is refused), and a reviewer must have signed exactly that content.
        if (ContentHash.Of(markdown) != restored.ContentHash)
        {
            return PublicationResult.Refused($"the kept copy of version {target} of {locale}/{slug} no longer matches its recorded sha256, so it is not restored");
        }

        if (await records.FindSignatureAsync(slug, locale, restored.ContentHash, restored.SourceHash, cancellationToken) is null)
        {
            return PublicationResult.Refused($"version {target} of {locale}/{slug} has no reviewer's sign-off on its content, so it is not restored");
        }

        var publication = restored with
        {
            Version = latest.Version + 1,
            Path = latest.Path,
            PublishedBy = actor,
            PublishedAt = clock.GetUtcNow(),
            RestoredVersion = target,
            Unpublished = false,
        };
        // An earlier version may have been made from an earlier source: readers see it marked outdated, and so does its metadata.
        var metadata = ContentMetadata.For(publication, outdated: source is not null && source.SourceHash != publication.SourceHash);
        await content.WriteAsync(PublishedPath.ForVersion(folder, locale, slug, publication.Version), markdown, metadata, cancellationToken);
        await content.WriteAsync(publication.Path, markdown, metadata, cancellationToken);
        await publicationStore.RecordPublicationAsync(publication, cancellationToken);
        logger.LogInformation("{Actor} rolled {Locale}/{Slug} back to version {Target} (now version {Version})", actor, locale, slug, target, publication.Version);
        PublicationNotice.Tell(observers, publication, logger);
        await checkpoints.WriteAsync(cancellationToken);
        return PublicationResult.Done(publication);
    }
}

/// <summary>The new version a rollback or an unpublish recorded, or why it was refused (nothing changed then).</summary>
public sealed record PublicationResult(Publication? Publication, string? Problem)
{
    public bool Succeeded => Publication is not null;

    public static PublicationResult Done(Publication publication) => new(publication, null);

    public static PublicationResult Refused(string problem) => new(null, problem);
}
