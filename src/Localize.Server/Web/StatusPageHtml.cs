using System.Text;
using Localize.Core.Review;
using Microsoft.AspNetCore.Diagnostics;

namespace Localize.Server.Web;

/// <summary>
/// The staff app's answer to a bare error status (403, 404 …) that no page wrote a body for: a page in the app's look
/// saying what happened, for a 403 which role the address needs, and a link back. The JSON API keeps a short text.
/// </summary>
public static class StatusPageHtml
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/openapi/", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"{status} {ReasonOf(status)}");
            return;
        }

        var (title, message) = status switch
        {
            StatusCodes.Status403Forbidden => ("Not allowed", $"Your account ({http.User.Identity?.Name}) may not {(HttpMethods.IsGet(http.Request.Method) ? "open this page" : "do this")}: it needs {RoleNeeded(path, http.Request.Method)}. An administrator can change your role or locales."),
            StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address: the article, locale or segment does not exist (any more)."),
            _ => (ReasonOf(status), $"The request could not be answered ({status})."),
        };
        var back = http.Request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var from)
            && from.Host == http.Request.Host.Host && from.AbsolutePath != path
            ? from.PathAndQuery
            : "/review";
        var e = PageEncoding.Html;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{e.Encode(title)} · Localize</title>\n<link rel=\"stylesheet\" href=\"/site.css\">\n</head>\n<body>\n")
            .Append("<header class=\"top\"><a class=\"brand\" href=\"/\">Localize</a><nav aria-label=\"Main\"><a href=\"/review\">Review</a></nav></header>\n")
            .Append($"<main id=\"main\">\n<section class=\"errors\" id=\"status-{status}\">\n<h1>{e.Encode(title)}</h1>\n<p>{e.Encode(message)}</p>\n")
            .Append($"<p><a href=\"{e.Encode(back)}\" id=\"go-back\">← Back</a></p>\n</section>\n</main>\n</body>\n</html>\n");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.ToString());
    }

    /// <summary>Who may reach an address, in words, by the same rules the pages enforce (see <see cref="ReviewActor"/>).</summary>
    public static string RoleNeeded(string path, string method)
    {
        var parts = path.Trim('/').Split('/');
        return parts[0].ToLowerInvariant() switch
        {
            "admin" => $"the {Roles.Admin} role",
            "dashboard" => $"the {Roles.Manager} or {Roles.Admin} role",
            "review" when parts.Length > 1 && parts[1] == "publishing" => $"the {Roles.Manager} or {Roles.Admin} role",
            "review" when parts.Length > 1 && HttpMethods.IsGet(method) => $"to work in {parts[1]} (a {Roles.Reviewer} or {Roles.Editor} of {parts[1]}), or the {Roles.Manager} role",
            "review" when parts.Length > 1 => $"a {Roles.Reviewer} of {parts[1]} to approve, reject or sign (a {Roles.Editor} of {parts[1]} may edit and comment; assigning is for a {Roles.Manager})",
            _ => "another role",
        };
    }

    private static string ReasonOf(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : "Error";
}
