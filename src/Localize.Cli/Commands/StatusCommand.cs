using System.CommandLine;
using Humanizer;
using Localize.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary><c>localize status</c>: the article × locale matrix and the files that could not be used.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var status = new Command("status", "Show every article × locale: progress, review, publication; and source errors.\n\nExample: localize status");
        status.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var store = services.GetRequiredService<IWorkflowStore>();
            var cells = await store.ListStatusAsync(cancellationToken);
            CliTable.Write(
                ["Article", "Locale", "Segments", "Words", "Approved", "In review", "Published", "Last change"],
                cells.Select(cell => (IReadOnlyList<string>)
                [
                    cell.Slug,
                    cell.Locale,
                    cell.Segments.ToString(),
                    cell.Words.ToMetric(decimals: 1),
                    cell.ByState.GetValueOrDefault(SegmentState.Approved).ToString(),
                    cell.ByState.GetValueOrDefault(SegmentState.InReview).ToString(),
                    cell.PublishedVersion is { } v ? $"v{v}{(cell.PublishedIsOutdated ? " (outdated)" : string.Empty)}" : "-",
                    cell.UpdatedAt.Humanize(),
                ]));
            var errors = await store.ListSourceErrorsAsync(cancellationToken);
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"error: {error}");
            }

            return errors.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
        });
        return status;
    }
}
