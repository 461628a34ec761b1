using Localize.Core.Review;
using Localize.Storage.People;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Localize.Server.Hosting;

public static class LocalizePeopleExtensions
{
    /// <summary>Authorization policy names.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Managers and admins: rollback and the webhook delivery log.</summary>
    public const string ManagerPolicy = "manager";

    /// <summary>
    /// Cookie sign-in for the web app: <c>/review/**</c> and <c>/admin/**</c> need an account; only the public site,
    /// the login page and <c>/health</c> are anonymous. The cookie is HttpOnly, SameSite=Strict, and Secure whenever
    /// the request came over HTTPS; a signed-in user without the right role gets 403, not a login loop.
    /// </summary>
    public static IServiceCollection AddLocalizeSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        new IdentityBuilder(typeof(LocalizeUser), services).AddSignInManager();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "localize-session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(ManagerPolicy, p => p.RequireRole(Roles.Manager, Roles.Admin));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "localize-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
