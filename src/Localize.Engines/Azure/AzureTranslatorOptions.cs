namespace Localize.Engines.Azure;

/// <summary>
/// Azure Translator settings, bound from <c>Localize:Engines:Azure</c>. The key comes from configuration or the
/// environment (<c>Localize__Engines__Azure__Key</c>), never from a file in the repository. A class, not a record,
/// so no generated ToString can print the key.
/// </summary>
public sealed class AzureTranslatorOptions
{
    public string? Key { get; set; }

    /// <summary>The resource's region (<c>westeurope</c> …); <c>global</c> or empty for a global resource.</summary>
    public string Region { get; set; } = "global";

    /// <summary>Global by default; a custom endpoint or the emulator's loopback address otherwise.</summary>
    public Uri Endpoint { get; set; } = TextTranslationClient.GlobalEndpoint;

    /// <summary>Per try: a response slower than this is abandoned and the request retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one request on 408, 429, 500, 502, 503, 504 and timeouts (Azure.Core's pipeline).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First back-off; Azure.Core doubles it with jitter, up to <see cref="MaxRetryDelay"/>, or waits Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Target languages one request fans out to; the 50,000-character limit counts each of them.</summary>
    public int MaxLocalesPerRequest { get; set; } = 10;

    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>
    /// Tries of one batch by the shared layer when the request still fails transiently after the pipeline's retries,
    /// or answers a malformed body (which Azure.Core does not retry).
    /// </summary>
    public int BatchAttempts { get; set; } = 3;

    /// <summary>Translator's <c>category</c> (a custom model), if any.</summary>
    public string? Category { get; set; }
}
