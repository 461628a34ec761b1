using Localize.Core.Workflow;

namespace Localize.Core.Publishing;

/// <summary>The numbered published versions of each article × locale (publish, rollback, unpublish), and what the public site polls.</summary>
public interface IPublicationStore
{
    /// <summary>Records a version and its audit record; recording the same version with the same content again does nothing.</summary>
    Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken);

    Task<Publication?> FindLatestPublicationAsync(string slug, string locale, CancellationToken cancellationToken);

    /// <summary>The latest version of every article × locale ever published, by slug then locale.</summary>
    Task<IReadOnlyList<Publication>> ListLatestPublicationsAsync(CancellationToken cancellationToken);

    /// <summary>Every version of an article in one locale, oldest first.</summary>
    Task<IReadOnlyList<Publication>> ListPublicationsAsync(string slug, string locale, CancellationToken cancellationToken);

    /// <summary>
    /// A value that changes whenever what the public site shows may change (a publication, or a source edit that makes
    /// one outdated), so a reader cache can poll it cheaply, also for changes made by another process (the CLI).
    /// </summary>
    Task<string> ReadPublishedWatermarkAsync(CancellationToken cancellationToken);
}
