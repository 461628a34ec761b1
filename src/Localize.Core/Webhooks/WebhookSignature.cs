using System.Security.Cryptography;
using System.Text;

namespace Localize.Core.Webhooks;

/// <summary>
/// The signature a subscriber checks: <c>X-Localize-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body with the
/// shared secret&gt;</c>. Compare in constant time; dedupe on <c>X-Localize-Delivery</c>, since delivery is at least once.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Localize-Signature";
    public const string EventHeader = "X-Localize-Event";
    public const string DeliveryHeader = "X-Localize-Delivery";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>Exponential back-off: <paramref name="initial"/> × 2^(attempt−1), at most <paramref name="maximum"/>.</summary>
    public static TimeSpan BackOff(int attempt, TimeSpan initial, TimeSpan maximum) =>
        TimeSpan.FromTicks(Math.Min(maximum.Ticks, initial.Ticks * (1L << Math.Clamp(attempt - 1, 0, 30))));
}
