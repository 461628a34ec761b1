using System.CommandLine;
using Localize.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary><c>localize unpublish &lt;slug&gt; &lt;locale&gt; --by &lt;account&gt;</c>: takes a published page offline.</summary>
public static class UnpublishCommand
{
    public static Command Create()
    {
        var slug = new Argument<string>("slug") { Description = "The article, e.g. ketamine-infusions-chronic-migraine" };
        var locale = new Argument<string>("locale") { Description = "The locale, e.g. es" };
        var by = new Option<string>("--by") { Description = "The account that decides it: an existing manager or admin (recorded in the audit trail)", Required = true };
        var unpublish = new Command(
            "unpublish",
            "Take an article in one locale offline. Recorded as a new version (and in the audit trail); every earlier version is kept, and 'localize rollback' puts one back online.\n\nExample: localize unpublish ketamine-infusions-chronic-migraine es --by maria")
        {
            slug, locale, by,
        };
        unpublish.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var actor = await CliAccounts.FindManagerAsync(services, parseResult.GetRequiredValue(by), "unpublish", cancellationToken);
            if (actor is null)
            {
                return LocalizeCommandLine.Failed;
            }

            var result = await services.GetRequiredService<UnpublishService>().UnpublishAsync(
                parseResult.GetRequiredValue(slug), parseResult.GetRequiredValue(locale), actor.Name, cancellationToken);
            if (result.Publication is not { } publication)
            {
                Console.Error.WriteLine($"not unpublished: {result.Problem}");
                return LocalizeCommandLine.Failed;
            }

            Console.WriteLine($"{publication.Locale}/{publication.Slug} is offline (version {publication.Version})");
            return LocalizeCommandLine.Ok;
        });
        return unpublish;
    }
}
