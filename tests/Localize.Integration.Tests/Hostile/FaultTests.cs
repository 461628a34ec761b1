using System.Diagnostics;
using Localize.Core.Workflow;
using Localize.Storage.Content;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Localize.Integration.Tests.Hostile;

/// <summary>
/// Faults a worker meets on a real machine, each injected into the same run (<see cref="FaultScenario"/>): while the
/// fault lasts, version 1 stays published whole and the problem is visible; once it clears, the run completes with
/// exactly the database of an undisturbed run (normalized: no ids, no timestamps).
/// </summary>
public sealed class FaultTests
{
    [Fact]
    public async Task The_database_locked_by_another_process_for_seconds_delays_the_run_and_loses_nothing()
    {
        using var scenario = new FaultScenario();
        await using var server = await scenario.StartAsync();
        await scenario.PublishVersion1Async(server);
        var manager = await server.ManagerAsync();

        await using (var holder = await scenario.Repository.OpenDatabaseAsync())
        {
            using (var command = holder.CreateCommand())
            {
                // Another process holds every write: SQLite's whole-file lock; on PostgreSQL, EXCLUSIVE locks on every
                // table, which still let plain reads through (as WAL does for SQLite).
                command.CommandText = holder is SqliteConnection
                    ? "BEGIN EXCLUSIVE"
                    : """
                      BEGIN;
                      DO $$ DECLARE t record; BEGIN
                        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
                          EXECUTE format('LOCK TABLE %I IN EXCLUSIVE MODE', t.tablename);
                        END LOOP;
                      END $$;
                      """;
                await command.ExecuteNonQueryAsync();
            }

            await scenario.EditAsync();
            var locked = Stopwatch.StartNew();
            while (locked.Elapsed < TimeSpan.FromSeconds(4))
            {
                // Readers are not blocked: the manager's pages answer, and version 1 is online and whole.
                Assert.Contains(FaultScenario.Slug, await manager.GetStringAsync("/review"), StringComparison.Ordinal);
                scenario.AssertVersion1StillPublished();
                await Task.Delay(500);
            }

            // The worker really was held up: the added article is not stored while the lock lasts.
            Assert.Null(await server.Store.FindArticleAsync(FaultScenario.NewSlug, default));

            using (var command = holder.CreateCommand())
            {
                command.CommandText = "ROLLBACK";
                await command.ExecuteNonQueryAsync();
            }
        }

        await scenario.PublishVersion2Async(server);
        scenario.AssertPublishedFilesAreWhole();
        Assert.Equal(await FaultScenario.UndisturbedDumpAsync(), await DatabaseDump.ReadAsync(scenario.Repository));
    }

    [Fact]
    public async Task A_full_disk_refuses_the_new_version_keeps_the_old_one_online_and_publishes_once_space_is_back()
    {
        using var scenario = new FaultScenario();
        var content = new FailingContentStore(new FileSystemContentStore(scenario.Repository.Root));
        await using var server = await scenario.StartAsync(content.Replace);
        await scenario.PublishVersion1Async(server);

        content.DiskFull = true;
        await scenario.EditAsync();
        await Worker.WaitUntilQueuedAsync(server, FaultScenario.Slug, FaultScenario.Locales, s => s.Any(x => x.Source.Contains("many hours", StringComparison.Ordinal)));
        await Worker.ApproveAndSignAsync(server, FaultScenario.Slug, FaultScenario.Locales);

        await RunningServer.WaitForAsync(() => Task.FromResult(content.RefusedWrites >= 3), "the worker to try publishing on the full disk a few times");
        scenario.AssertVersion1StillPublished();
        Assert.Equal(1, (await server.Store.FindLatestPublicationAsync(FaultScenario.Slug, "qps-ploc", default))?.Version);
        // Logged once however many runs fail, and shown to the manager with the cause and what happens next.
        var failure = Assert.Single(server.Logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message));
        Assert.Contains("step publish failed; the next run retries it", failure);
        var page = await (await server.ManagerAsync()).GetStringAsync("/review");
        Assert.Contains("The worker cannot finish", page);
        Assert.Contains("No space left on device", page);
        Assert.Contains("step publish", page);

        content.DiskFull = false;
        await RunningServer.WaitForAsync(
            async () => (await server.Store.FindLatestPublicationAsync(FaultScenario.Slug, "qps-plocm", default))?.Version == 2
                && (await server.Store.FindLatestPublicationAsync(FaultScenario.Slug, "qps-ploc", default))?.Version == 2,
            "version 2 to be published once the disk has space");
        await Worker.WaitUntilQueuedAsync(server, FaultScenario.NewSlug, FaultScenario.Locales);
        Assert.DoesNotContain("The worker cannot finish", await (await server.ManagerAsync()).GetStringAsync("/review"));
        Assert.Contains(server.Logs.Entries, e => e.Message.Contains("step publish works again", StringComparison.Ordinal));
        scenario.AssertPublishedFilesAreWhole();
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(scenario.Repository.Root, "translations"), "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(await FaultScenario.UndisturbedDumpAsync(), await DatabaseDump.ReadAsync(scenario.Repository));
    }

    [Fact]
    public async Task The_engine_down_for_a_whole_run_leaves_segments_waiting_and_visible_and_they_are_translated_when_it_is_back()
    {
        using var scenario = new FaultScenario();
        var engine = new FaultyEngine(new Localize.Engines.Pseudo.PseudoEngine());
        await using var server = await scenario.StartAsync(engine.ReplacePseudo);
        await scenario.PublishVersion1Async(server);

        engine.Down = true;
        await scenario.EditAsync();
        await RunningServer.WaitForAsync(async () => engine.FailedCalls >= 4 && (await server.Store.FindArticleAsync(FaultScenario.NewSlug, default)) is not null, "a few runs against the down engine");

        // Nothing is queued that the engine did not translate; every waiting segment says why, and the log says it.
        var waiting = await server.Store.ListArticleSegmentsAsync(FaultScenario.NewSlug, "qps-ploc", default);
        Assert.All(waiting, s => Assert.Equal(Localize.Core.Workflow.SegmentState.New, s.State));
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(FaultScenario.NewSlug, "qps-ploc", default)).All(s => s.Notes.Any(n => n.Message.Contains("machine translation failed, will retry", StringComparison.Ordinal))),
            "the waiting segments to carry the engine's error");
        Assert.Contains("machine translation failed, will retry", await (await server.ManagerAsync()).GetStringAsync($"/review/qps-ploc/{FaultScenario.NewSlug}"));
        Assert.Contains("waiting for machine translation", await (await server.ManagerAsync()).GetStringAsync("/review"));
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("the engine is down", StringComparison.Ordinal));
        scenario.AssertVersion1StillPublished();

        engine.Down = false;
        await scenario.PublishVersion2Async(server);
        scenario.AssertPublishedFilesAreWhole();
        Assert.Equal(await FaultScenario.UndisturbedDumpAsync(), await DatabaseDump.ReadAsync(scenario.Repository));
    }

    [Fact]
    public async Task An_unreachable_azure_endpoint_fails_fast_for_its_locale_while_the_other_locale_goes_on()
    {
        using var repository = new TestRepository("""
            name: mixed-engines
            source:
              folder: content
              language: en
            locales:
              - code: es
                engine: azure
              - code: qps-ploc
                engine: pseudo
            """);
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var clock = Stopwatch.StartNew();
        await using var server = await RunningServer.StartAsync(repository, new Dictionary<string, string?>
        {
            ["Localize:Engines:Azure:Key"] = "not-a-real-key",
            ["Localize:Engines:Azure:Endpoint"] = $"http://127.0.0.1:{port}",
            ["Localize:Engines:Azure:MaxRetries"] = "1",
            ["Localize:Engines:Azure:RetryDelay"] = "00:00:00.050",
            ["Localize:Engines:Azure:Timeout"] = "00:00:02",
            ["Localize:Engines:Azure:BatchAttempts"] = "2",
            ["Localize:Engines:BatchRetryDelay"] = "00:00:00.050",
        });

        await Worker.WaitUntilQueuedAsync(server, FaultScenario.Slug, ["qps-ploc"]);
        await RunningServer.WaitForAsync(
            async () => (await server.Store.ListArticleSegmentsAsync(FaultScenario.Slug, "es", default)).All(s => s.Notes.Any(n => n.Origin == NoteOrigin.Engine("azure"))),
            "every es segment to carry the azure failure");

        var es = await server.Store.ListArticleSegmentsAsync(FaultScenario.Slug, "es", default);
        Assert.All(es, s => Assert.Equal(Localize.Core.Workflow.SegmentState.New, s.State));
        Assert.All(es, s => Assert.Null(s.Target));
        Assert.Contains("machine translation failed, will retry", es[0].Notes.Single(n => n.Origin == NoteOrigin.Engine("azure")).Message);
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Connection refused", StringComparison.Ordinal));
        Assert.Contains("waiting for machine translation", await (await server.ManagerAsync()).GetStringAsync("/review"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_worker_stopped_in_the_middle_of_machine_translation_carries_on_after_a_restart()
    {
        using var scenario = new FaultScenario();
        await using (var first = await scenario.StartAsync())
        {
            await scenario.PublishVersion1Async(first);
        }

        // Second life: the first locale's batch goes through, the second hangs until the host is stopped.
        var engine = new FaultyEngine(new Localize.Engines.Pseudo.PseudoEngine()) { HangFromCall = 2 };
        var second = await scenario.StartAsync(engine.ReplacePseudo);
        await scenario.EditAsync();
        await engine.Hanging.WaitAsync(TimeSpan.FromSeconds(60));
        var stopping = Stopwatch.StartNew();
        await second.DisposeAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        Assert.Contains(await DatabaseDump.ReadAsync(scenario.Repository), row => row.Contains("| New |", StringComparison.Ordinal) || row.Contains("| Outdated |", StringComparison.Ordinal));
        scenario.AssertVersion1StillPublished();

        await using var third = await scenario.StartAsync();
        await scenario.PublishVersion2Async(third);
        scenario.AssertPublishedFilesAreWhole();
        Assert.Equal(await FaultScenario.UndisturbedDumpAsync(), await DatabaseDump.ReadAsync(scenario.Repository));
    }
}
