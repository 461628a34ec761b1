using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Publishing;

/// <summary>Tells every <see cref="IPublicationObserver"/>; one that fails is logged, never allowed to fail the publish.</summary>
internal static class PublicationNotice
{
    public static void Tell(IEnumerable<IPublicationObserver> observers, Publication publication, ILogger logger)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.Published(publication);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Observer} failed on {Locale}/{Slug} version {Version}", observer.GetType().Name, publication.Locale, publication.Slug, publication.Version);
            }
        }
    }
}
