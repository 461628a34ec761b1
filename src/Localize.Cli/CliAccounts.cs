using Localize.Core.Review;
using Localize.Storage.People;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli;

/// <summary>
/// The account a command acts as: the CLI names it (<c>--by</c>, <c>--reviewer</c>, <c>--editor</c>), the same rules as
/// the web app's decide what it may do, and the audit trail records it.
/// </summary>
internal static class CliAccounts
{
    /// <summary>The named account when it may act; otherwise null, having said why on stderr.</summary>
    /// <param name="createWith">The <c>users add</c> options that would create a fitting account, for the hint.</param>
    /// <param name="whyNot">Why an existing account may not act, or null when it may.</param>
    public static async Task<ReviewActor?> FindAsync(
        IServiceProvider services, string name, string createWith, Func<ReviewActor, string?> whyNot, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
        var actor = await people.FindActorAsync(name, cancellationToken);
        var problem = actor is null ? $"there is no account named '{name}'; create it with: localize users add {name} {createWith}"
            : await people.IsDisabledAsync(actor.Name) ? $"the account {actor.Name} is disabled; an administrator enables it with: localize users enable {actor.Name}"
            : whyNot(actor);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync(problem);
            return null;
        }

        return actor;
    }

    /// <summary>Rollback and unpublish are a manager's or admin's decision, as on the web.</summary>
    public static Task<ReviewActor?> FindManagerAsync(IServiceProvider services, string name, string action, CancellationToken cancellationToken) =>
        FindAsync(
            services, name, "--role manager",
            actor => actor.CanAssign ? null : $"{name} may not {action}: that needs a manager or admin (roles: {string.Join(", ", actor.Roles)})",
            cancellationToken);
}
