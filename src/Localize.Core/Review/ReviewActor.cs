namespace Localize.Core.Review;

/// <summary>
/// The roles people have. A reviewer and an editor work in the locales their <see cref="LocaleClaim"/> claims name; a
/// manager sees and assigns every locale; an admin manages accounts.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";

    /// <summary>A medical reviewer: approves, edits, rejects and signs in their locales.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>A translator: edits targets in their locales, but never approves or signs.</summary>
    public const string Editor = "editor";

    /// <summary>The claim naming one locale a reviewer or editor works in (one claim per locale).</summary>
    public const string LocaleClaim = "localize:locale";

    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Reviewer, Editor];

    /// <summary>Roles that mean nothing without locales.</summary>
    public static bool NeedsLocale(string role) => role is Reviewer or Editor;
}

/// <summary>
/// Who is acting on a review, as the server authenticated them (a signed-in account, or a named account in the CLI,
/// which runs with the database's own access), and what their roles allow in a locale.
/// </summary>
public sealed class ReviewActor(string name, IEnumerable<string> roles, IEnumerable<string> locales)
{
    private readonly HashSet<string> _roles = new(roles, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _locales = new(locales, StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = name;

    public IReadOnlyCollection<string> Roles => _roles;

    public IReadOnlyCollection<string> Locales => _locales;

    public bool IsInRole(string role) => _roles.Contains(role);

    /// <summary>Approve, reject and sign: a medical reviewer of that very locale.</summary>
    public bool CanApprove(string locale) => _roles.Contains(Review.Roles.Reviewer) && _locales.Contains(locale);

    /// <summary>Change a target: a reviewer or an editor of that locale.</summary>
    public bool CanEdit(string locale) =>
        (_roles.Contains(Review.Roles.Reviewer) || _roles.Contains(Review.Roles.Editor)) && _locales.Contains(locale);

    /// <summary>See a locale's queue and editor: whoever works in it, and managers and admins for every locale.</summary>
    public bool CanView(string locale) =>
        _roles.Contains(Review.Roles.Manager) || _roles.Contains(Review.Roles.Admin) || _locales.Contains(locale);

    public bool CanAssign => _roles.Contains(Review.Roles.Manager) || _roles.Contains(Review.Roles.Admin);

    public override string ToString() => Name;
}

/// <summary>A review action the actor's roles or locales do not allow (the web app answers 403).</summary>
public sealed class ReviewForbiddenException(string message) : InvalidOperationException(message);
