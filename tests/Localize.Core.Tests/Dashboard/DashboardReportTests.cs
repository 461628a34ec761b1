using Localize.Core.Dashboard;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Tests.Dashboard;

/// <summary>The dashboard's figures from stored facts: each cell's state, queue ages, cost and throughput.</summary>
public sealed class DashboardReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private const string Source = "hash-now";

    public static TheoryData<string, int?, bool, string?, string> Cells => new()
    {
        // segments by state (N new, M machine, R review, A approved, X rejected, O outdated) | published version | published is outdated | signature | expected state
        { "N4", null, false, null, "untranslated" },
        { "N1 R3", null, false, null, "in-mt" },
        { "O1 A3", null, false, null, "in-mt" },
        { "M1 R3", null, false, null, "in-mt" },
        { "R1 A3", null, false, null, "in-review" },
        { "X1 A3", null, false, null, "in-review" },
        { "A4", null, false, null, "approved" },
        { "A4", null, false, "old-source", "approved" },
        { "A4", null, false, "before-last-change", "approved" },
        { "A4", null, false, "current", "signed" },
        { "A4", 2, false, "current", "published" },
        { "O1 A3", 2, true, "current", "outdated" },
        { "A4", 2, true, null, "outdated" },
        { "R1 A3", 2, false, null, "in-review" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_has_one_state(string segments, int? published, bool outdated, string? signature, string expected)
    {
        var cell = Cell(segments, published, outdated);
        var signed = signature switch
        {
            null => null,
            "old-source" => Signature("hash-before", Now),
            "before-last-change" => Signature(Source, cell.UpdatedAt.AddMinutes(-1)),
            _ => Signature(Source, cell.UpdatedAt.AddMinutes(1)),
        };

        Assert.Equal(expected, ArticleLocaleStates.Classify(cell, Source, signed).Id());
    }

    [Fact]
    public void Queue_ages_fall_into_buckets_and_an_assignment_past_its_due_date_with_work_waiting_is_overdue()
    {
        ReviewItem[] queue = [Waiting("a", TimeSpan.FromHours(5)), Waiting("a", TimeSpan.FromDays(2)), Waiting("b", TimeSpan.FromDays(20))];
        ReviewAssignment[] assignments =
        [
            new("a", "es", "ana", Now.AddHours(-5), "maria", Now.AddDays(-3)),
            new("c", "es", "ben", Now.AddHours(-5), "maria", Now.AddDays(-3)),
        ];

        var queues = DashboardReport.Queues(queue, [Cell("R2", null, false) with { Slug = "a" }], assignments, Now);

        Assert.Equal([1, 1, 0, 0, 1], queues.AgeDistribution.Select(b => b.Segments));
        Assert.Equal(Now.AddDays(-20), Assert.Single(queues.Locales).OldestSince);
        Assert.Equal(TimeSpan.FromDays(2), queues.Locales[0].MedianAge);
        Assert.Equal([("ana", 2, 1), (null, 1, 0)], queues.Reviewers.Select(r => (r.Reviewer, r.Segments, r.OverdueArticles)));
        Assert.Equal([true, false], queues.Assignments.Select(a => a.Overdue));
    }

    [Fact]
    public void Cost_is_characters_charged_times_the_price_per_million_this_month_and_per_month()
    {
        var prices = new CostPrices("EUR", new Dictionary<string, decimal> { ["azure"] = 10m });
        UsageDay[] usage =
        [
            new(new DateOnly(2026, 11, 2), "azure", "es", 1_300_000, 1_250_000, 10),
            new(new DateOnly(2026, 11, 20), "azure", "fr", 100_000, 100_000, 2),
            new(new DateOnly(2026, 11, 20), "apertium", "es", 900_000, 0, 9),
            new(new DateOnly(2026, 9, 1), "azure", "es", 500_000, 500_000, 5),
            new(new DateOnly(2026, 4, 30), "azure", "es", 9_000_000, 9_000_000, 5),
        ];

        var costs = DashboardReport.Costs(usage, prices, Now);

        Assert.Equal(13.50m, costs.ThisMonth);
        Assert.Equal([("apertium", "es", 0m), ("azure", "es", 12.50m), ("azure", "fr", 1.00m)], costs.Rows.Select(r => (r.Engine, r.Locale, r.Cost)));
        Assert.Equal(["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"], costs.Months.Select(m => m.Month));
        Assert.Equal([0m, 0m, 0m, 5m, 0m, 13.5m], costs.Months.Select(m => m.Cost));
    }

    [Fact]
    public void Throughput_counts_the_last_30_days_including_today()
    {
        ApprovalDay[] approvals = [new(new DateOnly(2026, 11, 24), "es", 3, 40), new(new DateOnly(2026, 11, 24), "fr", 1, 10), new(new DateOnly(2026, 10, 25), "es", 7, 70), new(new DateOnly(2026, 10, 24), "es", 9, 90)];

        var throughput = DashboardReport.Throughput(approvals, Now);

        Assert.Equal(30, throughput.Days.Count);
        Assert.Equal((new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 24)), (throughput.Days[0].Day, throughput.Days[^1].Day));
        Assert.Equal((4, 50), (throughput.Segments, throughput.Words));
    }

    private static ArticleLocaleStatus Cell(string segments, int? published, bool outdated)
    {
        var byState = segments.Split(' ').ToDictionary(
            s => s[0] switch { 'N' => SegmentState.New, 'M' => SegmentState.MachineTranslated, 'R' => SegmentState.InReview, 'A' => SegmentState.Approved, 'X' => SegmentState.Rejected, _ => SegmentState.Outdated },
            s => int.Parse(s[1..]));
        return new ArticleLocaleStatus("a", "p", "A", "es", byState.Values.Sum(), 100, byState, published, outdated, Now.AddHours(-1));
    }

    private static ArticleSignature Signature(string sourceHash, DateTimeOffset at) => new("a", "es", "content", sourceHash, "ana", at, "Reviewed");

    private static ReviewItem Waiting(string slug, TimeSpan age) =>
        new(1, slug, "p", "A", "es", 1, "p1", "paragraph", "S", "T", "T", "apertium", SegmentState.InReview, 1, [], [], Now - age);
}
