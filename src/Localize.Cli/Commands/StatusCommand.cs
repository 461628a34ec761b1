using System.CommandLine;
using Humanizer;
using Localize.Core.Workflow;
using Localize.Server.Hosting;
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
            // No log output: status prints every error itself, once, on stderr.
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken, Microsoft.Extensions.Logging.LogLevel.None);
            var store = services.GetRequiredService<IWorkflowStore>();
            var cells = await store.ListStatusAsync(cancellationToken);
            CliTable.Write(
                ["Article", "Locale", "Segments", "Words", "Waiting for MT", "In review", "Approved", "Published", "Last change"],
                cells.Select(cell => (IReadOnlyList<string>)
                [
                    cell.Slug,
                    cell.Locale,
                    cell.Segments.ToString(),
                    cell.Words.ToMetric(decimals: 1),
                    // New or outdated: the machine has not answered yet; if it stays above 0, the log says why.
                    (cell.ByState.GetValueOrDefault(SegmentState.New) + cell.ByState.GetValueOrDefault(SegmentState.Outdated)).ToString(),
                    cell.ByState.GetValueOrDefault(SegmentState.InReview).ToString(),
                    cell.ByState.GetValueOrDefault(SegmentState.Approved).ToString(),
                    cell.PublishedVersion is { } v ? $"v{v}{(cell.PublishedIsOutdated ? " (outdated)" : string.Empty)}" : "-",
                    cell.UpdatedAt.Humanize(),
                ]));

            // A broken pipeline file stops a whole pipeline, so it is listed first: as the worker reads it now.
            var pipelineErrors = services.GetRequiredService<FilePipelineCatalog>().Reload().Errors;
            foreach (var error in pipelineErrors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            var errors = await store.ListSourceErrorsAsync(cancellationToken);
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"error: {error}");
            }

            return errors.Count + pipelineErrors.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
        });
        return status;
    }
}
