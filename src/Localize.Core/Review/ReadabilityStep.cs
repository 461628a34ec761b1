using Localize.Core.Content;
using Localize.Core.Pipelines;
using Localize.Core.Readability;
using Localize.Core.Segments;
using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>
/// Scores the readability of each article in its source language and in each locale (patient material aims at
/// grade 6–8 in English, INFLESZ ≥ 55 in Spanish), so the review page and the dashboard show it without computing
/// on page load. Needs: stored segments and targets. Produces: one stored score per article × locale, recomputed
/// only when the text it scored changes.
/// </summary>
public sealed class ReadabilityStep(IStatusQueries statusQueries, IReviewQueries reviewQueries, IReviewAidStore reviewAids, TimeProvider clock) : IPipelineStep
{
    private readonly ReadabilityScorer _scorer = new();

    public const string StepName = "readability";

    public string Name => StepName;

    public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var definition = context.Definition;
        var cells = await statusQueries.ListStatusAsync(definition.Name, cancellationToken);
        foreach (var cell in cells.Where(c => !c.Locale.StartsWith("qps-", StringComparison.OrdinalIgnoreCase)))
        {
            // Nothing in the cell changed since it was scored: skip without reading its segments.
            var stored = await reviewAids.FindReadabilityAsync(cell.Slug, cell.Locale, cancellationToken);
            if (stored is not null && stored.ComputedAt >= cell.UpdatedAt)
            {
                continue;
            }

            var items = await reviewQueries.ListArticleSegmentsAsync(cell.Slug, cell.Locale, cancellationToken);
            await ScoreAsync(cell.Slug, cell.Locale, cell.Locale, items.Select(i => i.Target ?? string.Empty), cancellationToken);
            await ScoreAsync(cell.Slug, definition.Source.Language, definition.Source.Language, items.Select(i => i.Source), cancellationToken);
        }
    }

    private async Task ScoreAsync(string slug, string locale, string language, IEnumerable<string> tagged, CancellationToken cancellationToken)
    {
        var texts = tagged.Where(t => t.Length > 0).Select(PlainTextOrRaw).ToArray();
        var hash = ContentHash.Of(string.Join('\n', texts));
        var stored = await reviewAids.FindReadabilityAsync(slug, locale, cancellationToken);
        if (stored?.ComputedFor == hash)
        {
            return;
        }

        await reviewAids.SaveReadabilityAsync(new StoredReadability(slug, locale, _scorer.Score(texts, language), hash, clock.GetUtcNow()), cancellationToken);
    }

    private static string PlainTextOrRaw(string tagged)
    {
        try
        {
            return InlineMarkup.PlainText(tagged);
        }
        catch (InlineMarkupException)
        {
            return tagged;
        }
    }
}
