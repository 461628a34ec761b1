using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>Segments as a reviewer sees them (<see cref="ReviewItem"/>: source, target, notes, approvals).</summary>
public interface IReviewQueries
{
    /// <summary>One translation with its source and notes, as the review page shows it.</summary>
    Task<ReviewItem?> FindReviewItemAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>Segments in review, oldest first, optionally for one locale and/or article.</summary>
    Task<IReadOnlyList<ReviewItem>> ListReviewQueueAsync(string? locale, string? slug, CancellationToken cancellationToken);

    /// <summary>Segments in one state, oldest first, optionally for one locale and/or article (the queue's state filter).</summary>
    Task<IReadOnlyList<ReviewItem>> ListInStateAsync(SegmentState state, string? locale, string? slug, CancellationToken cancellationToken);

    /// <summary>Every segment of an article in one locale, in document order, for the review page.</summary>
    Task<IReadOnlyList<ReviewItem>> ListArticleSegmentsAsync(string slug, string locale, CancellationToken cancellationToken);
}
