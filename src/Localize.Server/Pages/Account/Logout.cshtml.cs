using Localize.Storage.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Account;

/// <summary>Signing out is a POST (with its antiforgery token), so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<LocalizeUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/review");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
