using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Localize.Server.Public;

/// <summary>Headers and body of a rendered response, with the site's origin spliced in.</summary>
public sealed class ResponseWriter(IOptions<PublicSiteOptions> options)
{
    private static readonly StringValues AcceptLanguage = "Accept-Language";
    private readonly StringValues _cacheControl = $"public, max-age={options.Value.MaxAgeSeconds}";
    private readonly byte[]? _configuredOrigin = string.IsNullOrWhiteSpace(options.Value.BaseUrl) ? null : Encoding.UTF8.GetBytes(options.Value.BaseUrl.TrimEnd('/'));

    // Origins seen in Host headers, so a request does not encode its own; bounded so a client cannot grow it.
    private readonly ConcurrentDictionary<string, byte[]> _origins = new(StringComparer.Ordinal);

    public Task WriteAsync(HttpContext context, RenderedResponse body, string? language, bool negotiated)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = body.ETag;
        headers.CacheControl = _cacheControl;
        if (language is not null)
        {
            headers.ContentLanguage = language;
        }

        if (negotiated)
        {
            headers.Vary = AcceptLanguage;
        }

        if (IsNotModified(context.Request.Headers.IfNoneMatch, body.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        headers.ContentType = body.ContentType;
        var bytes = body.BodyFor(Origin(context.Request));
        response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private byte[] Origin(HttpRequest request)
    {
        if (_configuredOrigin is not null)
        {
            return _configuredOrigin;
        }

        var host = request.Host.Value ?? "localhost";
        if (_origins.TryGetValue(host, out var cached))
        {
            return cached;
        }

        var origin = Encoding.UTF8.GetBytes($"{request.Scheme}://{host}");
        if (_origins.Count < 64)
        {
            _origins.TryAdd(host, origin);
        }

        return origin;
    }

    private static bool IsNotModified(StringValues ifNoneMatch, string etag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        // Weak comparison (RFC 9110 13.1.2): W/"x" matches "x"; * matches any current representation.
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || tag == etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
