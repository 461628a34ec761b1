using Localize.Core.Review;
using Localize.Core.Translation;

namespace Localize.Core.Workflow;

/// <summary>
/// Sends every segment whose target is still pseudo output (in a real locale) back to machine translation, so the
/// locale's real engine replaces it on the next machine-translation run. Used by the worker when the engine becomes
/// available, by <c>localize translate --retranslate --engine pseudo</c>, and by a manager's button on the article page.
/// Segments a person has rewritten are left alone: only pseudo text is sent back.
/// </summary>
public sealed class PseudoRetranslation(ITranslationStore translationStore, IStatusQueries statusQueries, IReviewQueries reviewQueries, TimeProvider clock)
{
    /// <param name="slug">One article, or every article when null.</param>
    /// <param name="locale">One locale, or every real locale when null.</param>
    /// <returns>How many segments now wait for the engine again.</returns>
    public async Task<int> SendBackAsync(string? slug, string? locale, string reason, string actor, CancellationToken cancellationToken)
    {
        var sent = 0;
        // One article in one locale (the article page's button) asks the store for that cell only.
        IReadOnlyList<ArticleLocaleStatus> cells = slug is not null && locale is not null
            ? await statusQueries.FindStatusAsync(slug, locale, cancellationToken) is { } one ? [one] : []
            : await statusQueries.ListStatusAsync(cancellationToken);
        foreach (var cell in cells)
        {
            if ((slug is not null && cell.Slug != slug)
                || (locale is not null && !string.Equals(cell.Locale, locale, StringComparison.OrdinalIgnoreCase))
                || PseudoOutput.IsPseudoLocale(cell.Locale))
            {
                continue;
            }

            foreach (var item in await reviewQueries.ListArticleSegmentsAsync(cell.Slug, cell.Locale, cancellationToken))
            {
                if (!item.HoldsPseudoOutput || item.State is SegmentState.New or SegmentState.Outdated)
                {
                    continue;
                }

                var translation = await translationStore.GetTranslationAsync(item.TranslationId, cancellationToken);
                if (translation is null || !translation.HoldsPseudoOutput)
                {
                    continue;
                }

                try
                {
                    await translationStore.SaveTranslationAsync(translation, [translation.RequestRetranslation(reason, actor, clock.GetUtcNow())], cancellationToken);
                    sent++;
                }
                catch (ConcurrencyConflictException)
                {
                    // Someone changed it meanwhile (an edit, another worker's sweep): their state stands.
                }
            }
        }

        return sent;
    }
}
