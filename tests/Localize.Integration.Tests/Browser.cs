using Localize.Testing;
using Microsoft.Playwright;

namespace Localize.Integration.Tests;

/// <summary>Debian's Chromium under Playwright, headless; never a downloaded browser.</summary>
public static class Browser
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary>
    /// How long one browser action or expectation may wait. Playwright's defaults (30 s, expectations 5 s) are budgets
    /// that a loaded 2-core CI machine overruns while the server hashes a password or builds a page; an expectation still
    /// passes the moment it holds, and a page that never comes still fails (and a hung run ends with the hang dump).
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Requirements.Chromium();
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds / 2);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Requirements.ChromiumPath,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, browser);
    }

    /// <summary>A page in a fresh browser profile (its own cookies), with the tests' patience.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1000 } });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>A person's own browser profile, signed in through the login page like anyone else.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, RunningServer server, string name, string password, string then)
    {
        var page = await NewPageAsync(browser);
        await page.GotoAsync(new Uri(server.Address, then).ToString());
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == then);
        return page;
    }
}
