using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Dashboard;

/// <summary>
/// Reads the stores once and makes every view of the manager dashboard. The web page, its JSON endpoints and
/// <c>localize status</c> all go through here, so they show the same figures for the same database.
/// </summary>
public sealed class DashboardReader(IStatusQueries statusQueries, IReviewQueries reviewQueries, IReviewRecordStore records, IDashboardFacts facts, CostPrices prices, TimeProvider clock)
{
    /// <summary>The views, each with a JSON endpoint <c>/api/dashboard/&lt;view&gt;</c>.</summary>
    public static IReadOnlyList<string> Views { get; } = ["matrix", "queues", "costs", "quality", "throughput"];

    public async Task<DashboardViews> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cells = await statusQueries.ListStatusAsync(cancellationToken);
        var assignments = await records.ListAssignmentsAsync(cancellationToken);
        var queue = await reviewQueries.ListReviewQueueAsync(null, null, cancellationToken);
        var read = await facts.ReadAsync(DashboardReport.Since(now), cancellationToken);
        return new DashboardViews(
            DashboardReport.Matrix(cells, assignments, read, now),
            DashboardReport.Queues(queue, cells, assignments, now),
            DashboardReport.Costs(read.Usage, prices, now),
            DashboardReport.Quality(read, now),
            DashboardReport.Throughput(read.Approvals, now));
    }
}

public sealed record DashboardViews(DashboardMatrix Matrix, DashboardQueues Queues, DashboardCosts Costs, DashboardQuality Quality, DashboardThroughput Throughput)
{
    /// <summary>One view by its name in <see cref="DashboardReader.Views"/>; null for any other name.</summary>
    public object? View(string name) => name switch
    {
        "matrix" => Matrix,
        "queues" => Queues,
        "costs" => Costs,
        "quality" => Quality,
        "throughput" => Throughput,
        _ => null,
    };
}
