using Localize.Core.Content;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Publishing;

/// <summary>
/// The localized content of an article (or a .resx file) in one locale as it stands: the stored source's skeleton
/// with each segment's current target merged in, and its SHA-256. What a reviewer signs and what publishing writes are this same text, so
/// a signature can be checked against exactly the content about to be published.
/// </summary>
public static class LocalizedArticle
{
    public static async Task<ComposedArticle> ComposeAsync(
        IReviewQueries reviewQueries, PipelineDefinition pipeline, StoredArticle article, string locale, IDocumentFormat format, CancellationToken cancellationToken)
    {
        var document = format.Extract(pipeline, article.SourceText);
        var segments = await reviewQueries.ListArticleSegmentsAsync(article.Slug, locale, cancellationToken);
        if (document.Segments.Count != segments.Count
            || document.Segments.Where((s, i) => s.Text != segments[i].Source).Any())
        {
            // The stored source and its segments disagree only if intake is mid-way; the next run settles it.
            return new ComposedArticle(segments, null, null, SegmentsMatchSource: false, []);
        }

        var merged = document.Merge([.. segments.Select(s => s.Target ?? s.Source)]);
        return merged.Succeeded
            ? new ComposedArticle(segments, merged.Text, ContentHash.Of(merged.Text!), true, [])
            : new ComposedArticle(segments, null, null, true, merged.Failures);
    }
}

/// <param name="Text">The localized file (a Markdown article, a culture .resx file …); null when it cannot be merged yet.</param>
/// <param name="ContentHash">SHA-256 (lower-case hex) of <paramref name="Text"/>'s UTF-8 bytes.</param>
public sealed record ComposedArticle(
    IReadOnlyList<ReviewItem> Segments,
    string? Text,
    string? ContentHash,
    bool SegmentsMatchSource,
    IReadOnlyList<MergeFailure> Failures)
{
    public bool IsFullyApproved => Segments.Count > 0 && Segments.All(s => s.State == SegmentState.Approved);
}
