using Localize.Core.Audit;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Localize.Core.Publishing;

/// <summary>
/// Publishes every article × locale whose segments are all approved and whose approved content is not yet the
/// latest published version. Needs: approved translations, the stored source, and a reviewer's sign-off on exactly
/// the content to publish (its SHA-256). Produces: a numbered publication and the file its format names in the
/// content store (<c>&lt;locale&gt;/&lt;slug&gt;.md</c> for an article, <c>Strings.&lt;locale&gt;.resx</c> beside a
/// neutral .resx file). Anything less than fully approved and signed is never written, so the previous version stays
/// online until the new one is approved and signed. Every version is also kept under its number
/// (<see cref="PublishedPath.ForVersion"/>) for <see cref="RollbackService"/>. Content whose translations or signature
/// disagree with the audit trail is refused (<see cref="AuditVerifier.WhyNotPublishableAsync"/>): the step fails naming
/// the rows, and publishes everything else. After a publish, the trail's head is checkpointed in the content store.
/// </summary>
public sealed class PublishStep(
    IArticleStore articleStore,
    ITranslationStore translationStore,
    IStatusQueries statusQueries,
    IReviewQueries reviewQueries,
    IPublicationStore publicationStore,
    IContentStore content,
    IReviewRecordStore records,
    TimeProvider clock,
    IEnumerable<IPublicationObserver> observers,
    DocumentFormatRegistry formats,
    AuditVerifier audit,
    AuditCheckpointWriter checkpoints,
    ILogger<PublishStep> logger)
    : IPipelineStep
{
    public const string StepName = "publish";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        var refused = new List<string>();
        foreach (var cell in await statusQueries.ListStatusAsync(definition.Name, cancellationToken))
        {
            if (!cell.IsFullyApproved)
            {
                continue;
            }

            var latest = await publicationStore.FindLatestPublicationAsync(cell.Slug, cell.Locale, cancellationToken);
            var article = await articleStore.FindArticleAsync(cell.Slug, cancellationToken);
            if (article is null || (latest is not null && latest.PublishedAt >= cell.UpdatedAt
                && (latest.SourceHash == article.SourceHash || latest.RestoredVersion is not null || latest.Unpublished)))
            {
                // A rollback or an unpublish holds until a reviewer approves something after it, even when it concerns
                // an older source's translation: otherwise the next run would undo what a manager just decided.
                continue;
            }

            if (await PublishAsync(definition, article, cell.Locale, latest, formats.Get(article.Format), context.Actor, cancellationToken) is { } why)
            {
                refused.Add(why);
            }
        }

        if (refused.Count > 0)
        {
            // A failure like any other step's: logged, shown in status and on the dashboard, retried on every run.
            throw new UnverifiableContentException(string.Join(" | ", refused));
        }
    }

    /// <summary>Publishes when ready; returns why the content was refused when it does not agree with the audit trail.</summary>
    private async Task<string?> PublishAsync(
        PipelineDefinition definition, StoredArticle article, string locale, Publication? latest, IDocumentFormat format, string actor, CancellationToken cancellationToken)
    {
        var folder = definition.Publish.Folder;
        var composed = await LocalizedArticle.ComposeAsync(reviewQueries, definition, article, locale, format, cancellationToken);
        var segments = composed.Segments;
        if (!composed.SegmentsMatchSource)
        {
            logger.LogWarning("{Slug} ({Locale}): segments do not match the stored source yet; publishing on the next run", article.Slug, locale);
            return null;
        }

        if (segments.Count(s => s.HoldsPseudoOutput) is > 0 and var pseudo)
        {
            // Approved before this rule existed, or signed on another path: pseudo text is never published as a language.
            logger.LogWarning("{Slug} ({Locale}): {Count} segment(s) hold pseudo-localised text, not a translation; not published", article.Slug, locale, pseudo);
            return null;
        }

        if (composed.Text is null)
        {
            foreach (var failure in composed.Failures)
            {
                var item = segments[failure.SegmentIndex];
                logger.LogError("{Slug} ({Locale}) segment {Ordinal}: cannot merge: {Problem}", article.Slug, locale, failure.SegmentIndex + 1, failure.Message);
                await translationStore.SaveNotesAsync(
                    item.TranslationId,
                    [.. item.Notes, new SegmentNote(NoteOrigin.Merge, NoteSeverity.Error, failure.Message)],
                    cancellationToken);
            }

            return null;
        }

        var contentHash = composed.ContentHash!;
        var path = format.PublishedPath(definition, article, locale);
        if (latest is not null && latest.ContentHash == contentHash && latest.SourceHash == article.SourceHash)
        {
            return null;
        }

        // Before the signature is even looked at: a target or signature changed behind the application's back must be
        // refused out loud, not just wait for a sign-off that its content would never get.
        if (await audit.WhyNotPublishableAsync(article.Slug, locale, cancellationToken) is { } why)
        {
            // Logged by the pipeline runner once, when the step first fails this way, not on every run.
            return $"refused to publish {article.Slug} ({locale}): {why}";
        }

        var signature = await records.FindLatestSignatureAsync(article.Slug, locale, cancellationToken);
        if (signature is null || signature.ContentHash != contentHash || signature.SourceHash != article.SourceHash)
        {
            // Approved but not signed, or signed for other content: the sign-off is what releases an article.
            logger.LogDebug("{Slug} ({Locale}): approved, waiting for a reviewer's sign-off on sha256 {Hash}", article.Slug, locale, contentHash);
            return null;
        }

        // Reviewed by: everyone who approved a segment, and the signer; reviewed at: the signature, the last act.
        var publication = new Publication(
            article.Slug, locale, (latest?.Version ?? 0) + 1, contentHash, article.SourceHash, path, $"{actor}, signed by {signature.SignedBy}", clock.GetUtcNow(),
            [.. segments.SelectMany(s => s.Approvers).Append(signature.SignedBy).Distinct(StringComparer.Ordinal)],
            signature.SignedAt);
        var metadata = ContentMetadata.For(publication, outdated: false);
        // The numbered copy first: once the live copy and the record exist, the version can always be restored.
        await content.WriteAsync(PublishedPath.ForVersion(folder, locale, article.Slug, publication.Version), composed.Text, metadata, cancellationToken);
        await content.WriteAsync(path, composed.Text, metadata, cancellationToken);
        await publicationStore.RecordPublicationAsync(publication, cancellationToken);
        logger.LogInformation("Published {Path} (version {Version})", path, publication.Version);
        PublicationNotice.Tell(observers, publication, logger);
        await checkpoints.WriteAsync(cancellationToken);
        return null;
    }
}

/// <summary>Approved, signed content that does not agree with the audit trail: the publish step does not release it.</summary>
public sealed class UnverifiableContentException(string message) : Exception(message);
