using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Localize.Integration.Tests;

/// <summary>
/// A person in the web app over real HTTP: their own cookie jar (session and antiforgery cookies), no automatic
/// redirects (a test looks at each answer), and forms posted with the antiforgery token the page gave them.
/// </summary>
public sealed partial class ReviewerClient : IDisposable
{
    private readonly HttpClient _http;
    private string? _token;

    private ReviewerClient(Uri address)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = address,
            // Fifty of these at once sign in (each a deliberately slow password hash) and render whole review pages: on a
            // loaded 2-core machine one answer can take minutes; a server that never answers still fails the test.
            Timeout = TimeSpan.FromMinutes(10),
        };
    }

    public static ReviewerClient Anonymous(RunningServer server) => new(server.Address);

    public static async Task<ReviewerClient> SignInAsync(RunningServer server, string name, string password)
    {
        var client = new ReviewerClient(server.Address);
        var response = await client.SubmitAsync("/account/login", null, new() { ["userName"] = name, ["password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"{name} could not sign in: {(int)response.StatusCode}");
        }

        // The antiforgery token is bound to the signed-in user: the one from the login page is no longer valid.
        client._token = null;
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> HeadAsync(string path) => _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

    /// <summary>
    /// A JSON API call in this session, as a deliberate client makes it: with <c>X-Requested-With: XMLHttpRequest</c>,
    /// which a cross-site form or script cannot send.
    /// </summary>
    public Task<HttpResponseMessage> PostAsJsonAsync<T>(string path, T body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return SendDisposingAsync(request);
    }

    /// <summary>A JSON API call carrying this session's antiforgery token in the RequestVerificationToken header.</summary>
    public async Task<HttpResponseMessage> PostAsJsonWithTokenAsync<T>(string path, T body)
    {
        _token ??= await FetchTokenAsync("/review");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", _token);
        return await SendDisposingAsync(request);
    }

    /// <summary>What another site can make the browser send: the session cookie and a body, no token, no custom header.</summary>
    public Task<HttpResponseMessage> PostAsJsonFromAnotherSiteAsync<T>(string path, T body) => _http.PostAsJsonAsync(path, body);

    private async Task<HttpResponseMessage> SendDisposingAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await _http.SendAsync(request);
        }
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A page as a person whose browser asks for <paramref name="acceptLanguage"/> sees it.</summary>
    public async Task<string> GetStringAsync(string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form of <paramref name="page"/> (to one of its handlers) with this session's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string? handler, Dictionary<string, string> fields)
    {
        _token ??= await FetchTokenAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = _token };
        var target = handler is null ? page : $"{page}?handler={Uri.EscapeDataString(handler)}";
        return await _http.PostAsync(target, new FormUrlEncodedContent(form));
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> FetchTokenAsync(string page)
    {
        // Any page with a form carries a token; the login page is the one every visitor can open.
        using var response = await _http.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            using var login = await _http.GetAsync("/account/login");
            match = TokenPattern().Match(await login.Content.ReadAsStringAsync());
        }

        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"no antiforgery token on {page}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
