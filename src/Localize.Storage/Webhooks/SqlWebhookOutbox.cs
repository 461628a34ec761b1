using Dapper;
using Localize.Core.Webhooks;
using Localize.Storage.Publishing;
using Localize.Storage.Workflow;

namespace Localize.Storage.Webhooks;

/// <summary>The webhook outbox in the workflow database (tables <c>webhook_outbox</c>, <c>webhook_attempts</c>, <c>webhook_cursor</c>).</summary>
public sealed class SqlWebhookOutbox(LocalizeDatabase database) : IWebhookOutbox
{
    public async Task<int> EnqueueNewPublicationsAsync(IReadOnlyList<WebhookSubscriber> subscribers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await database.InTransactionAsync(
            TransactionKind.Write,
            async (connection, transaction) =>
            {
                var newest = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COALESCE(MAX(id), 0) FROM publications", transaction: transaction, cancellationToken: cancellationToken));
                var cursor = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT last_publication_id FROM webhook_cursor WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken));
                var added = 0;
                if (cursor is { } after)
                {
                    var rows = (await connection.QueryAsync<PublicationRows.Row>(new CommandDefinition(
                        $"{PublicationRows.Select} WHERE id > @after AND id <= @newest ORDER BY id", new { after, newest }, transaction, cancellationToken: cancellationToken))).ToArray();
                    foreach (var publication in rows.Select(PublicationRows.ToPublication))
                    {
                        var payload = WebhookEvent.Payload(publication);
                        foreach (var subscriber in subscribers)
                        {
                            added += await connection.ExecuteAsync(new CommandDefinition(
                                """
                                INSERT INTO webhook_outbox (event_id, subscriber, url, payload, next_attempt_at, created_at)
                                VALUES (@eventId, @Name, @Url, @payload, @now, @now) ON CONFLICT (event_id, subscriber) DO NOTHING
                                """,
                                new { eventId = WebhookEvent.IdFor(publication), subscriber.Name, subscriber.Url, payload, now },
                                transaction, cancellationToken: cancellationToken));
                        }
                    }
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO webhook_cursor (id, last_publication_id) VALUES (1, @newest) ON CONFLICT (id) DO UPDATE SET last_publication_id = excluded.last_publication_id",
                    new { newest },
                    transaction, cancellationToken: cancellationToken));
                return added;
            },
            cancellationToken);
    }

    public async Task<WebhookDelivery?> ClaimDueAsync(DateTimeOffset now, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // The claim is the next attempt moved past the claim's end, in one statement, as translation leases are taken:
        // PostgreSQL skips a row another dispatcher is claiming this instant, and re-checks the outer condition on a row
        // it waited for; SQLite has one writer.
        var rows = await connection.QueryAsync<(long Id, string EventId, string Subscriber, string Url, string Payload, long Attempts)>(new CommandDefinition(
            $"""
            UPDATE webhook_outbox SET next_attempt_at = @until
            WHERE id = (SELECT id FROM webhook_outbox WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now
                        ORDER BY id LIMIT 1 {(database.Dialect == SqlDialect.PostgreSql ? "FOR UPDATE SKIP LOCKED" : string.Empty)})
              AND next_attempt_at <= @now
            RETURNING id, event_id, subscriber, url, payload, attempts
            """,
            new { now, until = now + claimFor }, cancellationToken: cancellationToken));
        return rows.Select(r => new WebhookDelivery(r.Id, r.EventId, r.Subscriber, r.Url, r.Payload, (int)r.Attempts)).SingleOrDefault();
    }

    public async Task RecordAttemptAsync(long deliveryId, WebhookAttempt attempt, bool delivered, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await database.InTransactionAsync(
            TransactionKind.Write,
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO webhook_attempts (outbox_id, attempt, at, status, error, duration_ms) VALUES (@deliveryId, @Number, @at, @Status, @Error, @ms)",
                    new { deliveryId, attempt.Number, at = attempt.At, attempt.Status, attempt.Error, ms = (long)attempt.Duration.TotalMilliseconds },
                    transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE webhook_outbox SET attempts = @Number,
                        delivered_at = CASE WHEN @delivered THEN @at END,
                        failed_at = CASE WHEN NOT @delivered AND @retryAt IS NULL THEN @at END,
                        next_attempt_at = COALESCE(@retryAt, next_attempt_at)
                    WHERE id = @deliveryId
                    """,
                    new { deliveryId, attempt.Number, delivered, at = attempt.At, retryAt },
                    transaction, cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDeliveryLog>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var deliveries = (await connection.QueryAsync<(long Id, string EventId, string Subscriber, string Url, long Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt, DateTimeOffset NextAttemptAt)>(new CommandDefinition(
            "SELECT id, event_id, subscriber, url, attempts, created_at, delivered_at, failed_at, next_attempt_at FROM webhook_outbox ORDER BY id DESC LIMIT @limit",
            new { limit }, cancellationToken: cancellationToken))).ToArray();
        var attempts = (await connection.QueryAsync<(long OutboxId, long Attempt, DateTimeOffset At, long? Status, string? Error, long DurationMs)>(new CommandDefinition(
            "SELECT outbox_id, attempt, at, status, error, duration_ms FROM webhook_attempts WHERE outbox_id >= @min ORDER BY id",
            new { min = deliveries.Length == 0 ? long.MaxValue : deliveries.Min(d => d.Id) }, cancellationToken: cancellationToken))).ToLookup(a => a.OutboxId);
        return deliveries.Select(d => new WebhookDeliveryLog(
            d.Id, d.EventId, d.Subscriber, d.Url,
            d.DeliveredAt is not null ? "delivered" : d.FailedAt is not null ? "failed" : "pending",
            (int)d.Attempts, d.CreatedAt, d.DeliveredAt, d.NextAttemptAt,
            attempts[d.Id].Select(a => new WebhookAttempt((int)a.Attempt, a.At, a.Status is null ? null : (int)a.Status, a.Error, TimeSpan.FromMilliseconds(a.DurationMs))).ToArray()))
            .ToArray();
    }
}
