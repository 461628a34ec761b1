using Localize.Core.Webhooks;

namespace Localize.Server.Webhooks;

/// <summary>The <c>Localize:Webhooks</c> section: who is told about publishes and rollbacks, and how hard we try.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Localize:Webhooks";

    public List<WebhookSubscriberOptions> Subscribers { get; set; } = [];

    /// <summary>Attempts per delivery before it is marked failed in the delivery log.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry's delay; each later one doubles, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<WebhookSubscriber> ToSubscribers() =>
        [.. Subscribers.Select(s => new WebhookSubscriber(string.IsNullOrWhiteSpace(s.Name) ? s.Url : s.Name, s.Url, s.Secret))];
}

public sealed class WebhookSubscriberOptions
{
    public string Name { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    /// <summary>The shared secret for the HMAC-SHA256 signature; keep it in the environment, not in a file.</summary>
    public string Secret { get; set; } = string.Empty;
}
