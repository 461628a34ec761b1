using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Humanizer;
using Localize.Core.Dashboard;
using Localize.Core.Workflow;
using Localize.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary><c>localize status</c>: the article × locale matrix and the files that could not be used.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the matrix as the dashboard's JSON (GET /api/dashboard/matrix) instead of a table" };
        var status = new Command(
            "status",
            "Show every article × locale: state, progress, review, publication; and source errors.\n\nExample: localize status\n         localize status --json > matrix.json")
        {
            json,
        };
        status.SetAction(async (parseResult, cancellationToken) =>
        {
            // No log output: status prints every error itself, once, on stderr.
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken, Microsoft.Extensions.Logging.LogLevel.None);
            var articles = services.GetRequiredService<IArticleStore>();

            // The dashboard's own figures, so the table, the JSON and the web page agree for the same database.
            var matrix = (await services.GetRequiredService<DashboardReader>().ReadAsync(cancellationToken)).Matrix;
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(matrix, DashboardJson.Options));
            }
            else
            {
                CliTable.Write(
                    ["Article", "Locale", "State", "Segments", "Words", "Approved", "Waiting for MT", "In review", "Reviewer", "Published", "Last change"],
                    matrix.Rows.Select(row => (IReadOnlyList<string>)
                    [
                        row.Slug,
                        row.Locale,
                        row.State,
                        row.Segments.ToString(CultureInfo.InvariantCulture),
                        row.Words.ToMetric(decimals: 1),
                        $"{row.ApprovedSegments}/{row.Segments} ({Humanized.Count(row.ApprovedWords, "word")})",
                        // New or outdated: the machine has not answered yet; if it stays above 0, the log says why.
                        row.WaitingForMachine.ToString(CultureInfo.InvariantCulture),
                        row.InReview.ToString(CultureInfo.InvariantCulture),
                        row.Assignee is null ? "-" : $"{row.Assignee}, {Humanized.Due(row.DueAt, matrix.GeneratedAt)}",
                        row.PublishedVersion is { } v ? $"v{v}" : "-",
                        Humanized.Ago(row.UpdatedAt, matrix.GeneratedAt),
                    ]));
            }

            // A broken pipeline file stops a whole pipeline, so it is listed first: as the worker reads it now.
            var pipelineErrors = services.GetRequiredService<FilePipelineCatalog>().Reload().Errors;
            foreach (var error in pipelineErrors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            var errors = await articles.ListSourceErrorsAsync(cancellationToken);
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"error: {error}");
            }

            return errors.Count + pipelineErrors.Count == 0 ? LocalizeCommandLine.Ok : LocalizeCommandLine.Failed;
        });
        return status;
    }
}
