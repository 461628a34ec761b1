using Localize.Core.Publishing;
using Localize.Core.Webhooks;
using Localize.Core.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>
/// For managers and admins: every published article × locale with its numbered versions and a rollback button, and
/// the webhook delivery log (each event × subscriber, every attempt).
/// </summary>
public sealed class PublishingModel(IWorkflowStore store, IWebhookOutbox outbox, RollbackService rollback, UnpublishService unpublish) : PageModel
{
    public IReadOnlyList<PublishedArticle> Published { get; private set; } = [];

    public IReadOnlyList<WebhookDeliveryLog> Deliveries { get; private set; } = [];

    /// <summary>What the last rollback did, or why it was refused.</summary>
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool Refused { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var published = new List<PublishedArticle>();
        foreach (var latest in await store.ListLatestPublicationsAsync(cancellationToken))
        {
            var article = await store.FindArticleAsync(latest.Slug, cancellationToken);
            published.Add(new PublishedArticle(
                latest, await store.ListPublicationsAsync(latest.Slug, latest.Locale, cancellationToken), article is not null && article.SourceHash != latest.SourceHash));
        }

        Published = published;
        Deliveries = await outbox.ListRecentAsync(100, cancellationToken);
    }

    public async Task<IActionResult> OnPostRollbackAsync(string slug, string locale, int? to, CancellationToken cancellationToken)
    {
        var result = await rollback.RollbackAsync(slug, locale, to, User.Identity!.Name!, cancellationToken);
        Refused = !result.Succeeded;
        Message = result.Publication is { } p
            ? $"{p.Locale}/{p.Slug}: version {p.RestoredVersion} is online again as version {p.Version}."
            : $"Not rolled back: {result.Problem}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        var result = await unpublish.UnpublishAsync(slug, locale, User.Identity!.Name!, cancellationToken);
        Refused = !result.Succeeded;
        Message = result.Publication is { } p
            ? $"{p.Locale}/{p.Slug} is offline (version {p.Version}); roll back to put a version online again."
            : $"Not unpublished: {result.Problem}.";
        return RedirectToPage();
    }

    /// <param name="Outdated">The English source changed since the version online was approved.</param>
    public sealed record PublishedArticle(Publication Latest, IReadOnlyList<Publication> Versions, bool Outdated)
    {
        /// <summary>The version whose content readers get; null when the article × locale is unpublished.</summary>
        public int? Online => Latest.Unpublished ? null : Latest.RestoredVersion ?? Latest.Version;
    }
}
