using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Xliff;

/// <summary>
/// XLIFF 2 with outside vendors: export the open segments of an article × locale, and import the file they send back
/// as edits by a named editor account (so the checks run, four-eyes applies and a medical reviewer still approves).
/// </summary>
public sealed class XliffExchange(IArticleStore articleStore, IReviewQueries reviewQueries, ReviewService review, IPipelineCatalog pipelines)
{
    /// <exception cref="XliffException">No such article, or it has no segments in that locale.</exception>
    public async Task<string> ExportAsync(string slug, string locale, CancellationToken cancellationToken)
    {
        var article = await articleStore.FindArticleAsync(slug, cancellationToken) ?? throw new XliffException($"there is no article '{slug}'");
        var segments = await reviewQueries.ListArticleSegmentsAsync(slug, locale, cancellationToken);
        if (segments.Count == 0)
        {
            throw new XliffException($"article '{slug}' is not translated into '{locale}'");
        }

        var language = pipelines.Find(article.Pipeline)?.Source.Language ?? "en";
        return XliffWriter.Write(new XliffArticle(slug, article.Title, article.Path, article.SourceHash, language, locale, segments));
    }

    /// <summary>Validates the whole file first; only a file without a single problem changes anything.</summary>
    /// <exception cref="XliffException">The file is refused; the message lists every problem, one per line.</exception>
    /// <exception cref="ReviewForbiddenException">The editor may not edit the file's locale.</exception>
    /// <exception cref="XliffImportStoppedException">A segment changed while the edits were being entered.</exception>
    public async Task<XliffImportResult> ImportAsync(Stream file, string fileName, ReviewActor editor, CancellationToken cancellationToken)
    {
        var read = XliffReader.Read(file, fileName);
        if (!editor.CanEdit(read.Locale))
        {
            throw new ReviewForbiddenException($"{editor.Name} is not a reviewer or editor of {read.Locale}, the file's target locale");
        }

        var article = await articleStore.FindArticleAsync(read.Slug, cancellationToken);
        var segments = article is null ? [] : await reviewQueries.ListArticleSegmentsAsync(read.Slug, read.Locale, cancellationToken);
        var plan = XliffImportPlan.Make(read, article, segments);
        if (plan.Problems.Count > 0)
        {
            throw new XliffException(string.Join(Environment.NewLine, plan.Problems));
        }

        var entered = 0;
        foreach (var edit in plan.Edits)
        {
            try
            {
                await review.EditAsync(edit.TranslationId, editor, edit.Target, edit.Version, issue: null, cancellationToken);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or InvalidTransitionException or ReviewRefusedException)
            {
                // Someone changed a segment between the check and its edit: the edits before it stand, being in review
                // like any other, and importing the same file again enters the rest.
                throw new XliffImportStoppedException(entered, plan.Edits.Count, ex.Message);
            }

            entered++;
        }

        return new XliffImportResult(read.Slug, read.Locale, plan.Edits.Count, read.Units.Count - plan.Edits.Count);
    }
}

/// <param name="Edited">Targets entered as edits, now in review.</param>
/// <param name="Unchanged">Units whose target was empty or the same as Localize's.</param>
public sealed record XliffImportResult(string Slug, string Locale, int Edited, int Unchanged);

/// <summary>The import stopped part-way because a segment changed after the file was checked.</summary>
public sealed class XliffImportStoppedException(int entered, int planned, string reason)
    : InvalidOperationException($"stopped after {entered} of {planned} edits (those are in review; import the file again for the rest): {reason}");
