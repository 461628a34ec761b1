using Localize.Server.Hosting;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Localize.Core.Publishing;
using Localize.Core.Webhooks;
using Localize.Core.Workflow;
using Microsoft.Extensions.Options;

namespace Localize.Server.Webhooks;

/// <summary>
/// Delivers the webhook outbox in the background: turns new publications (from this process or any other) into
/// outbox rows, POSTs each due row with its signature, and records every attempt, retrying with exponential back-off.
/// Publishing only writes the publication; it never waits for a subscriber.
/// </summary>
public sealed class WebhookDispatcher(
    IWebhookOutbox outbox, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : BackgroundService, IPublicationObserver
{
    private const int DeliveriesPerPass = 50;
    private readonly SemaphoreSlim _wake = new(0);

    public void Published(Publication publication) => _wake.Release();

    // Off the socket engine's thread, whatever completes what it awaits (see ThreadPoolContext).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => ThreadPoolContext.Run(() => DispatchAsync(stoppingToken));

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var subscribers = settings.ToSubscribers();
        using var http = new HttpClient { Timeout = settings.RequestTimeout };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await outbox.EnqueueNewPublicationsAsync(subscribers, clock.GetUtcNow(), stoppingToken);
                // One at a time, each claimed for as long as its request may take, so a dispatcher that dies mid-pass
                // holds back at most one delivery, and only briefly. At most a batch per pass, so a flood of due rows
                // does not keep new publications from being enqueued.
                for (var sent = 0; sent < DeliveriesPerPass; sent++)
                {
                    if (await outbox.ClaimDueAsync(clock.GetUtcNow(), 2 * settings.RequestTimeout, stoppingToken) is not { } delivery)
                    {
                        break;
                    }

                    await DeliverAsync(http, delivery, subscribers, settings, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Webhook outbox pass failed; trying again at the next poll");
            }

            try
            {
                await _wake.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(HttpClient http, WebhookDelivery delivery, IReadOnlyList<WebhookSubscriber> subscribers, WebhookOptions settings, CancellationToken cancellationToken)
    {
        // The secret comes from today's configuration: a rotated secret signs the retries too.
        var subscriber = subscribers.FirstOrDefault(s => s.Name == delivery.Subscriber);
        var attemptNumber = delivery.Attempts + 1;
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        if (subscriber is null)
        {
            error = "subscriber no longer configured";
        }
        else
        {
            var body = Encoding.UTF8.GetBytes(delivery.Payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscriber.Secret, body));
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.EventId);
            request.Headers.Add(WebhookSignature.EventHeader, TypeFromPayload(delivery.Payload));
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"HTTP {status}";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = ex.Message;
            }
        }

        var now = clock.GetUtcNow();
        var delivered = error is null;
        DateTimeOffset? retryAt = delivered || attemptNumber >= settings.MaxAttempts || subscriber is null
            ? null
            : now + WebhookSignature.BackOff(attemptNumber, settings.InitialDelay, settings.MaxDelay);
        await outbox.RecordAttemptAsync(
            delivery.Id, new WebhookAttempt(attemptNumber, now, status, error, Stopwatch.GetElapsedTime(started)), delivered, retryAt, cancellationToken);
        if (!delivered)
        {
            logger.LogWarning("Webhook {Event} to {Subscriber}: attempt {Attempt} failed ({Error}); {Next}",
                delivery.EventId, delivery.Subscriber, attemptNumber, error, retryAt is null ? "giving up" : $"retrying at {retryAt:O}");
        }
    }

    private static string TypeFromPayload(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty("type").GetString() ?? WebhookEvent.Published;
    }
}
