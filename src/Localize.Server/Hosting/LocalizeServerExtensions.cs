using System.Globalization;
using System.Resources;
using Localize.Core.Languages;
using Localize.Server.Resources;
using Localize.Core.Publishing;
using Localize.Server.Public;
using Microsoft.AspNetCore.Localization;
using Localize.Server.Web;
using Localize.Server.Webhooks;
using Localize.Server.Worker;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Localize.Server.Hosting;

public static class LocalizeServerExtensions
{
    private const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Whether socket reads may complete on the socket's thread: only where no database connection is a socket.</summary>
    public static bool AnswersOnTheSocketThread(LocalizeOptions options) => string.IsNullOrWhiteSpace(options.PostgreSql);

    /// <summary>
    /// The one host: worker and/or web app, switched by <c>Localize:RunWorker</c> and <c>Localize:RunWeb</c>; a readers'
    /// instance with <c>Localize:PublicSiteOnly</c>.
    /// </summary>
    public static WebApplicationBuilder AddLocalizeServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalizeCore(builder.Configuration);
        var options = builder.Configuration.GetSection(LocalizeOptions.Section).Get<LocalizeOptions>() ?? new LocalizeOptions();

        // Keys beside the database, so antiforgery tokens and cookies survive a restart.
        builder.Services.AddDataProtection()
            .SetApplicationName("Localize")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(options.DatabasePath)!, "keys")));
        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Subscribers.All(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"), "every Localize:Webhooks:Subscribers entry needs an absolute http(s) Url")
            .Validate(o => o.Subscribers.All(s => !string.IsNullOrEmpty(s.Secret)), "every Localize:Webhooks:Subscribers entry needs a Secret to sign with")
            .ValidateOnStart();
        // A readers' instance never runs the worker: its engine calls and checks would continue on the socket threads.
        if (options.RunWorker && !options.PublicSiteOnly)
        {
            builder.Services.AddHostedService<PipelineWorker>();
            builder.Services.AddHostedService<AuditCheckpointService>();
            // Deliveries go out from the worker role only; with several workers, each row is claimed by one of them.
            builder.Services.AddSingleton<WebhookDispatcher>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
            builder.Services.AddSingleton<IPublicationObserver>(sp => sp.GetRequiredService<WebhookDispatcher>());
        }

        // The socket's thread runs the request: the runtime completes socket reads there (it reads this variable once,
        // when the first socket is made) and Kestrel runs the request inline instead of handing it to the thread pool and
        // back. Only the published pages are answered there (UsePublicPages); every other request, the worker and the
        // background services continue on the thread pool (ThreadPoolContext, LeaveTheSocketThread; SiteBuilder renders
        // off it too). Not on PostgreSQL: Npgsql reads a row's columns synchronously (Dapper opens its readers with
        // SequentialAccess), and a synchronous read that has to wait for data on such a socket waits for the socket's
        // thread, which is the thread it blocks: the query then fails after the command timeout (30 s) — three workers
        // sharing a server hit it within a minute on a busy machine.
        if (AnswersOnTheSocketThread(options) && Environment.GetEnvironmentVariable(InlineSocketCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");
        }

        builder.WebHost.UseSockets(o =>
        {
            o.UnsafePreferInlineScheduling = true;

            // Read straight into a buffer instead of first waiting for data with an empty read: one system call less
            // per request, for a pooled 4 KB buffer held by each idle keep-alive connection.
            o.WaitForDataBeforeAllocatingBuffer = false;
        });

        // No request-scoped log state or activity per request in either mode: appsettings.json turns the hosting
        // diagnostics' log off (Microsoft.AspNetCore.Hosting.Diagnostics: None), which configuration can turn back on.
        if (!options.PublicSiteOnly)
        {
            // Accounts and pages for managers and reviewers. A readers' instance registers none of it: with no
            // authentication services, nothing signs readers in or challenges them.
            builder.Services.AddLocalizeSignIn();
            builder.Services.AddHostedService<FirstRunNotice>();

            // Named explicitly so the pages are found whoever hosts this assembly (the CLI, a test). Everything needs an
            // account (the fallback policy) except the login page; the public site is endpoints (Public/), anonymous there.
            builder.Services.AddRazorPages(o =>
                {
                    o.Conventions.AllowAnonymousToPage("/Account/Login");
                    o.Conventions.AuthorizeFolder("/Admin", LocalizePeopleExtensions.AdminPolicy);
                    o.Conventions.AuthorizeFolder("/Dashboard", LocalizePeopleExtensions.ManagerPolicy);
                    o.Conventions.AuthorizePage("/Review/Publishing", LocalizePeopleExtensions.ManagerPolicy);
                })
                .AddApplicationPart(typeof(LocalizeServerExtensions).Assembly)
                .AddViewLocalization();
        }

        builder.ListenOnDefaultAddressUnlessConfigured();

        // No "Server: Kestrel" on every response: it tells an attacker what to look up, and tells a reader nothing.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<PublishedStrings>();
        builder.Services.AddSingleton<InputProblemsReader>();
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = PageEncoding.Settings);
        builder.Services.AddOptions<PublicSiteOptions>().Bind(builder.Configuration.GetSection(PublicSiteOptions.Section));
        builder.Services.AddSingleton(sp =>
        {
            var site = sp.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
            return new LanguageNegotiator(site.Fallbacks, site.DefaultChain);
        });
        builder.Services.AddSingleton<SiteBuilder>();
        builder.Services.AddSingleton<ResponseWriter>();
        builder.Services.AddSingleton<PublicPages>();
        builder.Services.AddSingleton<PublishedSite>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PublishedSite>());
        builder.Services.AddSingleton<IPublicationObserver>(sp => sp.GetRequiredService<PublishedSite>());
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Localize public content API";
            document.Info.Description = "Medically reviewed, published articles in the reader's language, for websites that render them themselves.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UseLocalizeServer(this WebApplication app)
    {
        var options = app.Configuration.GetSection(LocalizeOptions.Section).Get<LocalizeOptions>() ?? new LocalizeOptions();
        if (!options.RunWeb)
        {
            return app;
        }

        // First the security headers (CSP, nosniff, no framing, no referrer), then a published page is answered from
        // memory before any other middleware runs.
        app.UseSecurityHeaders();
        app.UsePublicPages();
        app.UseSecurityHeadersOnErrors();
        app.Use(LeaveTheSocketThread);
        if (options.PublicSiteOnly)
        {
            return app.UsePublicSiteOnly();
        }

        app.UseStatusCodePages(StatusPageHtml.WriteAsync);
        // Only a path with an extension can name a file in wwwroot (site.css …): the public site's /<slug> and
        // /<locale>/<slug> skip the file-system probe, so serving a page touches no disk.
        app.UseWhen(context => Path.HasExtension(context.Request.Path.Value), branch => branch.UseStaticFiles());
        app.UseRouting();
        // After routing: the public site's routes short-circuit there and negotiate their own language, so the
        // chrome's culture is set only for the pages that use it.
        app.UseRequestLocalization(ChromeLocalization());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapLocalizeDashboard();
        app.MapPublishingApi();
        return app.MapReadersEndpoints();
    }

    /// <summary>A readers' instance (<see cref="LocalizeOptions.PublicSiteOnly"/>): the public site, its API and strings only.</summary>
    private static WebApplication UsePublicSiteOnly(this WebApplication app)
    {
        app.UseStatusCodePages();
        app.UseRouting();
        return app.MapReadersEndpoints();
    }

    /// <summary>What every web app serves readers and websites: the public site, its content API, UI strings, health.</summary>
    private static WebApplication MapReadersEndpoints(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();
        app.MapGet("/api/strings", StringsAsync).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapPublicSite();
        return app;
    }

    /// <summary>
    /// Under inline scheduling the request arrives on the socket's thread, which serves every connection: a page's or
    /// the API's database reads (synchronous with SQLite) must not hold it, so the rest of the pipeline runs on the
    /// thread pool — and stays there after reading a request body or a PostgreSQL answer (<see cref="ThreadPoolContext"/>).
    /// </summary>
    private static async Task LeaveTheSocketThread(HttpContext context, RequestDelegate next)
    {
        await Task.Yield();
        await ThreadPoolContext.Run(() => next(context));
    }

    /// <summary>
    /// The chrome (navigation, headings, buttons) follows the reader's Accept-Language through IStringLocalizer and
    /// <c>Resources/AppStrings.*.resx</c>; es-MX falls back to es, then to English. Only the UI culture changes: dates
    /// and numbers keep the host's formatting, which the pages and their tests rely on.
    /// </summary>
    private static RequestLocalizationOptions ChromeLocalization()
    {
        var host = CultureInfo.CurrentCulture;
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(host, _chromeNeutralCulture),
            SupportedCultures = [host],
            SupportedUICultures = [.. ChromeCultures.Select(CultureInfo.GetCultureInfo)],
            FallBackToParentUICultures = true,
        };
    }

    // The language of the neutral AppStrings.resx.
    private static readonly CultureInfo _chromeNeutralCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The cultures the chrome has strings for: the neutral file's, and every language pack's whose culture file
    /// (AppStrings.&lt;language&gt;.resx) is built into a satellite assembly — adding a culture file is all it takes.
    /// </summary>
    public static readonly string[] ChromeCultures =
    [
        _chromeNeutralCulture.Name,
        .. LanguagePacks.Languages.Where(language =>
            new ResourceManager(typeof(AppStrings)).GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false) is not null),
    ];

    /// <summary><c>/api/strings?lang=es-MX[&amp;pipeline=name]</c>: a pipeline's published interface strings as JSON, for websites.</summary>
    private static async Task<IResult> StringsAsync(string? lang, string? pipeline, PublishedStrings strings, CancellationToken cancellationToken)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(lang ?? string.Empty, predefinedOnly: !(lang ?? string.Empty).StartsWith("qps-", StringComparison.OrdinalIgnoreCase));
        }
        catch (CultureNotFoundException)
        {
            return Results.BadRequest(new { error = $"'lang' must be a language tag such as es or es-MX, not '{lang}'" });
        }

        if (string.IsNullOrEmpty(culture.Name))
        {
            return Results.BadRequest(new { error = "'lang' is required, e.g. /api/strings?lang=es" });
        }

        var answer = await strings.FindAsync(pipeline, culture, cancellationToken);
        return answer is null
            ? Results.NotFound(new { error = pipeline is null ? "no pipeline names strings" : $"no pipeline '{pipeline}'" })
            : Results.Json(answer);
    }
}
