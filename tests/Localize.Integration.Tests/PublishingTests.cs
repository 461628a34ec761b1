using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Localize.Cli;
using Localize.Core.Audit;
using Localize.Core.Publishing;
using Localize.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;
using static Localize.Integration.Tests.PublicSite;

namespace Localize.Integration.Tests;

/// <summary>
/// Versions, outdated marking and rollback, end to end: the worker publishes numbered versions, a source edit marks
/// the page outdated in the reader's language, and a rollback (CLI or the dashboard's endpoint) restores an earlier
/// version as a new, audited one that the worker leaves alone; an unpublish takes the page offline until a rollback.
/// </summary>
public sealed class PublishingTests
{
    private const string Password = "a long manager passphrase for maria";
    private const string EditedFrom = "Migraine attacks can last for hours or even days at a time.";
    private const string EditedTo = "Migraine attacks can last for many hours or even several days at a time.";

    [Fact]
    public async Task Versions_are_kept_outdated_pages_say_so_and_a_rollback_restores_an_earlier_one()
    {
        using var repository = new TestRepository(Pipeline);
        await using var server = await RunningServer.StartAsync(repository, Settings);
        await ApproveAsync(server, "es");
        await WaitForVersionAsync(server, "es", 1);
        var version1 = await File.ReadAllTextAsync(repository.PublishedPath("es", Slug));
        Assert.Equal(version1, await File.ReadAllTextAsync(Path.Combine(repository.Root, "translations", ".versions", "es", Slug, "1.md")));
        Assert.DoesNotContain("outdated-notice", await server.Http.GetStringAsync($"/es/{Slug}"));

        var source = repository.SourcePath(Slug + ".md");
        await File.WriteAllTextAsync(source, (await File.ReadAllTextAsync(source)).Replace(EditedFrom, EditedTo, StringComparison.Ordinal));
        await RunningServer.WaitForAsync(
            async () => (await server.Http.GetStringAsync($"/es/{Slug}")).Contains("outdated-notice"),
            "the Spanish page to be marked outdated");
        var outdated = await server.Http.GetStringAsync($"/es/{Slug}");
        Assert.Contains("El artículo original se ha actualizado", outdated);
        Assert.True(await OutdatedAsync(server));
        Assert.Equal(version1, await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));

        await ApproveAsync(server, "es");
        await WaitForVersionAsync(server, "es", 2);
        Assert.False(await OutdatedAsync(server));
        var version2 = await File.ReadAllTextAsync(repository.PublishedPath("es", Slug));
        Assert.NotEqual(version1, version2);

        // The CLI acts as a named manager account, as the audit trail must name who decided.
        await InProcessCli.AddUserAsync(repository, "maria", "manager", Password);
        var refused = await InProcessCli.RunAsync(repository, null, "rollback", Slug, "es", "--by", "Dr. Test Reviewer");
        Assert.Equal(LocalizeCommandLine.Failed, refused.ExitCode);
        var cli = await InProcessCli.RunAsync(repository, null, "rollback", Slug, "es", "--by", "maria");
        Assert.True(cli.ExitCode == LocalizeCommandLine.Ok, cli.Errors);
        await WaitForVersionAsync(server, "es", 3);
        Assert.Equal(version1, await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));
        Assert.True(await OutdatedAsync(server), "version 1 translates the old source, so it is outdated again");
        using (var json = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/articles/{Slug}?lang=es")))
        {
            Assert.Equal(1, json.RootElement.GetProperty("restoredVersion").GetInt32());
        }

        // The publish step, run here after the rollback's record, leaves the rolled-back version online: it does not
        // republish the approved translation over it (run, then assert, rather than wait and hope the worker ran).
        await server.RunStepAsync(PublishStep.StepName);
        Assert.Equal(3, (await server.Store.FindLatestPublicationAsync(Slug, "es", default))!.Version);
        Assert.Equal(version1, await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));

        // The API: a manager's session only; the actor is the signed-in account.
        using (var anonymous = await server.Http.PostAsJsonAsync($"/api/articles/{Slug}/es/rollback", new { to = 2 }))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        }

        var manager = await server.ManagerAsync();
        using var toVersion2 = await manager.PostAsJsonAsync($"/api/articles/{Slug}/es/rollback", new { to = 2 });
        Assert.Equal(HttpStatusCode.OK, toVersion2.StatusCode);
        await WaitForVersionAsync(server, "es", 4);
        Assert.Equal(version2, await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));
        Assert.False(await OutdatedAsync(server));
        using var unknown = await manager.PostAsJsonAsync($"/api/articles/{Slug}/es/rollback", new { to = 9 });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);

        // A kept version altered on disk is not the signed content any more: refused, nothing changes.
        var kept1 = Path.Combine(repository.Root, "translations", ".versions", "es", Slug, "1.md");
        await File.WriteAllTextAsync(kept1, version1 + "\n<script>alert(1)</script>\n");
        using var tampered = await manager.PostAsJsonAsync($"/api/articles/{Slug}/es/rollback", new { to = 1 });
        Assert.Equal(HttpStatusCode.Conflict, tampered.StatusCode);
        Assert.Contains("no longer matches its recorded sha256", await tampered.Content.ReadAsStringAsync());
        await File.WriteAllTextAsync(kept1, version1);

        // The dashboard's button: the audited rollback to the version before the one online (2, restored as 4 → 1).
        var dashboard = await manager.GetStringAsync("/dashboard");
        Assert.Contains($"aria-label=\"Roll back {Slug}, es to the version before the one online\"", dashboard);
        Assert.Contains("action=\"/review/publishing?handler=Rollback\"", dashboard);
        // It asks first, in numbers, and acts only once confirmed.
        using (var asked = await manager.SubmitAsync("/review/publishing", "Rollback", new() { ["slug"] = Slug, ["locale"] = "es" }))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("Put version 1 back online in es?", await asked.Content.ReadAsStringAsync());
        }

        Assert.Equal(4, (await server.Store.ListPublicationsAsync(Slug, "es", default)).Count);
        using (var fromDashboard = await manager.SubmitAsync("/review/publishing", "Rollback", new() { ["slug"] = Slug, ["locale"] = "es", ["to"] = "1", ["confirmed"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, fromDashboard.StatusCode);
        }

        Assert.Contains("version 1 is online again as version 5", await manager.GetStringAsync("/review/publishing"));
        await WaitForVersionAsync(server, "es", 5);
        Assert.Equal(version1, await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));

        // The publishing page's button, with a chosen version.
        var page = await manager.GetStringAsync("/review/publishing");
        Assert.Contains($"data-article=\"es/{Slug}\"", page);
        using var button = await manager.SubmitAsync("/review/publishing", "Rollback", new() { ["slug"] = Slug, ["locale"] = "es", ["to"] = "2", ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, button.StatusCode);
        Assert.Contains("version 2 is online again as version 6", await manager.GetStringAsync("/review/publishing"));
        await WaitForVersionAsync(server, "es", 6);
        Assert.Equal(version2, await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));

        // Unpublish (the dashboard's button): the page goes offline, readers of es get the next language, the worker
        // leaves it offline; a rollback (CLI, default target) brings back the version that was taken down.
        using (var asked = await manager.SubmitAsync("/review/publishing", "Unpublish", new() { ["slug"] = Slug, ["locale"] = "es" }))
        {
            Assert.Contains($"Take {Slug} offline in es?", await asked.Content.ReadAsStringAsync());
        }

        using var offline = await manager.SubmitAsync("/review/publishing", "Unpublish", new() { ["slug"] = Slug, ["locale"] = "es", ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, offline.StatusCode);
        Assert.Contains("is offline (version 7)", await manager.GetStringAsync("/review/publishing"));
        await RunningServer.WaitForAsync(
            async () => (await server.Http.GetAsync($"/es/{Slug}")).StatusCode == HttpStatusCode.NotFound, "the Spanish page to go offline");
        Assert.False(File.Exists(repository.PublishedPath("es", Slug)));
        using (var negotiated = await GetAsync(server, $"/{Slug}", "es"))
        {
            Assert.Equal("en", Language(negotiated));
        }

        // The publish step leaves an unpublished page offline, though its translation is approved and signed.
        await server.RunStepAsync(PublishStep.StepName);
        var latest = (await server.Store.FindLatestPublicationAsync(Slug, "es", default))!;
        Assert.Equal((7, true), (latest.Version, latest.Unpublished));
        Assert.False(File.Exists(repository.PublishedPath("es", Slug)));
        using var twice = await manager.PostAsJsonAsync($"/api/articles/{Slug}/es/unpublish", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var back = await InProcessCli.RunAsync(repository, null, "rollback", Slug, "es", "--by", "maria");
        Assert.True(back.ExitCode == LocalizeCommandLine.Ok, back.Errors);
        await WaitForVersionAsync(server, "es", 8);
        Assert.Equal(version2, await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));

        using var versions = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/articles/{Slug}/es/versions"));
        var listed = versions.RootElement.EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], listed.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([null, null, 1, 2, 1, 2, null, 2], listed.Select(v => v.TryGetProperty("restoredVersion", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : (int?)null));
        Assert.Equal([false, false, false, false, false, false, true, false], listed.Select(v => v.GetProperty("unpublished").GetBoolean()));
        Assert.Equal("maria", listed[2].GetProperty("publishedBy").GetString());
        Assert.Equal("test-manager", listed[3].GetProperty("publishedBy").GetString());
        Assert.Equal([false, false, false, false, false, false, false, true], listed.Select(v => v.GetProperty("online").GetBoolean()));

        var trail = await server.Store.ReadAuditTrailAsync(default);
        var unpublished = Assert.Single(trail, r => r.To == "Unpublished");
        Assert.Equal("test-manager", unpublished.Actor);
        var rollbacks = trail.Where(r => r.To == "RolledBack").ToArray();
        Assert.Equal(["maria", "test-manager", "test-manager", "test-manager", "maria"], rollbacks.Select(r => r.Actor));
        Assert.Contains("to version 1 as version 3", rollbacks[0].Detail);
        Assert.True(AuditChain.Verify(trail, server.Services.GetRequiredService<AuditKey>()).IsIntact);
    }

    private static async Task<bool> OutdatedAsync(RunningServer server)
    {
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/articles/{Slug}?lang=es"));
        return json.RootElement.GetProperty("outdated").GetBoolean();
    }
}
