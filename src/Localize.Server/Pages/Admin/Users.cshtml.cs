using Localize.Core.Review;
using Localize.Storage.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Admin;

/// <summary>The accounts, and a form to create one (admins only, by the folder's policy).</summary>
public sealed class UsersModel(PeopleDirectory people) : PageModel
{
    public IReadOnlyList<ReviewActor> People { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await people.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string userName, string role, string? locales, string password, CancellationToken cancellationToken)
    {
        var localeList = (locales ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        Error = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            ? "Give a name and a password."
            : await people.AddAsync(userName, role ?? string.Empty, localeList, password, cancellationToken);
        if (Error is null)
        {
            Flash = $"Account {userName.Trim()} created.";
            return Redirect("/admin/users");
        }

        People = await people.ListAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
