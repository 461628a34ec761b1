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

        var person = await people.FindActorAsync((assignee ?? string.Empty).Trim(), cancellationToken);
        if (person is null || !person.CanApprove(locale))
        {
            return $"Not assigned: '{assignee}' is not a medical reviewer of {locale}.";
        }

        await records.AssignAsync(new ReviewAssignment(slug, locale, person.Name, dueAt, actor.Name, now), cancellationToken);
        return null;
    }
}
