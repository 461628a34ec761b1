using System.Diagnostics;
using System.Text;
using Localize.Core.Segments;
using Localize.Core.Workflow;
using Localize.Testing;
using Microsoft.Playwright;

namespace Localize.Integration.Tests;

/// <summary>
/// The review workspace as its users drive it, in Debian's Chromium: an editor inserts a memory match and reads the
/// segment's history; a reviewer sees the glossary, comments, and approves a whole article from the keyboard alone; the
/// editor finds the comment in the queue; "approve all" asks first; an administrator disables an account, which then
/// cannot sign in; a reader's 404 speaks their language. The review page, the dashboard and public pages pass axe-core
/// with no serious or critical violation.
/// </summary>
public sealed class ReviewWorkspaceBrowserTests
{
    private const string Slug = "keyboard-review";
    private const string Password = "a long test passphrase";

    /// <summary>An article small enough to review in one sitting, with a glossary term and a do-not-translate term.</summary>
    private const string Article = """
        ---
        title: "Living with migraine"
        slug: keyboard-review
        ---

        A migraine is more than a bad headache.

        Migraine attacks can last for hours or even days at a time.

        Some people also have PTSD, which can make attacks worse.

        Keep a diary of when your attacks start and what you ate.

        Talk to your doctor before you stop any medicine.
        """;

    /// <summary>One pipeline into Spanish only: every segment goes through Apertium, the glossary and memory apply.</summary>
    private static readonly string Pipeline = TestRepository.OneLocalePipeline("es", "apertium");

    [Fact]
    public async Task An_editor_inserts_a_memory_match_and_reads_its_history_and_a_reviewer_approves_the_article_by_keyboard()
    {
        Requirements.Apertium();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var repository = new TestRepository(Pipeline);
        File.Delete(repository.SourcePath(TestRepository.SeedSlug + ".md"));
        await File.WriteAllTextAsync(repository.SourcePath(Slug + ".md"), Article);
        await ImportAsync(repository, "glossary.csv", "source,target,note\nmigraine,migraña,\nPTSD,,acronym\n", "glossary", "import", "--from", "en", "--to", "es");
        await ImportAsync(repository, "memory.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
            <body><tu><tuv xml:lang="en"><seg>Migraine attacks can last for hours or even weeks at a time.</seg></tuv>
            <tuv xml:lang="es"><seg>Los ataques de migraña pueden durar horas o incluso semanas.</seg></tuv></tu></body></tmx>
            """, "tm", "import");
        await InProcessCli.AddUserAsync(repository, "ana", "reviewer", Password, "es");
        await InProcessCli.AddUserAsync(repository, "eddie", "editor", Password, "es");
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => await server.Store.ListArticleSegmentsAsync(Slug, "es", default) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "every es segment in review");
        var segments = await server.Store.ListArticleSegmentsAsync(Slug, "es", default);
        var attacks = segments.Single(s => s.Source.StartsWith("Migraine attacks", StringComparison.Ordinal));
        var attacksRow = $"#segment-{attacks.Ordinal + 1}";
        var path = $"/review/es/{Slug}";

        // The editor: the glossary's terms are marked in the source with what they must become.
        var eddie = await Browser.SignInAsync(browser, server, "eddie", Password, path);
        await Assertions.Expect(eddie.Locator("mark.term", new() { HasText = "migraine" }).First).ToHaveAttributeAsync("title", "glossary: “migraña”");
        await Assertions.Expect(eddie.Locator("mark.dnt", new() { HasText = "PTSD" })).ToBeVisibleAsync();

        // The memory's 91 % match goes into the editor with one click, and Ctrl+Enter saves it; focus stays on the segment.
        var match = eddie.Locator($"{attacksRow} .memory-match").First;
        await Assertions.Expect(match.Locator(".score")).ToContainTextAsync("%");
        await match.GetByRole(AriaRole.Button, new() { Name = "Insert" }).ClickAsync();
        var editor = eddie.Locator($"{attacksRow} textarea[name=target]");
        await Assertions.Expect(editor).ToHaveValueAsync("Los ataques de migraña pueden durar horas o incluso semanas.");
        await editor.FillAsync("Los ataques de migraña pueden durar horas o incluso días.");
        await eddie.Locator($"{attacksRow} input[name=mqmCategory]").First.FillAsync("accuracy/mistranslation");
        await eddie.Locator($"{attacksRow} select[name=mqmSeverity]").First.SelectOptionAsync("minor");
        await editor.FocusAsync();
        await eddie.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(eddie.Locator("#flash")).ToContainTextAsync("Edit saved");
        await Assertions.Expect(eddie.Locator(attacksRow)).ToBeFocusedAsync();

        // h: the segment's history, newest first: the edit as a word diff against the machine's text, then the machine's.
        await eddie.Keyboard.PressAsync("h");
        await Assertions.Expect(eddie.Locator("h1")).ToContainTextAsync($"History of segment {attacks.Ordinal + 1}");
        var newest = eddie.Locator(".history-entry").First;
        await Assertions.Expect(newest).ToContainTextAsync("eddie");
        await Assertions.Expect(newest.Locator(".target-diff")).ToContainTextAsync("incluso días");
        await Assertions.Expect(newest.Locator(".target-diff ins, .target-diff del").First).ToBeVisibleAsync();
        await Assertions.Expect(eddie.Locator(".history-entry", new() { HasText = "machine-translated by apertium" })).ToHaveCountAsync(1);
        await eddie.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("review-history.png"), FullPage = true });

        // The reviewer: "?" lists the keys; a comment is typed and sent from the keyboard.
        var ana = await Browser.SignInAsync(browser, server, "ana", Password, path);
        await Assertions.Expect(ana.Locator("#segments tbody tr").First).ToBeFocusedAsync();
        await ana.Keyboard.PressAsync("?");
        await Assertions.Expect(ana.Locator("#keyboard-help")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(ana.Locator("#keyboard-help")).ToContainTextAsync("approve, then go to the next open segment");
        await ana.Keyboard.PressAsync("?");
        var first = segments.Min(s => s.Ordinal) + 1;
        await ana.Locator($"#segment-{first} details.comments summary").FocusAsync();
        await ana.Keyboard.PressAsync("Enter");
        await ana.Keyboard.PressAsync("Tab");
        await ana.Keyboard.TypeAsync("Is “migraña” the word our readers use?");
        await ana.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(ana.Locator("#flash")).ToContainTextAsync("Comment posted");
        await Assertions.Expect(ana.Locator($"#segment-{first}")).ToBeFocusedAsync();
        await ana.Locator(attacksRow).ScrollIntoViewIfNeededAsync();
        await ana.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("review-workspace.png") });

        // Then every segment, keys only: "a" approves and moves to the next open one; an error finding asks for the
        // reason first, which Ctrl+Enter sends. Focus is on a segment after every save.
        for (var step = 0; step < segments.Count * 2 && await ana.Locator("#segments tbody tr[data-state=InReview]").CountAsync() > 0; step++)
        {
            var focused = ana.Locator("#segments tbody tr:focus");
            await Assertions.Expect(focused).ToHaveCountAsync(1);
            var id = await focused.GetAttributeAsync("id");
            if (await focused.GetAttributeAsync("data-state") != "InReview")
            {
                await ana.Keyboard.PressAsync("n");
                continue;
            }

            await ana.Keyboard.PressAsync("a");
            var approved = ana.Locator($"#{id}[data-state=Approved]");
            var reason = ana.Locator($"#{id} input[name=overrideReason]:focus");
            await Assertions.Expect(approved.Or(reason)).ToHaveCountAsync(1);
            if (await reason.CountAsync() == 1)
            {
                await ana.Keyboard.TypeAsync("checked against the source by hand");
                await ana.Keyboard.PressAsync("Control+Enter");
                await Assertions.Expect(approved).ToHaveCountAsync(1);
            }
        }

        await Assertions.Expect(ana.Locator("#progress")).ToContainTextAsync($"{segments.Count} of {segments.Count} segments approved");
        Assert.All(await server.Store.ListArticleSegmentsAsync(Slug, "es", default), s => Assert.Equal(SegmentState.Approved, s.State));

        // The editor finds the reviewer's question in the locale's queue, and the queue filters by text.
        await eddie.GotoAsync(new Uri(server.Address, "/review/es?state=Approved&kind=articles&q=migra").ToString());
        await Assertions.Expect(eddie.Locator("#queue-comments")).ToContainTextAsync("ana");
        await Assertions.Expect(eddie.Locator("#queue-comments")).ToContainTextAsync("Is “migraña” the word our readers use?");
        var mentions = (await server.Store.ListArticleSegmentsAsync(Slug, "es", default)).Count(s =>
            $"{InlineMarkup.PlainText(s.Source)} {InlineMarkup.PlainText(s.Target!)}".Contains("migra", StringComparison.CurrentCultureIgnoreCase));
        await Assertions.Expect(eddie.Locator("#queue tbody tr")).ToHaveCountAsync(mentions);
        await eddie.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("review-queue.png") });
    }

    [Fact]
    public async Task Approve_all_asks_first_and_the_review_page_dashboard_and_public_pages_pass_axe()
    {
        var axe = Requirements.AxeCore();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var repository = new TestRepository(TestRepository.OneLocalePipeline("qps-ploc", "pseudo"));
        File.Delete(repository.SourcePath(TestRepository.SeedSlug + ".md"));
        var paragraphs = new StringBuilder("---\ntitle: \"A long leaflet\"\nslug: long-leaflet\n---\n\n");
        for (var i = 1; i < 150; i++)
        {
            paragraphs.Append($"Paragraph {i} says how to take dose {i} of the medicine with water.\n\n");
        }

        await File.WriteAllTextAsync(repository.SourcePath("long-leaflet.md"), paragraphs.ToString());
        await InProcessCli.AddUserAsync(repository, "rita", "reviewer", Password, "qps-ploc");
        await InProcessCli.AddUserAsync(repository, "boss", "manager", Password);
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(
            async () => await server.Store.ListArticleSegmentsAsync("long-leaflet", "qps-ploc", default) is { Count: 150 } all && all.All(s => s.State == SegmentState.InReview),
            "150 qps-ploc segments in review");
        var path = "/review/qps-ploc/long-leaflet";
        var rita = await Browser.SignInAsync(browser, server, "rita", Password, path);

        // Time to interactive of a 150-segment review page, measured (not asserted): the browser's own navigation timing.
        await rita.ReloadAsync();
        var timing = await rita.EvaluateAsync<double[]>(
            """
            (() => { const n = performance.getEntriesByType('navigation')[0];
              return [n.responseEnd - n.startTime, n.domInteractive - n.startTime, n.domContentLoadedEventEnd - n.startTime, n.loadEventEnd - n.startTime,
                      n.decodedBodySize, document.getElementsByTagName('*').length]; })()
            """);
        var measured = $"review page of 150 segments: response {timing[0]:0} ms, DOM interactive {timing[1]:0} ms, script done (DOMContentLoaded) {timing[2]:0} ms, "
            + $"loaded {timing[3]:0} ms; {timing[4] / 1024:0} KB of HTML, {timing[5]:0} elements";
        Console.WriteLine(measured);
        TestContext.Current.TestOutputHelper?.WriteLine(measured);
        await AssertAccessibleAsync(rita, axe, "the review page");

        // Approve all: first the question, in numbers; nothing is approved until it is confirmed. Every paragraph holds
        // a dose, which approve-all never approves: the question says so, and only the title is approved.
        await rita.GetByRole(AriaRole.Button, new() { Name = "Approve all segments in review" }).ClickAsync();
        await Assertions.Expect(rita.Locator("#confirm-approve-all h2")).ToHaveTextAsync("Approve 1 segment of “A long leaflet” in qps-ploc?");
        await Assertions.Expect(rita.Locator("#approve-all-held")).ToContainTextAsync("149 segments with a dose or number are left for you to approve one by one");
        Assert.DoesNotContain(await server.Store.ListArticleSegmentsAsync("long-leaflet", "qps-ploc", default), s => s.State == SegmentState.Approved);
        await rita.Locator("#confirm-approve-all button[type=submit]").ClickAsync();
        await Assertions.Expect(rita.Locator("#flash")).ToContainTextAsync("1 segment approved. 149 segments with a dose or number are left for you to approve one by one");

        var boss = await Browser.SignInAsync(browser, server, "boss", Password, "/dashboard");
        await AssertAccessibleAsync(boss, axe, "the dashboard");

        // Readers: the English page, and a 404 in the reader's language with a way back to the articles.
        var reader = await Browser.NewPageAsync(browser, new BrowserNewContextOptions { ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "es-MX,es;q=0.9" } });
        await RunningServer.WaitForAsync(async () => (await reader.GotoAsync(new Uri(server.Address, "/long-leaflet").ToString()))!.Ok, "the English page on the public site");
        await AssertAccessibleAsync(reader, axe, "a public article");
        var missing = await reader.GotoAsync(new Uri(server.Address, "/no-such-article").ToString());
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Página no encontrada");
        await Assertions.Expect(reader.Locator("#article-list")).ToHaveAttributeAsync("href", "/");
        await AssertAccessibleAsync(reader, axe, "the public 404 page");
    }

    [Fact]
    public async Task An_admin_disables_an_account_which_can_then_no_longer_sign_in()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var repository = new TestRepository();
        await InProcessCli.AddUserAsync(repository, "root", "admin", Password);
        await InProcessCli.AddUserAsync(repository, "ben", "reviewer", Password, "es");
        await using var server = await RunningServer.StartAsync(repository);

        // Ben may not open the dashboard: the page says which role it needs and links back.
        var ben = await Browser.SignInAsync(browser, server, "ben", Password, "/review");
        var forbidden = await ben.GotoAsync(new Uri(server.Address, "/dashboard").ToString());
        Assert.Equal(403, forbidden!.Status);
        await Assertions.Expect(ben.Locator("#status-403")).ToContainTextAsync("needs the manager or admin role");
        await Assertions.Expect(ben.Locator("#go-back")).ToBeVisibleAsync();

        var root = await Browser.SignInAsync(browser, server, "root", Password, "/admin/users");
        await root.GetByRole(AriaRole.Button, new() { Name = "Disable ben" }).ClickAsync();
        await Assertions.Expect(root.Locator("#users-flash")).ToContainTextAsync("ben is disabled");
        await Assertions.Expect(root.Locator("tr[data-account=ben]")).ToContainTextAsync("disabled");

        // A wrong role for a new account keeps what was typed and says why in the app's words.
        await root.GetByLabel("Name", new() { Exact = true }).FillAsync("carla");
        await root.Locator("select[name=role]").SelectOptionAsync("reviewer");
        await root.Locator("input[name=locales]").FillAsync("xx-notalocale");
        await root.Locator("input[name=password]").FillAsync(Password);
        await root.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(root.Locator("#users-error")).ToContainTextAsync("'xx-notalocale' is not a locale");
        await Assertions.Expect(root.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("carla");
        await root.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot("admin-users.png"), FullPage = true });

        var again = await Browser.NewPageAsync(browser);
        await again.GotoAsync(new Uri(server.Address, "/account/login").ToString());
        await again.GetByLabel("Name").FillAsync("ben");
        await again.GetByLabel("Password").FillAsync(Password);
        await again.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(again.Locator("body")).ToContainTextAsync("This account is disabled");
        Assert.EndsWith("/account/login", new Uri(again.Url).AbsolutePath);
    }

    private static async Task ImportAsync(TestRepository repository, string name, string content, params string[] command)
    {
        var file = Path.Combine(repository.Root, name);
        await File.WriteAllTextAsync(file, content);
        var result = await InProcessCli.RunAsync(repository, null, [command[0], command[1], file, .. command[2..]]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)}: {result.Errors}");
    }

    /// <summary>axe-core, injected into the page as it is, finds no serious or critical violation.</summary>
    private static async Task AssertAccessibleAsync(IPage page, string axeScript, string what)
    {
        await page.EvaluateAsync(axeScript);
        var violations = await page.EvaluateAsync<string>(
            """
            async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`))
            """);
        Assert.True(violations == "[]", $"{what}: {violations}");
    }
}
