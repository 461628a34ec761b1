using System.Security.Cryptography;
using System.Text;

namespace Localize.Core.Audit;

/// <summary>
/// The secret that seals the audit trail: each record carries an HMAC-SHA256 of its content and of the record before
/// it under this key. The key lives in configuration (a key vault, the environment) or in a file outside the
/// database, never in the database, so someone who can write to the database cannot recompute the chain.
/// </summary>
public sealed class AuditKey
{
    /// <summary>What every keyed record's hash starts with: <c>hmac-sha256:&lt;key id&gt;:&lt;mac&gt;</c>.</summary>
    public const string Scheme = "hmac-sha256:";

    /// <summary>Fewer bytes than this would make the MAC guessable; HMAC-SHA256's own block of entropy is 32 bytes.</summary>
    public const int MinimumBytes = 32;

    private readonly byte[] _key;

    private AuditKey(byte[] key)
    {
        _key = key;
        // A public name for the key, so that a record sealed with another key is named as such rather than "altered".
        // Derived with the key itself, it tells nothing about the key.
        Id = Convert.ToHexStringLower(HMACSHA256.HashData(key, "localize audit key id"u8))[..8];
    }

    /// <summary>Eight hex digits naming this key in records and checkpoints.</summary>
    public string Id { get; }

    public static AuditKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>Reads a key written as base64 (<c>openssl rand -base64 32</c>); <paramref name="origin"/> names where it came from in the error.</summary>
    public static AuditKey FromBase64(string text, string origin)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"{origin}: the audit key must be base64 (make one with: openssl rand -base64 32)");
        }

        return bytes.Length >= MinimumBytes
            ? new AuditKey(bytes)
            : throw new FormatException($"{origin}: the audit key has {bytes.Length} bytes; it needs at least {MinimumBytes} (make one with: openssl rand -base64 32)");
    }

    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>The keyed hash of a record's canonical text.</summary>
    public string Seal(string canonical) =>
        $"{Scheme}{Id}:{Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical)))}";

    /// <summary>Whether <paramref name="hash"/> is this key's seal of <paramref name="canonical"/> (compared in constant time).</summary>
    public bool Verifies(string canonical, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Seal(canonical)), Encoding.ASCII.GetBytes(hash));

    /// <summary>The key id a keyed hash names, or null for a plain SHA-256 hash.</summary>
    public static string? KeyIdOf(string hash)
    {
        if (!hash.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var end = hash.IndexOf(':', Scheme.Length);
        return end < 0 ? string.Empty : hash[Scheme.Length..end];
    }
}
