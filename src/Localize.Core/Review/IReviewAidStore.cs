using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>A target translated back into the source language, with the target it was made from.</summary>
public sealed record BackTranslation(long TranslationId, string OfTarget, string Text);

/// <summary>What the optional review-aid steps compute for reviewers: back-translations and readability scores.</summary>
public interface IReviewAidStore
{
    /// <summary>Stores back-translations together, each unless its target changed since it was read.</summary>
    Task SaveBackTranslationsAsync(IReadOnlyList<BackTranslation> backTranslations, CancellationToken cancellationToken);

    Task<StoredReadability?> FindReadabilityAsync(string slug, string locale, CancellationToken cancellationToken);

    Task SaveReadabilityAsync(StoredReadability readability, CancellationToken cancellationToken);
}
