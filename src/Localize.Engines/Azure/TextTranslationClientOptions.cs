using Azure.Core;

namespace Localize.Engines.Azure;

/// <summary>Client options, as in the official package: retries, timeouts, transport and diagnostics come from <see cref="ClientOptions"/>.</summary>
public sealed class TextTranslationClientOptions : ClientOptions
{
    public enum ServiceVersion
    {
        V3_0 = 1,
    }

    public TextTranslationClientOptions(ServiceVersion version = ServiceVersion.V3_0)
    {
        Version = version switch
        {
            ServiceVersion.V3_0 => "3.0",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unsupported Translator API version"),
        };

        // Support traces requests by these; the key header is never in this list, so Azure.Core logs it redacted.
        Diagnostics.LoggedHeaderNames.Add("X-ClientTraceId");
        Diagnostics.LoggedHeaderNames.Add("X-RequestId");
        Diagnostics.LoggedHeaderNames.Add("X-Metered-Usage");
    }

    internal string Version { get; }
}
