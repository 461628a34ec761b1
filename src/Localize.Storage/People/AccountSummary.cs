namespace Localize.Storage.People;

/// <summary>An account as the admin page and <c>localize users list</c> show it.</summary>
/// <param name="DisabledAt">When an administrator disabled it; null while it may sign in.</param>
public sealed record AccountSummary(string Name, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Locales, DateTimeOffset? DisabledAt)
{
    public bool IsDisabled => DisabledAt is not null;
}
