using Microsoft.AspNetCore.Identity;

namespace Localize.Storage.People;

/// <summary>
/// Identity asks this before every sign-in (with <c>SignIn.RequireConfirmedAccount</c>): an account an administrator
/// disabled is refused, whatever its password, and the sign-in answers NotAllowed.
/// </summary>
public sealed class ActiveAccountConfirmation : IUserConfirmation<LocalizeUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<LocalizeUser> manager, LocalizeUser user) => Task.FromResult(user.DisabledAt is null);
}
