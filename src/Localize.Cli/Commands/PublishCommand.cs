using System.CommandLine;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Workflow;
using Localize.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize publish</c>: publishes now every article × locale that is fully approved and signed off for exactly
/// its current content (the worker's publish step, run once), and says what it published.
/// </summary>
public static class PublishCommand
{
    public static readonly IReadOnlySet<string> Steps = new HashSet<string> { SourceIntakeStep.StepName, PublishStep.StepName, OutdatedMetadataStep.StepName };

    public static Command Create()
    {
        var publish = new Command(
            "publish",
            "Publish every article × locale that is approved and signed off (as translations/<locale>/<slug>.md, a new numbered version), and list what was published.\n\n"
            + "Example: localize publish");
        publish.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var catalog = services.GetRequiredService<FilePipelineCatalog>().Reload();
            var publications = services.GetRequiredService<IPublicationStore>();
            var before = (await publications.ListLatestPublicationsAsync(cancellationToken)).ToDictionary(p => (p.Slug, p.Locale), p => p.Version);
            await PipelineProgress.RunAsync("publish", services.GetRequiredService<PipelineRunner>(), Steps, remaining: null, cancellationToken);
            var published = (await publications.ListLatestPublicationsAsync(cancellationToken))
                .Where(p => !before.TryGetValue((p.Slug, p.Locale), out var version) || version != p.Version)
                .ToArray();
            foreach (var publication in published)
            {
                Console.WriteLine($"publish: {publication.Path} (version {publication.Version}, signed-off content {publication.ContentHash[..12]})");
            }

            if (published.Length == 0)
            {
                Console.WriteLine("publish: nothing new to publish; an article × locale is published once every segment is approved and a reviewer signed it off");
            }

            var problems = services.GetRequiredService<PipelineRunProblems>().Current;
            foreach (var error in catalog.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
            }

            return catalog.Errors.Count + problems.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
        });
        return publish;
    }
}
