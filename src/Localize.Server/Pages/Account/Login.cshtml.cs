using Localize.Server.Hosting;
using Localize.Storage.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Account;

/// <summary>Sign-in with name and password; Identity checks the hash and locks the account after repeated failures.</summary>
public sealed class LoginModel(SignInManager<LocalizeUser> signIn, SqlUserStore users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Set on a fresh install, to say how to create the first administrator.</summary>
    public string? FirstRun { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FirstRun = await users.AnyUserAsync(cancellationToken) ? null : FirstRunNotice.Instructions;
    }

    public async Task<IActionResult> OnPostAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var result = await signIn.PasswordSignInAsync(userName ?? string.Empty, password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/review");
        }

        // The same words for an unknown name and a wrong password: the form must not confirm who has an account.
        Error = result.IsLockedOut
            ? "This account is locked after too many failed attempts; try again in 15 minutes or ask an administrator."
            : result.IsNotAllowed && await IsRightPasswordAsync(userName, password)
            ? "This account is disabled; an administrator can enable it again."
            : "Wrong name or password.";
        FirstRun = await users.AnyUserAsync(cancellationToken) ? null : FirstRunNotice.Instructions;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Identity refuses a disabled account before it checks the password: say "disabled" only to its owner.</summary>
    private async Task<bool> IsRightPasswordAsync(string? userName, string? password) =>
        await signIn.UserManager.FindByNameAsync(userName ?? string.Empty) is { } user
        && await signIn.UserManager.CheckPasswordAsync(user, password ?? string.Empty);
}
