using System.Security.Claims;
using Localize.Core.Review;
using Microsoft.AspNetCore.Identity;

namespace Localize.Storage.People;

/// <summary>
/// Creating accounts and finding who someone is, the same way for the admin page and <c>localize users</c>: Identity
/// validates and hashes the password, the role must be one of <see cref="Roles"/>, and reviewers and editors name
/// their locales.
/// </summary>
public sealed class PeopleDirectory(UserManager<LocalizeUser> users, SqliteUserStore store)
{
    /// <returns>Null when the account was created, otherwise what is wrong with the request.</returns>
    public async Task<string?> AddAsync(string name, string role, IReadOnlyCollection<string> locales, string password, CancellationToken cancellationToken)
    {
        var knownRole = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        var cleanLocales = locales.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (knownRole is null)
        {
            return $"there is no role '{role}'; the roles are {string.Join(", ", Roles.All)}";
        }

        if (Roles.NeedsLocale(knownRole) && cleanLocales.Length == 0)
        {
            return $"a {knownRole} works in named locales: give at least one (--locale es)";
        }

        if (!Roles.NeedsLocale(knownRole) && cleanLocales.Length > 0)
        {
            return $"a {knownRole} sees every locale; locales are for reviewers and editors";
        }

        var user = new LocalizeUser { UserName = name.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return string.Join(" ", created.Errors.Select(e => e.Description));
        }

        await users.AddToRoleAsync(user, knownRole);
        if (cleanLocales.Length > 0)
        {
            await users.AddClaimsAsync(user, [.. cleanLocales.Select(l => new Claim(Roles.LocaleClaim, l))]);
        }

        return null;
    }

    /// <summary>The account named <paramref name="userName"/> as a review actor, or null when there is none.</summary>
    public async Task<ReviewActor?> FindActorAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return null;
        }

        var claims = await users.GetClaimsAsync(user);
        return new ReviewActor(user.UserName, await users.GetRolesAsync(user), claims.Where(c => c.Type == Roles.LocaleClaim).Select(c => c.Value));
    }

    public Task<IReadOnlyList<ReviewActor>> ListAsync(CancellationToken cancellationToken) => store.ListPeopleAsync(cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => store.AnyUserAsync(cancellationToken);

    /// <summary>Checks a password for a signature, counting a wrong one towards lockout like a failed sign-in.</summary>
    public async Task<bool> VerifyPasswordAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }
}
