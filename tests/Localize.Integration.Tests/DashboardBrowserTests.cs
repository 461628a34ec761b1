using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Testing;
using Emulator = Localize.TranslatorEmulator.TranslatorEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Localize.Integration.Tests;

/// <summary>
/// A localization manager's morning in Debian's Chromium: the dashboard shows the sample article in the matrix, the
/// manager assigns its Spanish review to a reviewer with a due date, and the charts are drawn with data.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Password = "maria's long passphrase";

    [Fact]
    public async Task The_manager_sees_the_matrix_assigns_a_reviewer_with_a_due_date_and_the_charts_render()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var repository = DashboardTests.NewRepository();
        await using var emulator = await Emulator.StartAsync();
        await using var server = await RunningServer.StartAsync(repository, DashboardTests.Settings(emulator));
        await InProcessCli.AddUserAsync(repository, "maria", "manager", Password);
        await InProcessCli.AddUserAsync(repository, "dr-garcia", "reviewer", "garcia's long passphrase", "es");
        foreach (var locale in new[] { "es", "qps-ploc" })
        {
            await RunningServer.WaitForAsync(
                async () => (await server.Store.ListArticleSegmentsAsync(Slug, locale, default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
                $"{locale} segments in review");
        }

        // One approval today, so the throughput chart has a bar to draw.
        var first = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default))[0];
        await server.Services.GetRequiredService<ReviewService>().ApproveAsync(first.TranslationId, PublicSite.Reviewer, first.Version, null, default);

        var page = await Browser.SignInAsync(browser, server, "maria", Password, "/dashboard");
        var row = page.Locator($"#dashboard-matrix tr[data-slug='{Slug}'][data-locale='es']");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("in review");
        await Assertions.Expect(row.Locator(".progress-words")).ToContainTextAsync("words approved");
        await Assertions.Expect(row).ToContainTextAsync("unassigned");

        await row.Locator("summary", new() { HasText = "Assign" }).ClickAsync();
        await row.GetByLabel("Reviewer").SelectOptionAsync("dr-garcia");
        await row.GetByLabel("Due").FillAsync(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"));
        await row.GetByRole(AriaRole.Button, new() { Name = $"Assign {Slug} (es)" }).ClickAsync();

        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync($"{Slug} (es) assigned to dr-garcia, due in");
        await Assertions.Expect(row.Locator(".assignee")).ToHaveTextAsync("dr-garcia");
        await Assertions.Expect(page.Locator("#due-dates")).ToContainTextAsync("dr-garcia");

        // The charts are drawn, each with its axes' titles, and each carries data.
        foreach (var chart in new[] { "chart-queue-age", "chart-throughput", "chart-cost" })
        {
            var svg = page.Locator($"svg#{chart}");
            await Assertions.Expect(svg).ToBeVisibleAsync();
            Assert.Equal(2, await svg.Locator(".axis-title").CountAsync());
            Assert.True(await svg.Locator("rect.bar").CountAsync() > 0, $"{chart} has no bars");

            var values = await page.Locator($"svg#{chart} rect.bar").EvaluateAllAsync<double[]>("bars => bars.map(b => Number(b.dataset.value))");
            Assert.True(values.Sum() > 0, $"{chart} is all zeros");
            var heights = await page.Locator($"svg#{chart} rect.bar").EvaluateAllAsync<double[]>("bars => bars.map(b => b.getBBox().height)");
            Assert.True(heights.Max() > 50, $"{chart}'s tallest bar is only {heights.Max()} px");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("dashboard.png"), FullPage = true });
    }
}
