using Humanizer;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>
/// Article sign-off, 21 CFR Part 11 style: once every segment of an article × locale is approved, a medical reviewer
/// of that locale signs it — name, time, and the meaning of the signature — bound to the SHA-256 of the localized
/// content. Publishing checks the signature against the content it is about to write. The caller re-authenticates the
/// signer (password) just before calling <see cref="SignAsync"/>; this class enforces the rest.
/// </summary>
public sealed class SignOffService(
    IArticleStore articleStore, IReviewQueries reviewQueries, IReviewRecordStore records, IPipelineCatalog pipelines, DocumentFormatRegistry formats, TimeProvider clock)
{
    public const string Meaning = "Reviewed and approved for medical accuracy";

    /// <summary>Whether the article × locale can be signed now, what its content hash is, and its current signature.</summary>
    public async Task<SignOffStatus> InspectAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        var article = await articleStore.FindArticleAsync(slug, cancellationToken);
        var definition = article is null ? null : pipelines.Find(article.Pipeline);
        if (article is null || definition is null)
        {
            return new SignOffStatus(null, null, null, $"{slug} is not an article of a pipeline in force");
        }

        var composed = await LocalizedArticle.ComposeAsync(
            reviewQueries, definition, article, locale, formats.Get(article.Format), cancellationToken);
        var latest = await records.FindLatestSignatureAsync(slug, locale, cancellationToken);
        var pseudo = composed.Segments.Count(s => s.HoldsPseudoOutput);
        var why = pseudo > 0 ? $"{"segment".ToQuantity(pseudo)} hold pseudo-localised text, which is not a translation"
            : !composed.IsFullyApproved ? $"{"segment".ToQuantity(composed.Segments.Count(s => s.State != SegmentState.Approved))} not approved yet"
            : composed.ContentHash is null ? "the approved segments cannot be merged into the article (see the segment findings)"
            : null;
        return new SignOffStatus(composed.ContentHash, article.SourceHash, latest, why);
    }

    /// <param name="signedContentHash">The content hash the signer was shown: if the content changed since, nothing is signed.</param>
    public async Task<ArticleSignature> SignAsync(string slug, string locale, ReviewActor signer, string signedContentHash, CancellationToken cancellationToken)
    {
        if (!signer.CanApprove(locale))
        {
            throw new ReviewForbiddenException($"{signer.Name} may not sign {locale}: that needs a medical reviewer of {locale}");
        }

        var status = await InspectAsync(slug, locale, cancellationToken);
        if (status.NotReadyBecause is { } why)
        {
            throw new ReviewRefusedException($"{slug} ({locale}) cannot be signed: {why}");
        }

        if (!string.Equals(status.ContentHash, signedContentHash, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(
                $"{slug} ({locale}) changed since you opened it (sha256 {Short(signedContentHash)} → {Short(status.ContentHash)}); reload, check it and sign again");
        }

        var now = clock.GetUtcNow();
        var signature = new ArticleSignature(slug, locale, status.ContentHash!, status.SourceHash!, signer.Name, now, Meaning);
        var segments = await reviewQueries.ListArticleSegmentsAsync(slug, locale, cancellationToken);
        var detail = $"signed: {Meaning}; article sha256 {signature.ContentHash}";
        await records.RecordSignatureAsync(
            signature,
            [.. segments.Select(s => new ChangeRecord(s.TranslationId, s.State, s.State, signer.Name, now, detail))],
            cancellationToken);
        return signature;
    }

    private static string Short(string? hash) => hash is null ? "none" : hash[..Math.Min(12, hash.Length)];
}

/// <param name="ContentHash">SHA-256 of the localized content as it stands; null when it cannot be merged.</param>
/// <param name="Latest">The latest signature, valid only when its hash is <paramref name="ContentHash"/>.</param>
/// <param name="NotReadyBecause">Why it cannot be signed now; null when it can.</param>
public sealed record SignOffStatus(string? ContentHash, string? SourceHash, ArticleSignature? Latest, string? NotReadyBecause)
{
    public bool IsSigned => Latest is not null && ContentHash is not null && Latest.ContentHash == ContentHash && Latest.SourceHash == SourceHash;
}
