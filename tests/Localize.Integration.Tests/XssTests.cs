using Dapper;
using Localize.Core.Workflow;
using Localize.Storage.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Localize.Integration.Tests;

/// <summary>
/// Whatever engines and people write is shown as text: targets, titles and findings carrying script tags,
/// <c>javascript:</c> links, event-handler attributes and broken tags are inert in the editor, the locale queue and
/// the article dashboard of a real browser — no dialog opens, no element or handler they describe exists.
/// </summary>
public sealed class XssTests
{
    private const string Locale = "qps-ploc";
    private const string Password = "a long test passphrase";

    /// <summary>Targets as an engine might return them (stored form: inline codes are &lt;pc&gt;/&lt;ph&gt;, the rest is text).</summary>
    private static readonly string[] HostileTargets =
    [
        "<script>alert('target-script')</script>",
        "&lt;script&gt;alert('escaped-script')&lt;/script&gt;",
        "<a href=\"javascript:alert('target-link')\">click me</a>",
        "<img src=x onerror=alert('target-onerror')>",
        "<b <i onmouseover=alert('broken-tag')>broken",
        "\"><svg onload=alert('attribute-escape')>",
    ];

    [Fact]
    public async Task Script_tags_javascript_links_onerror_and_broken_tags_are_inert_in_the_editor_the_queue_and_the_dashboard()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var repository = new TestRepository();
        await File.WriteAllTextAsync(
            repository.SourcePath("hostile.md"),
            "---\ntitle: \"<script>alert('title')</script> Hostile <img src=x onerror=alert('title-img')>\"\nslug: hostile\n---\n\n"
            + "Read <a href=\"javascript:alert('body')\">this</a> now.\n\nFirst plain sentence. Second plain sentence. Third plain sentence.\n\n"
            + "Fourth plain sentence. Fifth plain sentence. Sixth plain sentence.\n");
        await using var server = await RunningServer.StartAsync(repository);
        await InProcessCli.AddUserAsync(repository, "rev", "reviewer", Password, Locale);
        IReadOnlyList<ReviewItem> segments = [];
        await RunningServer.WaitForAsync(
            async () => (segments = await server.Store.ListArticleSegmentsAsync("hostile", Locale, default)) is { Count: > 6 } all && all.All(s => s.State == SegmentState.InReview),
            "the hostile article in review");

        var database = server.Services.GetRequiredService<LocalizeDatabase>();
        await using (var connection = await database.OpenConnectionAsync(default))
        {
            for (var i = 0; i < HostileTargets.Length; i++)
            {
                await connection.ExecuteAsync("UPDATE translations SET target_text = @target WHERE id = @id", new { target = HostileTargets[i], id = segments[i + 1].TranslationId });
            }
        }

        await server.Store.SaveNotesAsync(segments[1].TranslationId, [new SegmentNote(NoteOrigin.Engine("<img src=x onerror=alert('origin')>"), NoteSeverity.Error, "<script>alert('note')</script>")], default);

        var page = await Browser.SignInAsync(browser, server, "rev", Password, "/review");
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        foreach (var path in new[] { "/review", $"/review/{Locale}", $"/review/{Locale}/hostile" })
        {
            await page.GotoAsync(new Uri(server.Address, path).ToString());
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var live = await page.EvaluateAsync<int[]>(
                """
                () => [
                  document.querySelectorAll('script, img, svg, iframe, object, embed').length,
                  [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length,
                  [...document.querySelectorAll('a[href]')].filter(a => a.href.trim().toLowerCase().startsWith('javascript:')).length,
                ]
                """);
            Assert.True(live is [0, 0, 0], $"{path}: {live[0]} active elements, {live[1]} elements with event handlers, {live[2]} javascript: links");

            // Shown, as text, for the reviewer to see and fix.
            var text = await page.Locator("main").InnerTextAsync();
            Assert.Contains("<script>alert('title')</script> Hostile", text);
            if (path != "/review")
            {
                Assert.Contains("<script>alert('target-script')</script>", text);
                Assert.Contains("<img src=x onerror=alert('target-onerror')>", text);
            }
        }

        Assert.Contains("<script>alert('note')</script>", await page.Locator("main").InnerTextAsync());

        // The manager dashboard shows the title and the finding's origin (as a check id): as text too. Its own
        // charts are the only SVG allowed.
        await InProcessCli.AddUserAsync(repository, "boss", "manager", Password);
        var manager = await Browser.SignInAsync(browser, server, "boss", Password, "/dashboard");
        manager.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await manager.ReloadAsync();
        await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var active = await manager.EvaluateAsync<int[]>(
            """
            () => [
              document.querySelectorAll('script, img, iframe, object, embed, svg:not(.chart), svg.chart svg').length,
              [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length,
            ]
            """);
        Assert.True(active is [0, 0], $"/dashboard: {active[0]} active elements, {active[1]} elements with event handlers");
        var dashboard = await manager.Locator("main").InnerTextAsync();
        Assert.Contains("<script>alert('title')</script> Hostile", dashboard);
        Assert.Contains("engine:<img src=x onerror=alert('origin')>", dashboard);
        Assert.Empty(dialogs);
    }
}
