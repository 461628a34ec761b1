using Localize.Core.Publishing;
using Localize.Core.Webhooks;
using Localize.Core.Workflow;
using Localize.Server.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Localize.Server.Pages.Review;

/// <summary>
/// For managers and admins: every published article × locale with its numbered versions and a rollback button, and
/// the webhook delivery log (each event × subscriber, every attempt).
/// </summary>
public sealed class PublishingModel(
    IArticleStore articleStore, IPublicationStore publicationStore, IWebhookOutbox outbox, RollbackService rollback, UnpublishService unpublish, IOptions<WebhookOptions> webhooks) : PageModel
{
    /// <summary>Whether any subscriber is configured, for the delivery log's empty state.</summary>
    public bool HasSubscribers => webhooks.Value.Subscribers.Count > 0;

    /// <summary>A rollback or unpublish asked for and not yet confirmed: what it will do, in words and numbers.</summary>
    public PendingConfirmation? Confirm { get; private set; }

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
        foreach (var latest in await publicationStore.ListLatestPublicationsAsync(cancellationToken))
        {
            var article = await articleStore.FindArticleAsync(latest.Slug, cancellationToken);
            published.Add(new PublishedArticle(
                latest, await publicationStore.ListPublicationsAsync(latest.Slug, latest.Locale, cancellationToken), article is not null && article.SourceHash != latest.SourceHash));
        }

        Published = published;
        Deliveries = await outbox.ListRecentAsync(100, cancellationToken);
    }

    /// <summary>Rollback and unpublish change what readers see at once: the first post asks to confirm (no script needed).</summary>
    public async Task<IActionResult> OnPostRollbackAsync(string slug, string locale, int? to, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            var versions = await publicationStore.ListPublicationsAsync(slug, locale, cancellationToken);
            var target = RollbackService.TargetVersion(versions, to);
            var online = RollbackService.Online(versions);
            return await ConfirmAsync(
                new PendingConfirmation(
                    "Rollback",
                    slug,
                    locale,
                    target,
                    $"Put version {target} back online in {locale}?",
                    $"{locale}/{slug}: readers get version {target} at once, as new version {versions.Count + 1}"
                        + (online is { } now ? $", in place of version {now}" : ", which is offline now")
                        + ". The rollback is recorded in the audit trail under your name.",
                    $"Put version {target} back online"),
                cancellationToken);
        }

        var result = await rollback.RollbackAsync(slug, locale, to, User.Identity!.Name!, cancellationToken);
        Refused = !result.Succeeded;
        Message = result.Publication is { } p
            ? $"{p.Locale}/{p.Slug}: version {p.RestoredVersion} is online again as version {p.Version}."
            : $"Not rolled back: {result.Problem}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string slug, string locale, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            var online = RollbackService.Online(await publicationStore.ListPublicationsAsync(slug, locale, cancellationToken));
            return await ConfirmAsync(
                new PendingConfirmation(
                    "Unpublish",
                    slug,
                    locale,
                    null,
                    $"Take {slug} offline in {locale}?",
                    $"Readers of {locale} stop getting {(online is { } version ? $"version {version}" : "it")} at once and fall back to another language; "
                        + "every version stays kept, and a rollback puts one online again. Recorded in the audit trail under your name.",
                    $"Take it offline in {locale}"),
                cancellationToken);
        }

        var result = await unpublish.UnpublishAsync(slug, locale, User.Identity!.Name!, cancellationToken);
        Refused = !result.Succeeded;
        Message = result.Publication is { } p
            ? $"{p.Locale}/{p.Slug} is offline (version {p.Version}); roll back to put a version online again."
            : $"Not unpublished: {result.Problem}.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ConfirmAsync(PendingConfirmation confirmation, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        Confirm = confirmation;
        return Page();
    }

    /// <param name="Handler">The page handler that acts once confirmed.</param>
    /// <param name="Version">The version a rollback restores.</param>
    public sealed record PendingConfirmation(string Handler, string Slug, string Locale, int? Version, string Question, string Consequence, string Button);

    /// <param name="Outdated">The English source changed since the version online was approved.</param>
    public sealed record PublishedArticle(Publication Latest, IReadOnlyList<Publication> Versions, bool Outdated)
    {
        /// <summary>The version whose content readers get; null when the article × locale is unpublished.</summary>
        public int? Online => Latest.Unpublished ? null : Latest.RestoredVersion ?? Latest.Version;
    }
}
