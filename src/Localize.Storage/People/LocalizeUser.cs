namespace Localize.Storage.People;

/// <summary>
/// An account as ASP.NET Core Identity manages it: a name, a password hash made by Identity's hasher, the stamps
/// Identity uses to invalidate sessions and detect concurrent updates, and the lockout counters.
/// </summary>
public sealed class LocalizeUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string UserName { get; set; } = string.Empty;

    public string NormalizedUserName { get; set; } = string.Empty;

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool LockoutEnabled { get; set; } = true;

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>When an administrator disabled the account; null while it may sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public override string ToString() => UserName;
}
