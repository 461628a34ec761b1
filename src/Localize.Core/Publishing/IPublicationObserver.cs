using Localize.Core.Workflow;

namespace Localize.Core.Publishing;

/// <summary>
/// Told after a publication is recorded (a publish or a rollback), in the process that recorded it: the public site's
/// page cache refreshes at once instead of at its next poll. Must not throw and must not block publishing.
/// </summary>
public interface IPublicationObserver
{
    void Published(Publication publication);
}
