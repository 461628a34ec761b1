using Localize.Core.Audit;
using Localize.Core.Documents;
using Localize.Core.Publishing;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Storage.Publishing;
using Localize.Storage.Review;
using Localize.Storage.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// The workflow's stores in one place, for tests that look at what the product stored: each method goes to the small
/// store that owns it, so a test reads <c>server.Store.ListArticleSegmentsAsync(…)</c> without naming which.
/// Production code takes the small interfaces themselves.
/// </summary>
public sealed class WorkflowStores(
    IArticleStore articles,
    ITranslationQueue queue,
    ITranslationStore translations,
    IStatusQueries status,
    IReviewQueries review,
    IReviewAidStore aids,
    IPublicationStore publications,
    IAuditTrailStore audit)
{
    /// <summary>The stores a running host registered.</summary>
    public static WorkflowStores Of(IServiceProvider services) => new(
        services.GetRequiredService<IArticleStore>(),
        services.GetRequiredService<ITranslationQueue>(),
        services.GetRequiredService<ITranslationStore>(),
        services.GetRequiredService<IStatusQueries>(),
        services.GetRequiredService<IReviewQueries>(),
        services.GetRequiredService<IReviewAidStore>(),
        services.GetRequiredService<IPublicationStore>(),
        services.GetRequiredService<IAuditTrailStore>());

    /// <summary>The SQL stores over one database, as one worker holding <paramref name="lease"/> sees them.</summary>
    public static WorkflowStores Over(LocalizeDatabase database, TimeProvider clock, WorkLease lease, AuditKey key) => new(
        new SqlArticleStore(database, clock, key),
        new SqlTranslationQueue(database, clock, lease),
        new SqlTranslationStore(database, clock, key),
        new SqlStatusQueries(database),
        new SqlReviewQueries(database),
        new SqlReviewAidStore(database),
        new SqlPublicationStore(database, key),
        new SqlAuditTrailStore(database));

    public Task<StoredArticle?> FindArticleAsync(string slug, CancellationToken cancellationToken) => articles.FindArticleAsync(slug, cancellationToken);

    public Task<SyncSummary> SaveArticleAsync(ArticleVersion version, IDocumentFormat format, string pipeline, IReadOnlyList<string> locales, string actor, CancellationToken cancellationToken) =>
        articles.SaveArticleAsync(version, format, pipeline, locales, actor, cancellationToken);

    public Task<IReadOnlyList<SourceError>> ListSourceErrorsAsync(CancellationToken cancellationToken) => articles.ListSourceErrorsAsync(cancellationToken);

    public Task<IReadOnlyList<PendingSegment>> ClaimPendingMachineTranslationAsync(string locale, int limit, CancellationToken cancellationToken) =>
        queue.ClaimPendingMachineTranslationAsync(locale, limit, cancellationToken);

    public Task ReleaseClaimsAsync(CancellationToken cancellationToken) => queue.ReleaseClaimsAsync(cancellationToken);

    public Task<LeasedWork> FindLeasedByOthersAsync(CancellationToken cancellationToken) => queue.FindLeasedByOthersAsync(cancellationToken);

    public Task<SegmentTranslation?> GetTranslationAsync(long translationId, CancellationToken cancellationToken) => translations.GetTranslationAsync(translationId, cancellationToken);

    public Task SaveTranslationAsync(SegmentTranslation translation, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken) =>
        translations.SaveTranslationAsync(translation, changes, cancellationToken);

    public Task<IReadOnlyDictionary<long, SegmentTranslation>> GetTranslationsAsync(IReadOnlyCollection<long> translationIds, CancellationToken cancellationToken) =>
        translations.GetTranslationsAsync(translationIds, cancellationToken);

    public Task<IReadOnlySet<long>> SaveTranslationsAsync(IReadOnlyList<TranslationSave> saves, CancellationToken cancellationToken) =>
        translations.SaveTranslationsAsync(saves, cancellationToken);

    public Task SaveNotesAsync(long translationId, IReadOnlyList<SegmentNote> notes, CancellationToken cancellationToken) =>
        translations.SaveNotesAsync(translationId, notes, cancellationToken);

    public Task<IReadOnlyList<ChangeRecord>> ListChangesAsync(long translationId, CancellationToken cancellationToken) => translations.ListChangesAsync(translationId, cancellationToken);

    public Task<IReadOnlyList<ArticleLocaleStatus>> ListStatusAsync(CancellationToken cancellationToken) => status.ListStatusAsync(cancellationToken);

    public Task<ReviewItem?> FindReviewItemAsync(long translationId, CancellationToken cancellationToken) => review.FindReviewItemAsync(translationId, cancellationToken);

    public Task<IReadOnlyList<ReviewItem>> ListReviewQueueAsync(string? locale, string? slug, CancellationToken cancellationToken) =>
        review.ListReviewQueueAsync(locale, slug, cancellationToken);

    public Task<IReadOnlyList<ReviewItem>> ListArticleSegmentsAsync(string slug, string locale, CancellationToken cancellationToken) =>
        review.ListArticleSegmentsAsync(slug, locale, cancellationToken);

    public Task<StoredReadability?> FindReadabilityAsync(string slug, string locale, CancellationToken cancellationToken) => aids.FindReadabilityAsync(slug, locale, cancellationToken);

    public Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken) => publications.RecordPublicationAsync(publication, cancellationToken);

    public Task<Publication?> FindLatestPublicationAsync(string slug, string locale, CancellationToken cancellationToken) =>
        publications.FindLatestPublicationAsync(slug, locale, cancellationToken);

    public Task<IReadOnlyList<Publication>> ListLatestPublicationsAsync(CancellationToken cancellationToken) => publications.ListLatestPublicationsAsync(cancellationToken);

    public Task<IReadOnlyList<Publication>> ListPublicationsAsync(string slug, string locale, CancellationToken cancellationToken) =>
        publications.ListPublicationsAsync(slug, locale, cancellationToken);

    /// <summary>Every change record in order, with its hash-chain fields, for <see cref="AuditChain.Verify"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAuditTrailAsync(CancellationToken cancellationToken) =>
        (await audit.ReadTrailAndRowsAsync(cancellationToken)).Trail;
}
