using System.CommandLine;
using Localize.Core.Publishing;
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
            var actor = await CliAccounts.FindManagerAsync(services, parseResult.GetRequiredValue(by), "roll back", cancellationToken);
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
}
