using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Localize.Core.Webhooks;
using Localize.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Localize.Integration.Tests.PublicSite;

namespace Localize.Integration.Tests;

/// <summary>
/// Webhooks from the stored outbox: a subscriber on loopback that fails twice per event and then accepts gets exactly
/// one accepted delivery per event, each with a valid signature, although the host restarts between the attempts.
/// </summary>
public sealed class PublishingWebhookTests
{
    private const string Secret = "test-secret-for-hmac";

    [Fact]
    public async Task A_subscriber_that_fails_twice_gets_exactly_one_signed_delivery_per_event_across_a_restart()
    {
        await using var receiver = await FlakyReceiver.StartAsync(failuresPerEvent: 2);
        using var repository = new TestRepository(Pipeline);
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Localize:Webhooks:Subscribers:0:Name"] = "site",
            ["Localize:Webhooks:Subscribers:0:Url"] = receiver.Url,
            ["Localize:Webhooks:Subscribers:0:Secret"] = Secret,
            ["Localize:Webhooks:InitialDelay"] = "00:00:01",
            ["Localize:Webhooks:PollInterval"] = "00:00:00.200",
        };

        await using (var first = await RunningServer.StartAsync(repository, settings))
        {
            await ApproveAsync(first, "es");
            await ApproveAsync(first, "ar");
            await RunningServer.WaitForAsync(
                () => Task.FromResult(receiver.AttemptsFor("es/" + Slug + "/v1") >= 1 && receiver.AttemptsFor("ar/" + Slug + "/v1") >= 1),
                "the first (failing) attempt of both events");
            Assert.Empty(receiver.Accepted);
        }

        await using var second = await RunningServer.StartAsync(repository, settings);
        await RunningServer.WaitForProgressAsync(
            () => Task.FromResult((Accepted: receiver.Accepted.Count, Attempts: receiver.AttemptsFor("es/" + Slug + "/v1") + receiver.AttemptsFor("ar/" + Slug + "/v1"))),
            seen => seen.Accepted >= 2,
            seen => seen.ToString(),
            "both events to be accepted after the restart");
        // Nothing is left to send, now or a day from now: no delivery of these events can follow (asked of the outbox,
        // rather than waiting a while to see that none arrives).
        await AssertNothingLeftToDeliverAsync(second);

        Assert.Equal(["ar/" + Slug + "/v1", "es/" + Slug + "/v1"], receiver.Accepted.Select(a => a.Delivery).Order());
        Assert.All(receiver.Accepted, a => Assert.True(a.SignatureValid, $"signature of {a.Delivery}"));
        Assert.All(receiver.Accepted, a => Assert.Equal(WebhookEvent.Published, a.Event));
        Assert.All(receiver.Accepted, a => Assert.Equal(3, receiver.AttemptsFor(a.Delivery)));
        using var body = JsonDocument.Parse(receiver.Accepted.Single(a => a.Delivery.StartsWith("es/", StringComparison.Ordinal)).Body);
        Assert.Equal(1, body.RootElement.GetProperty("article").GetProperty("version").GetInt32());
        Assert.Equal("es", body.RootElement.GetProperty("article").GetProperty("locale").GetString());

        var manager = await second.ManagerAsync();
        var page = await manager.GetStringAsync("/review/publishing");
        Assert.Contains($"data-delivery=\"es/{Slug}/v1\" data-state=\"delivered\"", page);
        Assert.Contains($"data-delivery=\"ar/{Slug}/v1\" data-state=\"delivered\"", page);
        using var log = JsonDocument.Parse(await manager.GetStringAsync("/api/webhooks/deliveries"));
        var deliveries = log.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, deliveries.Length);
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("state").GetString()));
        Assert.All(deliveries, d => Assert.Equal([500, 500, 200], d.GetProperty("history").EnumerateArray().Select(a => a.GetProperty("status").GetInt32())));

        // An unpublish is an event too, delivered the same way.
        using var unpublish = await manager.PostAsJsonAsync($"/api/articles/{Slug}/es/unpublish", new { });
        Assert.True(unpublish.IsSuccessStatusCode, await unpublish.Content.ReadAsStringAsync());
        await RunningServer.WaitForProgressAsync(
            () => Task.FromResult((Accepted: receiver.Accepted.Count, Attempts: receiver.AttemptsFor($"es/{Slug}/v2"))),
            seen => seen.Accepted >= 3,
            seen => seen.ToString(),
            "the unpublish event to be accepted");
        await AssertNothingLeftToDeliverAsync(second);
        Assert.Equal(3, receiver.Accepted.Count);
        var offline = receiver.Accepted.Single(a => a.Delivery == $"es/{Slug}/v2");
        Assert.Equal(WebhookEvent.Unpublished, offline.Event);
        Assert.True(offline.SignatureValid);
        Assert.Equal(3, receiver.AttemptsFor(offline.Delivery));
    }

    /// <summary>
    /// The outbox, asked as the dispatcher asks it (publications enqueued first), has no delivery to claim even a day
    /// from now: every event was delivered, and none will be sent again.
    /// </summary>
    private static async Task AssertNothingLeftToDeliverAsync(RunningServer server)
    {
        var outbox = server.Services.GetRequiredService<IWebhookOutbox>();
        // The subscriber counts a delivery as accepted when it answers 200, a moment before the dispatcher records it:
        // until then the delivery is still claimed, and a claim a day from now would take it. So the record comes first.
        await RunningServer.WaitForProgressAsync(
            () => outbox.ListRecentAsync(100, default),
            deliveries => deliveries.All(d => d.State == "delivered"),
            deliveries => string.Join(", ", deliveries.Select(d => $"{d.EventId} {d.State} after {d.Attempts}")),
            "the dispatcher to record every delivery");
        var subscribers = server.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.ToSubscribers();
        var now = DateTimeOffset.UtcNow;
        await outbox.EnqueueNewPublicationsAsync(subscribers, now, default);
        var due = await outbox.ClaimDueAsync(now.AddDays(1), TimeSpan.FromMinutes(1), default);
        Assert.True(due is null, $"delivery {due?.EventId} to {due?.Subscriber} is still to be sent");
    }

    /// <summary>A webhook subscriber on loopback that answers 500 to the first attempts of every event.</summary>
    private sealed class FlakyReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, int> _attempts = new();

        private FlakyReceiver(WebApplication app) => _app = app;

        public string Url { get; private set; } = string.Empty;

        public ConcurrentQueue<(string Delivery, string? Event, bool SignatureValid, string Body)> Accepted { get; } = new();

        public int AttemptsFor(string delivery) => _attempts.GetValueOrDefault(delivery);

        public static async Task<FlakyReceiver> StartAsync(int failuresPerEvent)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new FlakyReceiver(app);
            app.MapPost("/hook", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var delivery = context.Request.Headers[WebhookSignature.DeliveryHeader].ToString();
                var attempt = receiver._attempts.AddOrUpdate(delivery, 1, (_, n) => n + 1);
                if (attempt <= failuresPerEvent)
                {
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                }

                var body = buffer.ToArray();
                receiver.Accepted.Enqueue((
                    delivery,
                    context.Request.Headers[WebhookSignature.EventHeader].ToString(),
                    WebhookSignature.IsValid(Secret, body, context.Request.Headers[WebhookSignature.Header]),
                    System.Text.Encoding.UTF8.GetString(body)));
                return Results.Ok();
            });
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
