using System.Security.Cryptography;
using System.Text;

namespace Localize.Server.Public;

/// <summary>
/// A response body rendered once, when the cache is built: UTF-8 parts between which the site's origin goes (for
/// the absolute hreflang, canonical and sitemap links), and a strong ETag over the parts.
/// </summary>
public sealed class RenderedResponse
{
    /// <summary>Marks where the origin goes in a template; it cannot come from a page, whose text is HTML-encoded.</summary>
    public const string OriginMarker = "\u0000origin\u0000";

    private RenderedResponse(byte[][] parts, string contentType, string etag)
    {
        Parts = parts;
        ContentType = contentType;
        ETag = etag;
    }

    public byte[][] Parts { get; }

    public string ContentType { get; }

    public string ETag { get; }

    public static RenderedResponse From(string template, string contentType)
    {
        var parts = template.Split(OriginMarker).Select(Encoding.UTF8.GetBytes).ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(part);
            hash.AppendData([0]);
        }

        return new RenderedResponse(parts, contentType, $"\"{Convert.ToHexStringLower(hash.GetHashAndReset())[..20]}\"");
    }

    public long LengthWith(int originLength) => Parts.Sum(p => (long)p.Length) + ((long)Parts.Length - 1) * originLength;
}
