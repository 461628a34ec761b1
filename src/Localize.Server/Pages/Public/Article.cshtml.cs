using Localize.Server.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Public;

/// <summary>A published localized article, as readers see it.</summary>
public sealed class ArticleModel(PublishedPages pages) : PageModel
{
    [FromRoute]
    public string Locale { get; set; } = string.Empty;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public PublishedArticle? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Article = await pages.FindAsync(Locale, Slug, cancellationToken);
        if (Article is null)
        {
            return NotFound();
        }

        Response.Headers.ContentLanguage = Locale;
        return Page();
    }
}
