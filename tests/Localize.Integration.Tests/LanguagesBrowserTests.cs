using System.Text.Json;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Localize.Integration.Tests;

/// <summary>
/// Arabic and Chinese as their reviewer and their readers see them in Debian's Chromium: the review page lays the
/// Arabic targets out right to left and names the language pack; Chinese is drawn with a CJK font (every glyph, no
/// empty boxes); once approved and signed, the public site serves Arabic as <c>&lt;html dir="rtl" lang="ar"&gt;</c>
/// and Chinese with its glyphs. Screenshots: <c>review-ar.png</c>, <c>public-ar.png</c>, <c>review-zh-Hans.png</c>,
/// <c>public-zh-Hans.png</c> (copied to docs/ for the README).
/// </summary>
public sealed class LanguagesBrowserTests
{
    private const string Slug = AzureLanguagesPipelineTests.Slug;
    private const string Password = "layla's long passphrase";

    private static readonly ReviewActor Reviewer = new("layla", [Roles.Reviewer], ["ar", "zh-Hans"]);

    private static readonly ReviewActor Translator = new("Test Translator", [Roles.Editor], ["zh-Hans"]);

    [Fact]
    public async Task Arabic_reads_right_to_left_and_Chinese_shows_its_glyphs_on_the_review_page_and_the_public_site()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var repository = AzureLanguagesPipelineTests.NewRepository("ar", "zh-Hans");
        await using var emulator = await AzureLanguagesPipelineTests.StartEmulatorAsync();
        await using var server = await RunningServer.StartAsync(repository, AzureLanguagesPipelineTests.Settings(emulator));
        await InProcessCli.AddUserAsync(repository, "layla", "reviewer", Password, "ar", "zh-Hans");
        await AzureLanguagesPipelineTests.WaitForReviewAsync(server, "ar");
        await AzureLanguagesPipelineTests.WaitForReviewAsync(server, "zh-Hans");

        // The review page: Arabic targets right to left, the pack named with what it does not check.
        var page = await Browser.SignInAsync(browser, server, "layla", Password, $"/review/ar/{Slug}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("language pack: Arabic (ar)");
        var arabicTarget = page.Locator("td[lang=ar]", new() { HasText = "لا تتوقف عن تناول" }).First;
        await Assertions.Expect(arabicTarget).ToBeVisibleAsync();
        Assert.Equal("rtl", await arabicTarget.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("ltr", await page.Locator("td[lang=en]").First.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("review-ar.png") });

        await page.GotoAsync(new Uri(server.Address, $"/review/zh-Hans/{Slug}").ToString());
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("language pack: Chinese (Simplified)");
        var chineseTarget = page.Locator("td[lang='zh-Hans']", new() { HasText = "请勿停用本药" }).First;
        await AssertDrawnWithCjkFontAsync(page, chineseTarget, "the review page's Chinese target");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("review-zh-Hans.png") });

        // A translator corrects the fixture's planted Chinese error (5 days for 7); the reviewer approves both and signs them off.
        var review = server.Services.GetRequiredService<ReviewService>();
        var wrong = (await server.Store.ListArticleSegmentsAsync(Slug, "zh-Hans", default)).Single(s => s.HasBlockingNotes);
        await review.EditAsync(wrong.TranslationId, Translator, "连续7天，每天测量两次血压。", wrong.Version, issue: null, default);
        foreach (var locale in new[] { "ar", "zh-Hans" })
        {
            var approval = await review.ApproveAllAsync(Slug, locale, Reviewer, default);
            // Approve-all leaves each dose, number and prohibition: the reviewer approves those one by one.
            foreach (var held in approval.Held)
            {
                await review.ApproveAsync(held.TranslationId, Reviewer, null, null, default);
            }

            Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, locale, default), s => Assert.Equal(SegmentState.Approved, s.State));
            var signOff = server.Services.GetRequiredService<SignOffService>();
            var status = await signOff.InspectAsync(Slug, locale, default);
            await signOff.SignAsync(Slug, locale, Reviewer, status.ContentHash!, default);
            await PublicSite.WaitForVersionAsync(server, locale, 1, Slug);
        }

        // The public site, as an anonymous reader.
        var reader = await Browser.NewPageAsync(browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 800 } });
        await reader.GotoAsync(new Uri(server.Address, $"/ar/{Slug}").ToString());
        Assert.Equal("rtl", await reader.EvaluateAsync<string>("() => document.documentElement.getAttribute('dir')"));
        Assert.Equal("ar", await reader.EvaluateAsync<string>("() => document.documentElement.getAttribute('lang')"));
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("تناول دواء ضغط الدم");
        Assert.Equal("rtl", await reader.Locator("article p").First.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("public-ar.png"), FullPage = true });

        await reader.GotoAsync(new Uri(server.Address, $"/zh-Hans/{Slug}").ToString());
        Assert.Equal("ltr", await reader.EvaluateAsync<string>("() => document.documentElement.getAttribute('dir')"));
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("服用降压药");
        await Assertions.Expect(reader.Locator("article")).ToContainTextAsync("连续7天，每天测量两次血压。");
        await AssertDrawnWithCjkFontAsync(reader, reader.Locator("h1"), "the public page's Chinese title");
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("public-zh-Hans.png"), FullPage = true });
    }

    /// <summary>
    /// Asks Chromium which installed fonts drew the element's text (DevTools' <c>CSS.getPlatformFontsForNode</c>): a CJK
    /// font must have drawn every Han character, so none fell back to an empty box.
    /// </summary>
    private static async Task AssertDrawnWithCjkFontAsync(IPage page, ILocator element, string what)
    {
        var text = await element.InnerTextAsync();
        var han = text.Count(c => c is >= '\u4E00' and <= '\u9FFF');
        Assert.True(han > 0, $"{what} has no Chinese characters: {text}");
        await element.EvaluateAsync("e => e.setAttribute('data-font-probe', '1')");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = -1 });
        var node = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = "[data-font-probe]",
        });
        var fonts = new List<(string Family, int Glyphs)>();
        foreach (var id in TextNodes(await cdp.SendAsync("DOM.describeNode", new Dictionary<string, object>
        {
            ["nodeId"] = node!.Value.GetProperty("nodeId").GetInt32(),
            ["depth"] = -1,
        })))
        {
            var pushed = await cdp.SendAsync("DOM.pushNodesByBackendIdsToFrontend", new Dictionary<string, object> { ["backendNodeIds"] = new[] { id } });
            var used = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object>
            {
                ["nodeId"] = pushed!.Value.GetProperty("nodeIds")[0].GetInt32(),
            });
            fonts.AddRange(used!.Value.GetProperty("fonts").EnumerateArray()
                .Select(f => (f.GetProperty("familyName").GetString()!, (int)f.GetProperty("glyphCount").GetDouble())));
        }

        var cjk = fonts.Where(f => f.Family.Contains("CJK", StringComparison.OrdinalIgnoreCase)).Sum(f => f.Glyphs);
        Assert.True(cjk >= han, $"{what}: {han} Han characters, {cjk} drawn by a CJK font; fonts used: {string.Join(", ", fonts)}");
    }

    /// <summary>The backend ids of the text nodes under a described node (the fonts are reported per text node).</summary>
    private static IEnumerable<int> TextNodes(JsonElement? described)
    {
        var stack = new Stack<JsonElement>([described!.Value.GetProperty("node")]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.GetProperty("nodeType").GetInt32() == 3)
            {
                yield return node.GetProperty("backendNodeId").GetInt32();
            }

            if (node.TryGetProperty("children", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    stack.Push(child);
                }
            }
        }
    }
}
