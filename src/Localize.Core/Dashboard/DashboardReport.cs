using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Dashboard;

/// <summary>
/// Makes the manager dashboard's figures from what the stores hold: the matrix, the review queues, machine-translation
/// cost, quality and throughput. Pure: the caller reads the stores and passes the time, so the same database gives the
/// same report (the web page, its JSON endpoints and <c>localize status</c> all use this).
/// </summary>
public static class DashboardReport
{
    /// <summary>Days in the throughput series, months in the cost series.</summary>
    public const int Days = 30, Months = 6;

    /// <summary>The queue-age buckets of the distribution chart: upper bounds (exclusive), the last open-ended.</summary>
    public static readonly IReadOnlyList<(string Label, TimeSpan UpTo)> AgeBuckets =
    [
        ("under 1 day", TimeSpan.FromDays(1)),
        ("1–3 days", TimeSpan.FromDays(3)),
        ("3–7 days", TimeSpan.FromDays(7)),
        ("1–2 weeks", TimeSpan.FromDays(14)),
        ("over 2 weeks", TimeSpan.MaxValue),
    ];

    /// <summary>The first UTC day whose usage and approvals the report needs.</summary>
    public static DateOnly Since(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var firstDay = today.AddDays(-(Days - 1));
        return firstMonth < firstDay ? firstMonth : firstDay;
    }

    public static DashboardMatrix Matrix(
        IReadOnlyList<ArticleLocaleStatus> cells, IReadOnlyList<ReviewAssignment> assignments, DashboardFacts facts, DateTimeOffset now)
    {
        var sources = facts.Articles.ToDictionary(a => a.Slug, a => a.SourceHash);
        var signatures = facts.LatestSignatures.ToDictionary(s => (s.Slug, s.Locale));
        var assigned = assignments.ToDictionary(a => (a.Slug, a.Locale));
        var approvedWords = facts.Segments.Where(t => t.State == SegmentState.Approved)
            .GroupBy(t => (t.Slug, t.Locale)).ToDictionary(g => g.Key, g => g.Sum(t => t.Words));
        var severities = facts.MqmIssues.ToLookup(i => (i.Slug, i.Locale), i => i.Severity);
        var rows = cells.Select(cell =>
        {
            var key = (cell.Slug, cell.Locale);
            assigned.TryGetValue(key, out var assignment);
            var state = ArticleLocaleStates.Classify(cell, sources.GetValueOrDefault(cell.Slug), signatures.GetValueOrDefault(key));
            return new MatrixRow(
                cell.Slug,
                cell.Title,
                cell.Locale,
                state.Id(),
                cell.Segments,
                cell.Words,
                cell.ByState.GetValueOrDefault(SegmentState.Approved),
                approvedWords.GetValueOrDefault(key),
                cell.ByState.GetValueOrDefault(SegmentState.InReview) + cell.ByState.GetValueOrDefault(SegmentState.Rejected),
                cell.ByState.GetValueOrDefault(SegmentState.New) + cell.ByState.GetValueOrDefault(SegmentState.Outdated),
                Math.Round(MqmScore.From(cell.Words, severities[key]).Score, 1),
                cell.PublishedVersion,
                assignment?.Assignee,
                assignment?.DueAt,
                assignment?.DueAt < now && state is not (ArticleLocaleState.Signed or ArticleLocaleState.Published),
                cell.UpdatedAt);
        }).ToArray();
        return new DashboardMatrix(now, rows);
    }

    public static DashboardQueues Queues(
        IReadOnlyList<ReviewItem> queue, IReadOnlyList<ArticleLocaleStatus> cells, IReadOnlyList<ReviewAssignment> assignments, DateTimeOffset now)
    {
        var assigned = assignments.ToDictionary(a => (a.Slug, a.Locale));
        var words = cells.ToDictionary(c => (c.Slug, c.Locale), c => c.Words);
        var locales = queue.GroupBy(q => q.Locale).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LocaleQueue(g.Key, g.Count(), g.Select(q => q.Slug).Distinct().Count(), g.Min(q => q.UpdatedAt), Median(g.Select(q => now - q.UpdatedAt))))
            .ToArray();
        var reviewers = queue
            .GroupBy(q => (Reviewer: assigned.TryGetValue((q.Slug, q.Locale), out var a) ? a.Assignee : null, q.Locale))
            .OrderBy(g => g.Key.Reviewer ?? "\uffff", StringComparer.Ordinal).ThenBy(g => g.Key.Locale, StringComparer.Ordinal)
            .Select(g => new ReviewerQueue(
                g.Key.Reviewer,
                g.Key.Locale,
                g.Count(),
                g.Select(q => q.Slug).Distinct().Count(),
                g.Min(q => q.UpdatedAt),
                g.Select(q => q.Slug).Distinct().Count(slug => assigned.TryGetValue((slug, g.Key.Locale), out var a) && a.DueAt < now)))
            .ToArray();
        var waiting = queue.GroupBy(q => (q.Slug, q.Locale)).ToDictionary(g => g.Key, g => g.Count());
        var due = assignments
            .Select(a => new AssignmentRow(a.Slug, a.Locale, a.Assignee, a.DueAt, a.DueAt < now && waiting.ContainsKey((a.Slug, a.Locale)), waiting.GetValueOrDefault((a.Slug, a.Locale)), words.GetValueOrDefault((a.Slug, a.Locale)), a.AssignedBy, a.AssignedAt))
            .OrderBy(a => a.DueAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToArray();
        var distribution = AgeBuckets.Select((bucket, i) => new AgeBucket(
                bucket.Label,
                queue.Count(q => now - q.UpdatedAt < bucket.UpTo && (i == 0 || now - q.UpdatedAt >= AgeBuckets[i - 1].UpTo))))
            .ToArray();
        return new DashboardQueues(now, queue.Count, locales, reviewers, due, distribution);
    }

    public static DashboardCosts Costs(IReadOnlyList<UsageDay> usage, CostPrices prices, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var rows = usage.Where(u => u.Day >= thisMonth)
            .GroupBy(u => (u.EngineId, u.Locale))
            .OrderBy(g => g.Key.EngineId, StringComparer.Ordinal).ThenBy(g => g.Key.Locale, StringComparer.Ordinal)
            .Select(g => new CostRow(
                g.Key.EngineId,
                g.Key.Locale,
                g.Sum(u => u.CharactersSent),
                g.Sum(u => u.CharactersCharged),
                prices.PriceOf(g.Key.EngineId),
                prices.CostOf(g.Key.EngineId, g.Sum(u => u.CharactersCharged))))
            .ToArray();
        var months = Enumerable.Range(0, Months).Select(i => thisMonth.AddMonths(i - (Months - 1)))
            .Select(month =>
            {
                var inMonth = usage.Where(u => u.Day.Year == month.Year && u.Day.Month == month.Month).ToArray();
                return new CostMonth(
                    $"{month:yyyy-MM}",
                    inMonth.Sum(u => u.CharactersCharged),
                    inMonth.GroupBy(u => u.EngineId).Sum(g => prices.CostOf(g.Key, g.Sum(u => u.CharactersCharged))));
            })
            .ToArray();
        return new DashboardCosts(now, prices.Currency, $"{thisMonth:yyyy-MM}", rows.Sum(r => r.Cost), rows, months, prices.PerMillionCharacters);
    }

    public static DashboardQuality Quality(DashboardFacts facts, DateTimeOffset now)
    {
        // Words per locale and per engine are those of the current translations; an MQM issue counts against the
        // engine whose output the segment holds (null: written by hand or from memory).
        var locales = facts.Segments.GroupBy(t => t.Locale).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, null, g.Sum(t => t.Words), facts.MqmIssues.Where(i => i.Locale == g.Key)))
            .ToArray();
        var engines = facts.Segments.Where(t => t.EngineId is not null).GroupBy(t => (t.Locale, Engine: t.EngineId!))
            .OrderBy(g => g.Key.Locale, StringComparer.Ordinal).ThenBy(g => g.Key.Engine, StringComparer.Ordinal)
            .Select(g => Score(g.Key.Locale, g.Key.Engine, g.Sum(t => t.Words), facts.MqmIssues.Where(i => i.Locale == g.Key.Locale && i.EngineId == g.Key.Engine)))
            .ToArray();
        var findings = facts.Findings
            .GroupBy(f => (Check: f.Origin.ToString(), f.Severity))
            .Select(g => new FindingRow(g.Key.Check, g.Key.Severity.ToString().ToLowerInvariant(), g.Sum(f => f.Count), g.ToDictionary(f => f.Locale, f => f.Count)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Check, StringComparer.Ordinal)
            .ToArray();
        return new DashboardQuality(now, locales, engines, findings);
    }

    public static DashboardThroughput Throughput(IReadOnlyList<ApprovalDay> approvals, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = Enumerable.Range(0, Days).Select(i => today.AddDays(i - (Days - 1)))
            .Select(day => new ThroughputDay(day, approvals.Where(a => a.Day == day).Sum(a => a.Segments), approvals.Where(a => a.Day == day).Sum(a => a.Words)))
            .ToArray();
        return new DashboardThroughput(now, days.Sum(d => d.Segments), days.Sum(d => d.Words), days);
    }

    private static QualityScore Score(string locale, string? engine, int words, IEnumerable<MqmIssueFact> issues)
    {
        var score = MqmScore.From(words, issues.Select(i => i.Severity));
        return new QualityScore(locale, engine, words, score.Issues, score.Penalty, Math.Round(score.Score, 1));
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> ages)
    {
        var sorted = ages.Order().ToArray();
        return sorted.Length == 0 ? TimeSpan.Zero
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>The article × locale matrix. <see cref="MatrixRow.State"/> is an <see cref="ArticleLocaleState"/> id;
/// <see cref="MatrixRow.Overdue"/>: past the due date and not yet signed off (nor published).</summary>
public sealed record DashboardMatrix(DateTimeOffset GeneratedAt, IReadOnlyList<MatrixRow> Rows);

public sealed record MatrixRow(
    string Slug,
    string Title,
    string Locale,
    string State,
    int Segments,
    int Words,
    int ApprovedSegments,
    int ApprovedWords,
    int InReview,
    int WaitingForMachine,
    double MqmScore,
    int? PublishedVersion,
    string? Assignee,
    DateTimeOffset? DueAt,
    bool Overdue,
    DateTimeOffset UpdatedAt);

public sealed record DashboardQueues(
    DateTimeOffset GeneratedAt,
    int Waiting,
    IReadOnlyList<LocaleQueue> Locales,
    IReadOnlyList<ReviewerQueue> Reviewers,
    IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyList<AgeBucket> AgeDistribution);

/// <param name="OldestSince">When the segment waiting longest entered its current state.</param>
public sealed record LocaleQueue(string Locale, int Segments, int Articles, DateTimeOffset OldestSince, TimeSpan MedianAge);

/// <param name="Reviewer">The assignee of the articles; null for segments of unassigned articles.</param>
public sealed record ReviewerQueue(string? Reviewer, string Locale, int Segments, int Articles, DateTimeOffset OldestSince, int OverdueArticles);

/// <param name="Overdue">Past its due date with segments still waiting for review.</param>
public sealed record AssignmentRow(string Slug, string Locale, string Assignee, DateTimeOffset? DueAt, bool Overdue, int Waiting, int Words, string AssignedBy, DateTimeOffset AssignedAt);

public sealed record AgeBucket(string Label, int Segments);

/// <param name="Month">The current month (<c>yyyy-MM</c>, UTC) that <see cref="Rows"/> and <see cref="ThisMonth"/> cover.</param>
public sealed record DashboardCosts(
    DateTimeOffset GeneratedAt,
    string Currency,
    string Month,
    decimal ThisMonth,
    IReadOnlyList<CostRow> Rows,
    IReadOnlyList<CostMonth> Months,
    IReadOnlyDictionary<string, decimal> PricePerMillionCharacters);

public sealed record CostRow(string Engine, string Locale, long CharactersSent, long CharactersCharged, decimal PricePerMillionCharacters, decimal Cost);

public sealed record CostMonth(string Month, long CharactersCharged, decimal Cost);

public sealed record DashboardQuality(DateTimeOffset GeneratedAt, IReadOnlyList<QualityScore> Locales, IReadOnlyList<QualityScore> Engines, IReadOnlyList<FindingRow> Findings);

/// <param name="Engine">Null for a locale's overall score.</param>
public sealed record QualityScore(string Locale, string? Engine, int Words, int Issues, int Penalty, double Score);

/// <param name="Check">Who raised the open findings: <c>check:numbers</c>, <c>engine:apertium</c> …</param>
public sealed record FindingRow(string Check, string Severity, int Count, IReadOnlyDictionary<string, int> ByLocale);

public sealed record DashboardThroughput(DateTimeOffset GeneratedAt, int Segments, int Words, IReadOnlyList<ThroughputDay> Days);

public sealed record ThroughputDay(DateOnly Day, int Segments, int Words);
