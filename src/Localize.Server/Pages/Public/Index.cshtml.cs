using Localize.Core.Workflow;
using Localize.Server.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Public;

/// <summary>The public site's front page: every published article, in every locale it is published in.</summary>
public sealed class IndexModel(PublishedPages pages) : PageModel
{
    public IReadOnlyList<IGrouping<string, Publication>> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Articles = (await pages.ListAsync(cancellationToken)).GroupBy(p => p.Slug).ToArray();
    }
}
