using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Localize.Server.Web;
using Localize.Server.Worker;

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
        if (options.RunWorker)
        {
            builder.Services.AddHostedService<PipelineWorker>();
        }

        builder.Services.AddLocalizeSignIn();
        builder.Services.AddHostedService<FirstRunNotice>();

        // Named explicitly so the pages are found whoever hosts this assembly (the CLI, a test). Everything needs an
        // account (the fallback policy) except the public site and the login page.
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToFolder("/Public");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AuthorizeFolder("/Admin", LocalizePeopleExtensions.AdminPolicy);
                o.Conventions.AuthorizeFolder("/Dashboard", LocalizeDashboardExtensions.ManagerPolicy);
            })
            .AddApplicationPart(typeof(LocalizeServerExtensions).Assembly);
        builder.Services.AddSingleton<PublishedPages>();
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = PageEncoding.Settings);
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
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapLocalizeDashboard();
        app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();
        return app;
    }
}
