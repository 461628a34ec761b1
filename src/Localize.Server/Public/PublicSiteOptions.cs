namespace Localize.Server.Public;

/// <summary>The <c>Localize:Public</c> configuration section: how the public site negotiates and caches.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "Localize:Public";

    /// <summary>
    /// The absolute origin for hreflang, canonical and sitemap links, e.g. <c>https://health.example.org</c>. Empty means
    /// the origin the request came to, which suits a single host but lets the Host header choose it.
    /// </summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Where negotiation ends when none of the reader's languages is available, in order (the source language last).</summary>
    public string[] DefaultChain { get; set; } = ["en"];

    /// <summary>
    /// Per language range, what to try before truncating it: e.g. <c>ca: [es]</c> gives Catalan readers Spanish rather
    /// than the default. Truncation (<c>es-MX → es</c>) needs no entry.
    /// </summary>
    public Dictionary<string, string[]> Fallbacks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Serve the stored English source as a locale of every article, so the chain can end in it.</summary>
    public bool ServeSource { get; set; } = true;

    /// <summary>How long browsers and shared caches may keep a page without asking again (seconds).</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>How often the page cache checks the database for changes made by another process (the CLI, a separate worker).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
