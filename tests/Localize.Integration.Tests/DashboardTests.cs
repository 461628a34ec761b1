using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Localize.Cli;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// The manager dashboard as a manager uses it, over HTTP against the real host: the matrix with the seed article's
/// state and progress, assigning a reviewer with a due date, the charts, the cost from the metered characters and the
/// configured price, and each view's JSON; and <c>localize status</c> printing the same matrix.
/// </summary>
public sealed partial class DashboardTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Password = "a long test passphrase";

    /// <summary>Spanish through the Azure engine (the loopback emulator meters what it charges); pseudo as usual.</summary>
    public static TestRepository NewRepository() =>
        new(File.ReadAllText(Testing.RepositoryPaths.DefaultPipeline).Replace("engine: apertium", "engine: azure"));

    /// <summary>Azure's list price per million characters, and a price for the pseudo engine (charged: 0 characters).</summary>
    public static Dictionary<string, string?> Settings(Emulator emulator) => new()
    {
        ["Localize:Engines:Azure:Endpoint"] = emulator.BaseAddress.ToString(),
        ["Localize:Engines:Azure:Key"] = emulator.Key,
        ["Localize:Costs:Currency"] = "EUR",
        ["Localize:Costs:PerMillionCharacters:azure"] = "10",
        ["Localize:Costs:PerMillionCharacters:pseudo"] = "20",
    };

    [Fact]
    public async Task A_manager_sees_the_matrix_assigns_a_reviewer_with_a_due_date_and_reads_cost_quality_and_charts()
    {
        using var repository = NewRepository();
        await using var emulator = await Emulator.StartAsync();
        await using var server = await RunningServer.StartAsync(repository, Settings(emulator));
        await InProcessCli.AddUserAsync(repository, "dr-garcia", "reviewer", Password, "es");
        await WaitForReviewAsync(server, "es");
        await WaitForReviewAsync(server, "qps-ploc");
        var manager = await server.ManagerAsync();

        var page = await manager.GetStringAsync("/dashboard");
        Assert.Matches($"""<tr data-slug="{Slug}" data-locale="es" data-state="in-review">""", page);
        Assert.Matches(@"\d+(\.\d)?K? words of [\d.]+K? words approved|0 words of \d", page);
        foreach (var chart in new[] { "chart-queue-age", "chart-throughput", "chart-cost" })
        {
            Assert.Matches($"""<svg id="{chart}" class="chart" role="img" aria-labelledby="{chart}-title""", page);
        }

        // Every segment in review is in the queue-age chart: its bars add up to the queue.
        var inReview = (await server.Store.ListReviewQueueAsync(null, null, default)).Count;
        var ageBars = Regex.Match(page, """<svg id="chart-queue-age".*?</svg>""", RegexOptions.Singleline).Value;
        Assert.Equal(inReview, BarValues(ageBars).Sum());

        // A due date already past is no date anyone can meet: refused.
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        using (var past = await manager.SubmitAsync("/dashboard", "Assign", new() { ["slug"] = Slug, ["locale"] = "es", ["assignee"] = "dr-garcia", ["dueAt"] = yesterday }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
            Assert.Contains("is in the past", await past.Content.ReadAsStringAsync());
        }

        // An assignment made a week ago, due yesterday (time passed since): the matrix says overdue, the JSON too.
        var weekAgo = DateTimeOffset.UtcNow.AddDays(-7);
        await server.Services.GetRequiredService<Localize.Core.Review.IReviewRecordStore>().AssignAsync(
            new Localize.Core.Review.ReviewAssignment(Slug, "es", "dr-garcia", DateTimeOffset.UtcNow.AddDays(-1), "test-manager", weekAgo), default);

        page = await manager.GetStringAsync("/dashboard");
        Assert.Contains("<div class=\"assignee\">dr-garcia</div>", page);
        Assert.Matches(@"<div class=""overdue"">overdue by \d+ (hours?|days?)</div>", page);
        var matrix = await JsonAsync(manager, "/api/dashboard/matrix");
        var row = matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("slug").GetString() == Slug && r.GetProperty("locale").GetString() == "es");
        Assert.Equal("dr-garcia", row.GetProperty("assignee").GetString());
        Assert.True(row.GetProperty("overdue").GetBoolean());

        // Reassigning to someone who is not a reviewer of the locale is refused, and changes nothing.
        using (var refused = await manager.SubmitAsync("/dashboard", "Assign", new() { ["slug"] = Slug, ["locale"] = "qps-ploc", ["assignee"] = "dr-garcia", ["dueAt"] = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-dd") }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("is not a medical reviewer of qps-ploc", await refused.Content.ReadAsStringAsync());
        }

        // A reviewer approves one segment: today's throughput counts it.
        using (var reviewer = await ReviewerClient.SignInAsync(server, "dr-garcia", Password))
        {
            var segment = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).First(s => s.State == SegmentState.InReview && !s.HasBlockingNotes);
            using var approved = await reviewer.SubmitAsync($"/review/es/{Slug}", "Approve", new() { ["id"] = segment.TranslationId.ToString(), ["version"] = segment.Version.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var throughput = await JsonAsync(manager, "/api/dashboard/throughput");
        Assert.Equal(1, throughput.GetProperty("segments").GetInt32());
        Assert.Equal(1, throughput.GetProperty("days").EnumerateArray().Last().GetProperty("segments").GetInt32());

        // Cost: the characters the meter charged this month × the configured price per million, per engine.
        var costs = await JsonAsync(manager, "/api/dashboard/costs");
        Assert.Equal("EUR", costs.GetProperty("currency").GetString());
        var charged = await ChargedThisMonthAsync(server);
        Assert.Equal(emulator.CharactersMetered, charged.Single(c => c.Engine == "azure").Characters);
        var expected = charged.Sum(c => Math.Round((c.Engine == "pseudo" ? 20m : 10m) * c.Characters / 1_000_000m, 4));
        Assert.True(expected > 0);
        Assert.Equal(expected, costs.GetProperty("thisMonth").GetDecimal());
        Assert.Equal(expected, costs.GetProperty("months").EnumerateArray().Last().GetProperty("cost").GetDecimal());

        // Quality: a score per locale, and the open findings by check id.
        var quality = await JsonAsync(manager, "/api/dashboard/quality");
        Assert.Contains(quality.GetProperty("locales").EnumerateArray(), q => q.GetProperty("locale").GetString() == "es" && q.GetProperty("score").GetDouble() == 100);
        Assert.Contains(quality.GetProperty("findings").EnumerateArray(), f => f.GetProperty("check").GetString()!.Contains(':'));

        var queues = await JsonAsync(manager, "/api/dashboard/queues");
        Assert.Equal(inReview - 1, queues.GetProperty("waiting").GetInt32());
        Assert.Contains(queues.GetProperty("reviewers").EnumerateArray(), r => r.GetProperty("reviewer").GetString() == "dr-garcia" && r.GetProperty("overdueArticles").GetInt32() == 1);

        using var unknown = await manager.GetAsync("/api/dashboard/everything");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Localize_status_prints_the_same_matrix_as_the_dashboard_json()
    {
        using var repository = NewRepository();
        await using var emulator = await Emulator.StartAsync();
        await using var server = await RunningServer.StartAsync(repository, Settings(emulator));
        await WaitForReviewAsync(server, "es");
        await WaitForReviewAsync(server, "qps-ploc");
        var manager = await server.ManagerAsync();

        // The worker is idle (everything in review), so both read the same database state.
        var json = await JsonAsync(manager, "/api/dashboard/matrix");
        var cli = await InProcessCli.RunAsync(repository, null, "status", "--json");
        var table = await InProcessCli.RunAsync(repository, null, "status");

        Assert.Equal(LocalizeCommandLine.Ok, cli.ExitCode);
        Assert.Equal(WithoutGeneratedAt(json), WithoutGeneratedAt(JsonDocument.Parse(cli.Output).RootElement));

        // The table (plain columns when redirected) has one line per matrix row with the same state and counts.
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var rows = json.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(rows.Length, lines.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = Regex.Split(lines[i].Trim(), @"\s{2,}");
            Assert.Equal(
                [rows[i].GetProperty("slug").GetString(), rows[i].GetProperty("locale").GetString(), rows[i].GetProperty("state").GetString(), rows[i].GetProperty("segments").GetInt32().ToString(), rows[i].GetProperty("words").GetInt32().ToString()],
                cells[..5]);
        }
    }

    [Fact]
    public async Task A_negative_price_stops_the_host_naming_the_setting()
    {
        using var repository = new TestRepository();

        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RunningServer.StartAsync(repository, new Dictionary<string, string?> { ["Localize:Costs:PerMillionCharacters:azure"] = "-1" }));

        Assert.Contains("Localize:Costs:PerMillionCharacters: a price cannot be negative", refused.Message);
    }

    private static async Task WaitForReviewAsync(RunningServer server, string locale) =>
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(Slug, locale, default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            $"{locale} segments in review");

    private static async Task<JsonElement> JsonAsync(ReviewerClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string WithoutGeneratedAt(JsonElement matrix) => JsonSerializer.Serialize(matrix.GetProperty("rows"));

    private static IEnumerable<double> BarValues(string svg) =>
        BarValue().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<IReadOnlyList<(string Engine, long Characters)>> ChargedThisMonthAsync(RunningServer server)
    {
        await using var connection = await server.Services.GetRequiredService<LocalizeDatabase>().OpenConnectionAsync(default);
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM");
        return [.. await connection.QueryAsync<(string, long)>(
            "SELECT engine_id, CAST(SUM(characters_charged) AS BIGINT) FROM mt_usage WHERE substr(day, 1, 7) = @month GROUP BY engine_id", new { month })];
    }

    [GeneratedRegex("""<rect class="bar"[^>]*data-value="([\d.]+)">""")]
    private static partial Regex BarValue();
}
