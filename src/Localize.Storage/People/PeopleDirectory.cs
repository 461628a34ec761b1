using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Microsoft.AspNetCore.Identity;

namespace Localize.Storage.People;

/// <summary>
/// Creating and changing accounts and finding who someone is, the same way for the admin page and <c>localize users</c>:
/// Identity validates and hashes the password, the role must be one of <see cref="Roles"/>, reviewers and editors name
/// their locales (ones the pipelines translate into, or real language tags), and every change an administrator makes
/// to an account is appended to the audit trail. A disabled account cannot sign in, sign, or be assigned.
/// </summary>
public sealed class PeopleDirectory(UserManager<LocalizeUser> users, SqlUserStore store, IPipelineCatalog pipelines, TimeProvider clock)
{
    /// <returns>Null when the account was created, otherwise what is wrong with the request.</returns>
    public async Task<string?> AddAsync(string name, string role, IReadOnlyCollection<string> locales, string password, CancellationToken cancellationToken)
    {
        var cleanLocales = CleanLocales(locales);
        if (CheckRole(role, cleanLocales, out var knownRole) is { } problem)
        {
            return problem;
        }

        var user = new LocalizeUser { UserName = name.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return string.Join(" ", created.Errors.Select(e => e.Description));
        }

        await users.AddToRoleAsync(user, knownRole!);
        if (cleanLocales.Length > 0)
        {
            await users.AddClaimsAsync(user, [.. cleanLocales.Select(l => new Claim(Roles.LocaleClaim, l))]);
        }

        return null;
    }

    /// <summary>Disables or enables an account. Disabling also ends its sessions (a new security stamp).</summary>
    /// <returns>Null when done, otherwise why not.</returns>
    public async Task<string?> SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return $"there is no account named '{userName}'";
        }

        if (disabled && string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase))
        {
            return "you cannot disable your own account; another administrator can";
        }

        if (user.DisabledAt is not null == disabled)
        {
            return $"{user.UserName} is already {(disabled ? "disabled" : "enabled")}";
        }

        var now = clock.GetUtcNow();
        user.DisabledAt = disabled ? now : null;
        var updated = disabled ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return string.Join(" ", updated.Errors.Select(e => e.Description));
        }

        await store.RecordAccountChangeAsync(
            user.UserName, disabled ? "Enabled" : "Disabled", disabled ? "Disabled" : "Enabled", actor, now, disabled ? "account disabled" : "account enabled", cancellationToken);
        return null;
    }

    /// <summary>Gives the account a new generated password (returned once, never stored in clear) and ends its sessions.</summary>
    public async Task<(string? Password, string? Problem)> ResetPasswordAsync(string userName, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return (null, $"there is no account named '{userName}'");
        }

        var password = GeneratePassword();
        // Remove, then add: both renew the security stamp, so sessions signed in with the old password end.
        var reset = await users.RemovePasswordAsync(user);
        if (reset.Succeeded)
        {
            reset = await users.AddPasswordAsync(user, password);
        }

        if (!reset.Succeeded)
        {
            return (null, string.Join(" ", reset.Errors.Select(e => e.Description)));
        }

        // A reset also lifts a lockout: the person asked for it because they could not get in.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await store.RecordAccountChangeAsync(user.UserName, "Enabled", "Enabled", actor, clock.GetUtcNow(), "password reset by an administrator", cancellationToken);
        return (password, null);
    }

    /// <summary>Replaces an account's role and locales, with the same rules as a new account.</summary>
    /// <returns>Null when done, otherwise why not.</returns>
    public async Task<string?> SetRoleAndLocalesAsync(string userName, string role, IReadOnlyCollection<string> locales, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return $"there is no account named '{userName}'";
        }

        var cleanLocales = CleanLocales(locales);
        if (CheckRole(role, cleanLocales, out var knownRole) is { } problem)
        {
            return problem;
        }

        var before = await users.GetRolesAsync(user);
        if (string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase) && before.Contains(Roles.Admin) && knownRole != Roles.Admin)
        {
            return "you cannot take the admin role from your own account; another administrator can";
        }

        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == Roles.LocaleClaim).ToArray();
        await users.RemoveFromRolesAsync(user, before);
        await users.AddToRoleAsync(user, knownRole!);
        await users.RemoveClaimsAsync(user, claims);
        if (cleanLocales.Length > 0)
        {
            await users.AddClaimsAsync(user, [.. cleanLocales.Select(l => new Claim(Roles.LocaleClaim, l))]);
        }

        // New roles take effect at the next request's sign-in check, not after the cookie's lifetime.
        await users.UpdateSecurityStampAsync(user);
        var detail = $"role {string.Join(", ", before)} → {knownRole}; locales {Listed(claims.Select(c => c.Value))} → {Listed(cleanLocales)}";
        await store.RecordAccountChangeAsync(user.UserName, "Enabled", "Enabled", actor, clock.GetUtcNow(), detail, cancellationToken);
        return null;
    }

    public async Task<bool> IsDisabledAsync(string userName) => (await users.FindByNameAsync(userName))?.DisabledAt is not null;

    public Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(CancellationToken cancellationToken) => store.ListAccountsAsync(cancellationToken);

    /// <summary>The locales a reviewer or editor may be given: every locale a pipeline translates into.</summary>
    public IReadOnlyList<string> PipelineLocales =>
        [.. pipelines.Pipelines.SelectMany(p => p.Locales).Select(l => l.Code).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    /// <summary>Five groups of four lower-case letters and digits: 103 bits, easy to type once.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return string.Join('-', Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(alphabet, 4)));
    }

    private static string[] CleanLocales(IEnumerable<string> locales) =>
        [.. locales.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Listed(IEnumerable<string> locales) => locales.Any() ? string.Join(", ", locales) : "none";

    /// <summary>The role must exist; reviewers and editors name locales, which must be real; others name none.</summary>
    private string? CheckRole(string role, IReadOnlyList<string> locales, out string? knownRole)
    {
        knownRole = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (knownRole is null)
        {
            return string.IsNullOrWhiteSpace(role)
                ? $"choose a role: {string.Join(", ", Roles.All)}"
                : $"there is no role '{role}'; the roles are {string.Join(", ", Roles.All)}";
        }

        if (Roles.NeedsLocale(knownRole) && locales.Count == 0)
        {
            return $"a {knownRole} works in named locales: give at least one, e.g. {PipelineLocales.FirstOrDefault() ?? "es"}";
        }

        if (!Roles.NeedsLocale(knownRole) && locales.Count > 0)
        {
            return $"a {knownRole} sees every locale; locales are for reviewers and editors";
        }

        var unknown = locales.Where(l => !IsLocale(l)).ToArray();
        return unknown.Length == 0
            ? null
            : $"{string.Join(", ", unknown.Select(l => $"'{l}'"))} {(unknown.Length == 1 ? "is" : "are")} not a locale: the pipelines translate into "
                + $"{(PipelineLocales.Count == 0 ? "no locale yet" : string.Join(", ", PipelineLocales))}; another must be a language tag .NET knows, such as fr or pt-BR";
    }

    private bool IsLocale(string locale)
    {
        if (PipelineLocales.Contains(locale, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
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
        if (user is null || user.DisabledAt is not null || await users.IsLockedOutAsync(user))
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
