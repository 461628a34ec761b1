namespace Localize.Core.Webhooks;

/// <summary>
/// The stored outbox of webhook deliveries: one row per event × subscriber, written in the same transaction that
/// advances past the publication it announces, so nothing is announced twice or lost across a restart.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>
    /// Turns publications recorded since the last call into pending deliveries for <paramref name="subscribers"/>;
    /// returns how many were added. The first call on a fresh outbox starts after the current publications, so
    /// enabling webhooks does not replay history.
    /// </summary>
    Task<int> EnqueueNewPublicationsAsync(IReadOnlyList<WebhookSubscriber> subscribers, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the oldest pending delivery that is due, for <paramref name="claimFor"/>: no other dispatcher on the same
    /// database gets it meanwhile (several workers each run one), and if this one dies before recording its attempt,
    /// the delivery is due again when the claim runs out. Null when nothing is due.
    /// </summary>
    Task<WebhookDelivery?> ClaimDueAsync(DateTimeOffset now, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>Records an attempt and its outcome: delivered, retry at <paramref name="retryAt"/>, or given up when that is null.</summary>
    Task RecordAttemptAsync(long deliveryId, WebhookAttempt attempt, bool delivered, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>The most recent deliveries with their attempts, newest first, for the delivery log.</summary>
    Task<IReadOnlyList<WebhookDeliveryLog>> ListRecentAsync(int limit, CancellationToken cancellationToken);
}

/// <param name="Secret">Key of the HMAC-SHA256 signature the subscriber checks.</param>
public sealed record WebhookSubscriber(string Name, string Url, string Secret);

public sealed record WebhookDelivery(long Id, string EventId, string Subscriber, string Url, string Payload, int Attempts);

public sealed record WebhookAttempt(int Number, DateTimeOffset At, int? Status, string? Error, TimeSpan Duration);

public sealed record WebhookDeliveryLog(
    long Id, string EventId, string Subscriber, string Url, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt,
    DateTimeOffset NextAttemptAt, IReadOnlyList<WebhookAttempt> History);
