using System.Security.Claims;
using Localize.Core.Review;

namespace Localize.Server.Web;

/// <summary>The signed-in account as the review rules see it: its name, its roles and its locales, from the cookie's claims.</summary>
public static class ReviewActorClaims
{
    public static ReviewActor ToReviewActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? throw new InvalidOperationException("a review action needs a signed-in account"),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value),
        user.FindAll(Roles.LocaleClaim).Select(c => c.Value));
}
