using System.Globalization;
using Microsoft.AspNetCore.Localization;
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
            .AddApplicationPart(typeof(LocalizeServerExtensions).Assembly)
            .AddViewLocalization();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<PublishedPages>();
        builder.Services.AddSingleton<PublishedStrings>();
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
        app.UseRequestLocalization(ChromeLocalization());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapLocalizeDashboard();
        app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();
        app.MapGet("/api/strings", StringsAsync).AllowAnonymous();
        return app;
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
            DefaultRequestCulture = new RequestCulture(host, CultureInfo.GetCultureInfo("en")),
            SupportedCultures = [host],
            SupportedUICultures = [.. ChromeCultures.Select(CultureInfo.GetCultureInfo)],
            FallBackToParentUICultures = true,
        };
    }

    /// <summary>The cultures the chrome has a culture file for (English is the neutral file).</summary>
    public static readonly string[] ChromeCultures = ["en", "es"];

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
