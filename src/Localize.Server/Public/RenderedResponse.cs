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

    private JoinedBody? _joined;

    private RenderedResponse(byte[][] parts, string contentType, string etag)
    {
        Parts = parts;
        ContentType = contentType;
        ETag = etag;
    }

    private byte[][] Parts { get; }

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

    /// <summary>
    /// The whole body for one origin, joined on first use and kept for the next request to the same origin, so a page
    /// goes out as one copy. One origin is kept: a site answers under its one public origin (or its configured
    /// <see cref="PublicSiteOptions.BaseUrl"/>); another Host header costs a join, never a wrong body.
    /// </summary>
    public byte[] BodyFor(byte[] origin)
    {
        if (Parts.Length == 1)
        {
            return Parts[0];
        }

        var joined = _joined;
        if (joined is not null && ReferenceEquals(joined.Origin, origin))
        {
            return joined.Body;
        }

        var body = new byte[Parts.Sum(p => p.Length) + ((Parts.Length - 1) * origin.Length)];
        var at = 0;
        for (var i = 0; i < Parts.Length; i++)
        {
            if (i > 0)
            {
                origin.CopyTo(body, at);
                at += origin.Length;
            }

            Parts[i].CopyTo(body, at);
            at += Parts[i].Length;
        }

        _joined = new JoinedBody(origin, body);
        return body;
    }

    private sealed record JoinedBody(byte[] Origin, byte[] Body);
}
