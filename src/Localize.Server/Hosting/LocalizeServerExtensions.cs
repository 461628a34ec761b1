using Localize.Core.Publishing;
using Localize.Server.Public;
using Localize.Server.Web;
using Localize.Server.Webhooks;
using Localize.Server.Worker;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Localize.Server.Hosting;

public static class LocalizeServerExtensions
{
    /// <summary>The one host: worker and/or web app, switched by <c>Localize:RunWorker</c> and <c>Localize:RunWeb</c>.</summary>
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
        if (options.RunWorker)
        {
            builder.Services.AddHostedService<PipelineWorker>();
            // Deliveries go out from the worker role only, so two web instances never send the same row.
            builder.Services.AddSingleton<WebhookDispatcher>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
            builder.Services.AddSingleton<IPublicationObserver>(sp => sp.GetRequiredService<WebhookDispatcher>());
        }

        builder.Services.AddLocalizeSignIn();
        builder.Services.AddHostedService<FirstRunNotice>();

        // Named explicitly so the pages are found whoever hosts this assembly (the CLI, a test). Everything needs an
        // account (the fallback policy) except the login page; the public site is endpoints (Public/), anonymous there.
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AuthorizeFolder("/Admin", LocalizePeopleExtensions.AdminPolicy);
                o.Conventions.AuthorizePage("/Review/Publishing", LocalizePeopleExtensions.ManagerPolicy);
            })
            .AddApplicationPart(typeof(LocalizeServerExtensions).Assembly);
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = PageEncoding.Settings);
        builder.Services.AddOptions<PublicSiteOptions>().Bind(builder.Configuration.GetSection(PublicSiteOptions.Section));
        builder.Services.AddSingleton(sp =>
        {
            var site = sp.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
            return new LanguageNegotiator(site.Fallbacks, site.DefaultChain);
        });
        builder.Services.AddSingleton<SiteBuilder>();
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

        app.UseStatusCodePages();
        // Only a path with an extension can name a file in wwwroot (site.css …): the public site's /<slug> and
        // /<locale>/<slug> skip the file-system probe, so serving a page touches no disk.
        app.UseWhen(context => Path.HasExtension(context.Request.Path.Value), branch => branch.UseStaticFiles());
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapPublicSite();
        return app;
    }
}
