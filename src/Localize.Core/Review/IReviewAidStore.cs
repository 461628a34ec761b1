using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>What the optional review-aid steps compute for reviewers: back-translations and readability scores.</summary>
public interface IReviewAidStore
{
    /// <summary>Stores a back-translation, unless the target changed since <paramref name="ofTarget"/> was read.</summary>
    Task SaveBackTranslationAsync(long translationId, string ofTarget, string backTranslation, CancellationToken cancellationToken);

    Task<StoredReadability?> FindReadabilityAsync(string slug, string locale, CancellationToken cancellationToken);

    Task SaveReadabilityAsync(StoredReadability readability, CancellationToken cancellationToken);
}
