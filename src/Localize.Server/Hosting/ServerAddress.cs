namespace Localize.Server.Hosting;

/// <summary>Where the web app listens: the platform's address settings, else the address README promises.</summary>
public static class ServerAddress
{
    /// <summary>Where the web app listens when nothing says otherwise (README: <c>dotnet run</c> → this address).</summary>
    public const string DefaultAddress = "http://localhost:5080";

    /// <summary>
    /// The standard ASP.NET Core address settings win — <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> /
    /// <c>HTTPS_PORTS</c>, <c>--urls</c>, <c>Urls</c> in any configuration source, <c>Kestrel:Endpoints</c> — and only when
    /// none is given does the app listen on <see cref="DefaultAddress"/>. (A <c>Urls</c> in appsettings.json would
    /// instead override the environment variables, which is what containers and hosting platforms set.)
    /// </summary>
    public static void ListenOnDefaultAddressUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultAddress);
        }
    }
}
