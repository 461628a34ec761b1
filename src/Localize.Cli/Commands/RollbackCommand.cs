using System.CommandLine;
using Localize.Core.Publishing;
using Localize.Core.Review;
using Localize.Storage.People;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary><c>localize rollback &lt;slug&gt; &lt;locale&gt; [--to N]</c>: puts an earlier published version back online.</summary>
public static class RollbackCommand
{
    public static Command Create()
    {
        var slug = new Argument<string>("slug") { Description = "The article, e.g. ketamine-infusions-chronic-migraine" };
        var locale = new Argument<string>("locale") { Description = "The locale, e.g. es" };
        var to = new Option<int?>("--to") { Description = "The version to restore; default: the one before the version online" };
        var by = new Option<string>("--by") { Description = "The account that decides the rollback: an existing manager or admin (recorded in the audit trail)", Required = true };
        var rollback = new Command(
            "rollback",
            "Put an earlier published version of an article back online. The rollback is recorded as a new version (and in the audit trail); the worker does not republish over it until a reviewer approves something newer.\n\nExample: localize rollback ketamine-infusions-chronic-migraine es --to 1 --by maria")
        {
            slug, locale, to, by,
        };
        rollback.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var actor = await FindManagerAsync(services, parseResult.GetRequiredValue(by), "roll back", cancellationToken);
            if (actor is null)
            {
                return LocalizeCommandLine.Failed;
            }

            var result = await services.GetRequiredService<RollbackService>().RollbackAsync(
                parseResult.GetRequiredValue(slug), parseResult.GetRequiredValue(locale), parseResult.GetValue(to), actor.Name, cancellationToken);
            if (result.Publication is not { } publication)
            {
                Console.Error.WriteLine($"not rolled back: {result.Problem}");
                return LocalizeCommandLine.Failed;
            }

            Console.WriteLine($"{publication.Locale}/{publication.Slug}: version {publication.RestoredVersion} is online again as version {publication.Version}");
            return LocalizeCommandLine.Ok;
        });
        return rollback;
    }

    /// <summary>
    /// The same rule as the web app's: rollback and unpublish are a manager's or admin's decision, made under their
    /// own account. Says why on stderr and returns null otherwise.
    /// </summary>
    internal static async Task<ReviewActor?> FindManagerAsync(IServiceProvider services, string name, string action, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().FindActorAsync(name, cancellationToken);
        if (actor is null || !actor.CanAssign)
        {
            Console.Error.WriteLine(actor is null
                ? $"there is no account named '{name}'; create it with: localize users add {name} --role manager"
                : $"{name} may not {action}: that needs a manager or admin (roles: {string.Join(", ", actor.Roles)})");
            return null;
        }

        return actor;
    }
}
