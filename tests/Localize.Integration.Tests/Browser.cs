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

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Requirements.Chromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Requirements.ChromiumPath,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, browser);
    }

    /// <summary>A person's own browser profile, signed in through the login page like anyone else.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, RunningServer server, string name, string password, string then)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, then).ToString());
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == then);
        return page;
    }
}
