using Localize.Core.Review;
using Localize.Storage.People;

namespace Localize.Server.Web;

/// <summary>
/// Assigning an article × locale to a medical reviewer with a due date, as the article page and the dashboard both
/// offer it: a manager or admin may; the assignee must be a reviewer of that locale. A new assignment replaces the
/// previous one (reassignment).
/// </summary>
public static class ReviewAssigning
{
    /// <returns>Null when assigned; otherwise why not, for the page to show (and answer 422).</returns>
    /// <exception cref="ReviewForbiddenException">The acting account may not assign.</exception>
    public static async Task<string?> AssignAsync(
        PeopleDirectory people, IReviewRecordStore records, ReviewActor actor, string slug, string locale, string? assignee, DateTimeOffset? dueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!actor.CanAssign)
        {
            throw new ReviewForbiddenException($"{actor.Name} may not assign reviews");
        }

        if (string.IsNullOrWhiteSpace(assignee))
        {
            return (await ReviewersOfAsync(people, locale, cancellationToken)).Count == 0
                ? $"Not assigned: {locale} has no medical reviewer yet; an administrator creates one on the Accounts page (/admin/users)."
                : "Not assigned: choose the medical reviewer.";
        }

        // A due date is a day: today is still fine, yesterday is not a date anyone can meet.
        if (dueAt is { } due && due.UtcDateTime.Date < now.UtcDateTime.Date)
        {
            return $"Not assigned: the due date {due:yyyy-MM-dd} is in the past; choose today or a later day.";
        }

        var person = await people.FindActorAsync(assignee.Trim(), cancellationToken);
        if (person is null || !person.CanApprove(locale))
        {
            return $"Not assigned: '{assignee}' is not a medical reviewer of {locale}.";
        }

        if (await people.IsDisabledAsync(person.Name))
        {
            return $"Not assigned: {person.Name}'s account is disabled.";
        }

        await records.AssignAsync(new ReviewAssignment(slug, locale, person.Name, dueAt, actor.Name, now), cancellationToken);
        return null;
    }

    /// <summary>The enabled medical reviewers of a locale, by name: whom an assignment can go to.</summary>
    public static async Task<IReadOnlyList<string>> ReviewersOfAsync(PeopleDirectory people, string locale, CancellationToken cancellationToken) =>
        [.. (await people.ListAccountsAsync(cancellationToken))
            .Where(a => !a.IsDisabled && a.Roles.Contains(Roles.Reviewer, StringComparer.OrdinalIgnoreCase) && a.Locales.Contains(locale, StringComparer.OrdinalIgnoreCase))
            .Select(a => a.Name)];
}
