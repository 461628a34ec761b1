using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Dapper;
using Localize.Cli;
using Localize.Core.Audit;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Hosting;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Localize.Integration.Tests.PublicSite;

namespace Localize.Integration.Tests;

/// <summary>
/// What someone with write access to the database (but not the audit key, nor the checkpoints in the content store)
/// can do, done as they would do it — SQL on the database file or server — and what finds it: <c>localize audit
/// verify</c> names each forged record, removed record and edited row, and the publish step refuses forged content.
/// </summary>
public sealed class AuditTamperingTests
{
    [Fact]
    public async Task A_chain_recomputed_with_plain_SHA_256_is_named_from_the_first_forged_record()
    {
        using var repository = new TestRepository();
        await WriteSomeRecordsAsync(repository);

        // The attacker changes who did record 5 and recomputes every hash from there on, the way the chain used to be made.
        await ForgeWithSha256Async(repository, fromRecord: 5, r => r.Id == 5 ? r with { Actor = "Mallory" } : r);

        var verify = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.Equal(LocalizeCommandLine.Failed, verify.ExitCode);
        Assert.Contains("audit trail broken at record 5: record 5 was altered after it was written", verify.Errors);
    }

    [Fact]
    public async Task A_whole_chain_rewritten_with_plain_SHA_256_is_named()
    {
        using var repository = new TestRepository();
        await WriteSomeRecordsAsync(repository);

        await ForgeWithSha256Async(repository, fromRecord: 1, r => r.Id == 3 ? r with { Detail = "nothing to see" } : r);

        var verify = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.Equal(LocalizeCommandLine.Failed, verify.ExitCode);
        Assert.Contains("no record is sealed with the audit key", verify.Errors);
    }

    [Fact]
    public async Task Removing_the_last_records_is_found_by_the_checkpoint_the_publish_wrote()
    {
        using var repository = new TestRepository(Pipeline);
        await PublishSpanishAsync(repository);
        var checkpoints = await File.ReadAllLinesAsync(Path.Combine(repository.Root, "audit", "checkpoints.log"));
        Assert.True(AuditCheckpoint.TryParse(checkpoints[^1], out var newest), checkpoints[^1]);
        var intact = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.True(intact.ExitCode == LocalizeCommandLine.Ok, intact.Errors);
        Assert.Contains("checkpoint", intact.Output);

        // Cover the tracks of the publish: its record and everything after it go, as if the trail ended before.
        long publishRecord;
        await using (var connection = await repository.OpenDatabaseAsync())
        {
            publishRecord = await connection.ExecuteScalarAsync<long>("SELECT MIN(id) FROM changes WHERE to_state = 'Published'");
            await connection.ExecuteAsync("DELETE FROM changes WHERE id >= @publishRecord", new { publishRecord });
        }

        var verify = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.Equal(LocalizeCommandLine.Failed, verify.ExitCode);
        Assert.Contains($"the trail ends at record {publishRecord - 1}, but the checkpoint of", verify.Errors);
        Assert.Contains($"names record {newest.Sequence}: records {publishRecord}–{newest.Sequence} were removed", verify.Errors);
        Assert.Contains($"publications row ({Slug}, es, version 1, published by", verify.Errors);
    }

    [Fact]
    public async Task On_blob_storage_the_checkpoints_are_an_append_blob_that_finds_removed_records()
    {
        await using var azurite = await AzuriteBlobService.StartAsync();
        using var repository = new TestRepository(Pipeline);
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Localize:ContentStore:Kind"] = "AzureBlob",
            ["Localize:ContentStore:ConnectionString"] = azurite.ConnectionString,
            ["Localize:ContentStore:Container"] = "published",
        };
        await PublishSpanishAsync(repository, settings);

        var blob = new BlobContainerClient(azurite.ConnectionString, "published").GetAppendBlobClient(AuditCheckpointLog.Path);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(BlobType.Append, properties.BlobType);
        Assert.True(properties.BlobCommittedBlockCount >= 1);
        Assert.False(File.Exists(Path.Combine(repository.Root, "audit", "checkpoints.log")), "nothing goes to the filesystem when blob storage is configured");

        // What `localize audit verify` builds, with the same configuration: the checkpoints are read from the blob.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Localize:Root"] = repository.Root, ["Localize:PostgreSql"] = repository.PostgreSql ?? string.Empty })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddLocalizeCore(configuration).BuildServiceProvider();
        await services.GetRequiredService<SqlSchema>().MigrateAsync(default);
        var verifier = services.GetRequiredService<AuditVerifier>();
        var intact = await verifier.VerifyAsync(default);
        Assert.True(intact.IsIntact, string.Join("\n", intact.Problems));
        Assert.True(intact.Checkpoints >= 1);

        await using (var connection = await repository.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync("DELETE FROM changes WHERE id >= (SELECT MIN(id) FROM changes WHERE to_state = 'Published')");
        }

        var truncated = await verifier.VerifyAsync(default);
        Assert.Contains(truncated.Problems, p => p.Contains("were removed", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> RowEdits => new()
    {
        // which row | the SQL an attacker runs | what verify must say about it
        {
            "an approved target",
            "UPDATE translations SET target_text = 'Tome 500 mg' WHERE id = (SELECT MIN(t.id) FROM translations t WHERE t.locale = 'es' AND t.state = 'Approved')",
            $"({Slug}, es, segment "
        },
        { "the signer", "UPDATE signatures SET signed_by = 'Mallory'", $"signatures row 1 ({Slug}, es, signed by Mallory) differs from the audit trail" },
        { "the publisher", "UPDATE publications SET published_by = 'Mallory'", $"publications row ({Slug}, es, version 1, published by Mallory) differs from the audit trail" },
    };

    [Theory]
    [MemberData(nameof(RowEdits))]
    public async Task A_row_edited_in_the_database_is_named_by_audit_verify(string what, string sql, string expected)
    {
        using var repository = new TestRepository(Pipeline);
        await PublishSpanishAsync(repository);
        await using (var connection = await repository.OpenDatabaseAsync())
        {
            Assert.Equal(1, await connection.ExecuteAsync(sql));
        }

        var verify = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.True(verify.ExitCode == LocalizeCommandLine.Failed, $"{what}: verify should fail");
        Assert.Contains(expected, verify.Errors);
        Assert.DoesNotContain("audit trail broken", verify.Errors);  // the chain itself is intact: the row is what is named
    }

    [Fact]
    public async Task An_approved_target_edited_in_the_database_names_table_article_locale_and_segment()
    {
        using var repository = new TestRepository(Pipeline);
        await PublishSpanishAsync(repository);
        long id;
        await using (var connection = await repository.OpenDatabaseAsync())
        {
            id = await connection.ExecuteScalarAsync<long>(
                "SELECT t.id FROM translations t JOIN segments s ON s.id = t.segment_id WHERE t.locale = 'es' AND s.ordinal = 2");
            await connection.ExecuteAsync("UPDATE translations SET target_text = 'Tome 500 mg' WHERE id = @id", new { id });
        }

        var verify = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.Equal(LocalizeCommandLine.Failed, verify.ExitCode);
        Assert.Contains($"translations row {id} ({Slug}, es, segment 3, version", verify.Errors);
        Assert.Contains("differs from the audit trail: it was changed outside the application after record", verify.Errors);
    }

    [Fact]
    public async Task The_worker_refuses_to_publish_a_target_edited_in_the_database_and_says_why()
    {
        using var repository = new TestRepository(Pipeline);
        await using var server = await RunningServer.StartAsync(repository, Settings);
        await ApproveAsync(server, "es");
        await WaitForVersionAsync(server, "es", 1);

        long id;
        await using (var connection = await repository.OpenDatabaseAsync())
        {
            id = await connection.ExecuteScalarAsync<long>(
                "SELECT t.id FROM translations t JOIN segments s ON s.id = t.segment_id WHERE t.locale = 'es' AND s.ordinal = 2");
            // Touched as a save would, so that the worker sees something new to publish.
            var now = DateTimeOffset.UtcNow.AddSeconds(1);
            await connection.ExecuteAsync("UPDATE translations SET target_text = 'Tome 500 mg al día', updated_at = @now WHERE id = @id", new { id, now });
        }

        var problems = server.Services.GetRequiredService<PipelineRunProblems>();
        await RunningServer.WaitForAsync(
            () => Task.FromResult(problems.Current.Any(p => p.Step == PublishStep.StepName)), "the publish step to refuse the edited content");
        var problem = Assert.Single(problems.Current, p => p.Step == PublishStep.StepName);
        Assert.Contains($"refused to publish {Slug} (es): translations row {id} ({Slug}, es, segment 3, version", problem.Message);
        Assert.Contains(server.Logs.Entries, e => e.Message.Contains("step publish failed", StringComparison.Ordinal));
        Assert.Equal(1, (await server.Store.FindLatestPublicationAsync(Slug, "es", default))!.Version);
        Assert.DoesNotContain("500 mg", await File.ReadAllTextAsync(repository.PublishedPath("es", Slug)));
    }

    [Fact]
    public async Task Localize_publish_refuses_content_released_by_a_signature_forged_in_the_database()
    {
        using var repository = new TestRepository(Pipeline);
        string contentHash;
        await using (var server = await RunningServer.StartAsync(repository, Settings))
        {
            await ApproveOnlyAsync(server, "es");
            contentHash = (await server.Services.GetRequiredService<SignOffService>().InspectAsync(Slug, "es", default)).ContentHash!;
        }

        // Approved but nobody signed: the attacker writes the sign-off row the publish step looks for.
        await using (var connection = await repository.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO signatures (slug, locale, content_hash, source_hash, signed_by, signed_at, meaning)
                SELECT slug, 'es', @contentHash, source_hash, 'Dr. Forger', @signedAt, 'reviewed and approved' FROM articles WHERE slug = @Slug
                """,
                new { contentHash, Slug, signedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        }

        var publish = await InProcessCli.RunAsync(repository, null, "publish");
        Assert.Equal(LocalizeCommandLine.Failed, publish.ExitCode);
        Assert.Contains($"refused to publish {Slug} (es): signatures row 1 ({Slug}, es, signed by Dr. Forger) has no audit record", publish.Errors);
        Assert.False(File.Exists(repository.PublishedPath("es", Slug)));

        var verify = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.Contains($"signatures row 1 ({Slug}, es, signed by Dr. Forger) has no audit record", verify.Errors);
    }

    [Fact]
    public async Task The_worker_checkpoints_the_head_on_its_interval_without_a_publish()
    {
        using var repository = new TestRepository(Pipeline);
        var settings = new Dictionary<string, string?>(Settings) { ["Localize:Audit:CheckpointInterval"] = "00:00:00.200" };
        await using var server = await RunningServer.StartAsync(repository, settings);
        var log = Path.Combine(repository.Root, "audit", "checkpoints.log");
        await RunningServer.WaitForAsync(async () => File.Exists(log) && (await File.ReadAllLinesAsync(log)).Length >= 1, "the worker's first checkpoint");

        // A reviewer's approvals move the head on; the next tick anchors it, with no publish in between (none is signed).
        await ApproveOnlyAsync(server, "es");
        var head = (await server.Store.ReadAuditTrailAsync(default))[^1].Id;
        await RunningServer.WaitForAsync(
            async () => (await File.ReadAllLinesAsync(log)).Any(l => AuditCheckpoint.TryParse(l, out var c) && c.Sequence >= head),
            $"a checkpoint of record {head} or later");

        var lines = await File.ReadAllLinesAsync(log);
        var checkpoints = lines.Select(l => AuditCheckpoint.TryParse(l, out var c) ? c : throw new Xunit.Sdk.XunitException($"not a checkpoint: {l}")).ToArray();
        Assert.True(checkpoints[1].Sequence > checkpoints[0].Sequence, "a checkpoint is written only when the head moved");
        var trail = await server.Store.ReadAuditTrailAsync(default);
        Assert.All(checkpoints, c => Assert.Equal(trail.Single(r => r.Id == c.Sequence).Hash, c.Head));
        Assert.Empty(await server.Store.ListLatestPublicationsAsync(default));
    }

    [Fact]
    public async Task The_key_comes_from_configuration_is_never_in_the_database_and_another_key_is_refused()
    {
        using var repository = new TestRepository();
        var key = AuditKey.Generate();
        var settings = new Dictionary<string, string?> { ["Localize:Audit:Key"] = key.ToBase64() };
        await using (var server = await RunningServer.StartAsync(repository, settings))
        {
            await RunningServer.WaitForAsync(async () => (await server.Store.ReadAuditTrailAsync(default)).Count >= 5, "the worker to write change records");
            var report = await server.Services.GetRequiredService<AuditVerifier>().VerifyAsync(default);
            Assert.True(report.IsIntact, string.Join("\n", report.Problems));
            Assert.All(await server.Store.ReadAuditTrailAsync(default), r => Assert.StartsWith($"hmac-sha256:{key.Id}:", r.Hash));
        }

        Assert.False(File.Exists(Path.Combine(repository.Root, "data", "audit.key")), "a configured key leaves no key file behind");
        await using (var connection = await repository.OpenDatabaseAsync())
        {
            var everything = string.Join('\n', (await connection.QueryAsync<string>("SELECT hash || previous_hash || detail || row_digest FROM changes")));
            Assert.DoesNotContain(key.ToBase64(), everything);
        }

        // A process with another key would write records nobody could verify: it stops at start-up and says why.
        var other = new Dictionary<string, string?> { ["Localize:Audit:Key"] = AuditKey.Generate().ToBase64() };
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(repository, other));
        Assert.Contains($"sealed with audit key {key.Id}", refused.ToString());
    }

    [Fact]
    public async Task A_trail_of_plain_SHA_256_records_is_cut_over_once_and_stays_verifiable()
    {
        using var repository = new TestRepository(Pipeline);
        await PublishSpanishAsync(repository);

        // The database as the previous version left it: plain SHA-256 records, no rows bound, marked for the cut-over.
        await ForgeWithSha256Async(repository, fromRecord: 1, r => r with { RowKey = string.Empty, RowDigest = string.Empty });
        long lastPlain;
        await using (var connection = await repository.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync("UPDATE changes SET row_key = '', row_digest = ''");
            lastPlain = await connection.ExecuteScalarAsync<long>("SELECT MAX(id) FROM changes");
            await connection.ExecuteAsync("INSERT INTO audit_cutover (last_plain_record) VALUES (@lastPlain)", new { lastPlain });
        }

        File.Delete(Path.Combine(repository.Root, "audit", "checkpoints.log"));  // the previous version wrote none
        var verify = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.True(verify.ExitCode == LocalizeCommandLine.Ok, verify.Errors);
        Assert.Contains($"sealed with the audit key since record {lastPlain + 1}", verify.Output);

        // The cut-over record's MAC covers the last plain hash: rewriting the plain part no longer goes unnoticed.
        await ForgeWithSha256Async(repository, fromRecord: 2, r => r.Id == 2 ? r with { Actor = "Mallory" } : r, onlyPlain: true);
        var forged = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        Assert.Equal(LocalizeCommandLine.Failed, forged.ExitCode);
        Assert.Contains($"record {lastPlain + 1} was altered after it was written", forged.Errors);
    }

    private static async Task WriteSomeRecordsAsync(TestRepository repository)
    {
        await using var server = await RunningServer.StartAsync(repository);
        await RunningServer.WaitForAsync(async () => (await server.Store.ReadAuditTrailAsync(default)).Count >= 10, "the worker to write change records");
    }

    private static async Task PublishSpanishAsync(TestRepository repository, IDictionary<string, string?>? settings = null)
    {
        await using var server = await RunningServer.StartAsync(repository, settings ?? Settings);
        await ApproveAsync(server, "es");
        await WaitForVersionAsync(server, "es", 1);
    }

    /// <summary>
    /// What an attacker without the key can do: change records and recompute the chain's hashes with plain SHA-256
    /// from <paramref name="fromRecord"/> on (or only over the plain records before the first keyed one).
    /// </summary>
    private static async Task ForgeWithSha256Async(TestRepository repository, long fromRecord, Func<AuditRecord, AuditRecord> change, bool onlyPlain = false)
    {
        await using var connection = await repository.OpenDatabaseAsync();
        var trail = await connection.QueryAsync<(long Id, string Subject, string From, string To, string Actor, DateTimeOffset At, string Detail, string PreviousHash, string Hash)>(
            "SELECT id, subject, from_state, to_state, actor, at, detail, previous_hash, hash FROM changes ORDER BY id");
        var previous = string.Empty;
        foreach (var row in trail)
        {
            var record = new AuditRecord(row.Id, row.Subject, row.From, row.To, row.Actor, row.At, row.Detail, row.PreviousHash, row.Hash);
            if (record.Id < fromRecord || (onlyPlain && AuditChain.IsKeyed(record)))
            {
                if (record.Id >= fromRecord && record.PreviousHash != previous)
                {
                    // The keyed record after the forged ones is linked to them; its MAC cannot be recomputed.
                    await connection.ExecuteAsync("UPDATE changes SET previous_hash = @previous WHERE id = @Id", new { previous, record.Id });
                }

                previous = record.Hash;
                continue;
            }

            var forged = change(record) with { PreviousHash = previous };
            var hash = AuditChain.Hash(forged, previous);
            await connection.ExecuteAsync(
                "UPDATE changes SET actor = @Actor, detail = @Detail, previous_hash = @PreviousHash, hash = @hash WHERE id = @Id",
                new { forged.Actor, forged.Detail, forged.PreviousHash, hash, forged.Id });
            previous = hash;
        }
    }
}
