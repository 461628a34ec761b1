using System.Globalization;
using Localize.Core.Dashboard;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Server.Web;
using Localize.Storage.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Dashboard;

/// <summary>
/// The manager dashboard (managers and admins): the article × locale matrix with each cell's state and progress,
/// review queues by locale and reviewer with due dates, machine-translation cost, quality, and charts of throughput,
/// queue age and cost. Every figure comes from <see cref="DashboardReader"/>, as the JSON endpoints'. Assigning or
/// reassigning a reviewer with a due date is a form per row.
/// </summary>
public sealed class IndexModel(
    DashboardReader reader, IReviewQueries reviewQueries, PeopleDirectory people, IReviewRecordStore records, InputProblemsReader problems, TimeProvider clock,
    Localize.Core.Pipelines.IPipelineCatalog pipelines) : PageModel
{
    /// <summary>
    /// What an engine's traffic into a language was for: into a pipeline's source language it is back-translation (the
    /// reviewers' check of a target), otherwise machine translation of the articles.
    /// </summary>
    public string Purpose(string locale) =>
        pipelines.Pipelines.Any(p => string.Equals(p.Source.Language, locale, StringComparison.OrdinalIgnoreCase))
            ? "back-translation (targets back into the source language, for reviewers)"
            : "machine translation";

    public DashboardViews Views { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    /// <summary>Files that could not be used and steps that keep failing: work that will not move until someone fixes it.</summary>
    public InputProblems Problems { get; private set; } = new([], [], []);

    /// <summary>The medical reviewers of each locale, for the assignment forms.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reviewers { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    [TempData]
    public string? Flash { get; set; }

    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(string slug, string locale, string? assignee, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var actor = User.ToReviewActor();
        if ((await reviewQueries.ListArticleSegmentsAsync(slug, locale, cancellationToken)).Count == 0)
        {
            return await RefuseAsync($"Not assigned: there is no article '{slug}' in {locale}.", cancellationToken);
        }

        try
        {
            var refused = await ReviewAssigning.AssignAsync(people, records, actor, slug, locale, assignee, dueAt, clock.GetUtcNow(), cancellationToken);
            if (refused is not null)
            {
                return await RefuseAsync(refused, cancellationToken);
            }
        }
        catch (ReviewForbiddenException)
        {
            return Forbid();
        }

        Flash = $"{slug} ({locale}) assigned to {assignee!.Trim()}, {Humanized.Due(dueAt, clock.GetUtcNow())}.";
        return RedirectToPage();
    }

    /// <summary>"24 Nov": a day on a chart's x axis.</summary>
    public static string ShortDay(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>"Nov 2026" for "2026-11".</summary>
    public static string MonthName(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static string StateLabel(string stateId) =>
        Enum.GetValues<ArticleLocaleState>().First(s => s.Id() == stateId).Label();

    /// <summary>The dashboard again, with why the form was refused.</summary>
    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Refusal = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Views = await reader.ReadAsync(cancellationToken);
        Problems = await problems.ReadAsync(cancellationToken);
        var reviewers = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var locale in Views.Matrix.Rows.Select(r => r.Locale).Distinct())
        {
            reviewers[locale] = [.. (await ReviewAssigning.ReviewersOfAsync(people, locale, cancellationToken)).Order(StringComparer.Ordinal)];
        }

        Reviewers = reviewers;
    }
}
