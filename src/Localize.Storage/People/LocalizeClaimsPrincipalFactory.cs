using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Localize.Storage.People;

/// <summary>
/// The sign-in cookie's claims: Identity's (id, name, security stamp, the user's claims, i.e. locales) plus one role
/// claim per role. Identity only adds roles through a RoleManager, which a fixed set of roles does not need.
/// </summary>
public sealed class LocalizeClaimsPrincipalFactory(UserManager<LocalizeUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LocalizeUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LocalizeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        }

        return identity;
    }
}
