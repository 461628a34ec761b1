using Dapper;
using Localize.Cli;
using Localize.Core.Audit;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Integration.Tests;

/// <summary>
/// Every state change is in a hash-chained audit trail: altering, removing or inserting a record in the database is
/// caught by <c>localize audit verify</c>, which names the record.
/// </summary>
public sealed class AuditTrailTests
{
    public static TheoryData<string, string, string> Tampering => new()
    {
        // what is done to record 5 | SQL | what verify must say
        { "changed", "UPDATE changes SET actor = 'Mallory' WHERE id = 5", "record 5 was altered" },
        { "deleted", "DELETE FROM changes WHERE id = 5", "before record 6 were removed" },
        {
            "inserted",
            "UPDATE changes SET id = id + 1000 WHERE id >= 5; UPDATE changes SET id = id - 999 WHERE id >= 1005; "
            + "INSERT INTO changes (id, translation_id, subject, from_state, to_state, actor, at, detail, previous_hash, hash) "
            + "SELECT 5, translation_id, subject, 'InReview', 'Approved', 'Mallory', at, 'approved', hash, hash FROM changes WHERE id = 4",
            "record 5"
        },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Tampering_with_one_record_is_named_by_audit_verify(string what, string sql, string expected)
    {
        using var repository = new TestRepository();
        await using (var server = await RunningServer.StartAsync(repository))
        {
            await RunningServer.WaitForAsync(
                async () => (await server.Store.ReadAuditTrailAsync(default)).Count >= 10,
                "the worker to write change records");
        }

        var (intact, output, _) = await VerifyAsync(repository);
        Assert.Equal(LocalizeCommandLine.Ok, intact);
        Assert.Contains("audit trail intact", output);

        await using (var connection = await repository.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync(sql);
        }

        var (broken, _, errors) = await VerifyAsync(repository);
        Assert.True(broken == LocalizeCommandLine.Failed, $"{what}: verify should fail");
        Assert.Contains(expected, errors);
    }

    [Fact]
    public void An_intact_chain_verifies_and_its_head_is_the_last_hash()
    {
        var first = Chain(new AuditRecord(1, "translation:1", "New", "MachineTranslated", "worker", DateTimeOffset.UnixEpoch, "machine-translated", "", ""), "");
        var second = Chain(new AuditRecord(2, "translation:1", "MachineTranslated", "InReview", "worker", DateTimeOffset.UnixEpoch, "queued", "", ""), first.Hash);

        var result = AuditChain.Verify([first, second]);

        Assert.True(result.IsIntact);
        Assert.Equal(second.Hash, result.Head);
    }

    [Fact]
    public void A_keyed_chain_verifies_only_with_its_key_and_only_while_every_record_after_the_first_keyed_one_is_keyed()
    {
        var key = AuditKey.Generate();
        var first = Seal(new AuditRecord(1, "translation:1", "New", "MachineTranslated", "worker", DateTimeOffset.UnixEpoch, "machine-translated", "", ""), "", key);
        var second = Seal(new AuditRecord(2, "translation:1", "MachineTranslated", "InReview", "worker", DateTimeOffset.UnixEpoch, "queued", "", ""), first.Hash, key);

        Assert.True(AuditChain.Verify([first, second], key).IsIntact);
        Assert.Contains("not the configured key", AuditChain.Verify([first, second], AuditKey.Generate()).Message);
        Assert.Contains("verifying it needs that key", AuditChain.Verify([first, second]).Message);

        // The bound row is sealed with the record: a digest changed to match an edited row no longer verifies.
        var rebound = second with { RowDigest = "0000" };
        Assert.Equal(2, AuditChain.Verify([first, rebound], key).FirstBrokenId);

        // A record recomputed with plain SHA-256 after a keyed one: the downgrade is named.
        var plain = Chain(second with { Actor = "Mallory" }, first.Hash);
        var downgraded = AuditChain.Verify([first, plain], key);
        Assert.Equal(2, downgraded.FirstBrokenId);
        Assert.Contains("rewritten without the key", downgraded.Message);
    }

    /// <summary>
    /// Records sealed with a time to 100 ns, before times were kept to the microsecond, still verify once PostgreSQL holds
    /// that time to the microsecond (migration 0015) — and a record whose time moved further, or whose row digest was
    /// rebound, still does not.
    /// </summary>
    [Fact]
    public void A_record_sealed_with_a_time_to_100_ns_verifies_after_the_time_is_cut_to_the_microsecond()
    {
        var key = AuditKey.Generate();
        var sealedAt = new DateTimeOffset(2026, 11, 30, 9, 15, 42, TimeSpan.Zero).AddTicks(1_234_567);
        var signature = new ArticleSignature("flu-shots", "es", "c0ffee", "beef", "rita", sealedAt, "approved for publication");
        var record = Seal(
            new AuditRecord(1, "article:es/flu-shots", "Approved", "Signed", "rita", sealedAt, "signed", "", "")
            {
                RowKey = AuditRows.SignatureKey(1), RowDigest = AuditRows.SignatureDigest(signature),
            },
            "",
            key);
        var cut = new DateTimeOffset(2026, 11, 30, 9, 15, 42, TimeSpan.Zero).AddTicks(1_234_560);

        var asStored = record with { At = cut };
        Assert.True(AuditChain.Verify([asStored], key).IsIntact);
        var row = new BoundRow(AuditRows.SignatureKey(1), AuditRows.SignatureDigest(signature with { SignedAt = cut }), "signatures row 1")
        {
            AlsoSealedAs = AuditRows.SignatureDigestsSealedBefore(signature with { SignedAt = cut }),
        };
        Assert.True(row.IsDescribedBy(record.RowDigest));

        var oneMicrosecondLater = cut.AddTicks(10);
        Assert.False(AuditChain.Verify([record with { At = oneMicrosecondLater }], key).IsIntact);
        var moved = new BoundRow(row.Key, AuditRows.SignatureDigest(signature with { SignedAt = oneMicrosecondLater }), row.Names)
        {
            AlsoSealedAs = AuditRows.SignatureDigestsSealedBefore(signature with { SignedAt = oneMicrosecondLater }),
        };
        Assert.False(moved.IsDescribedBy(record.RowDigest));
    }

    [Theory]
    [InlineData("not base64!", "must be base64")]
    [InlineData("c2hvcnQ=", "has 5 bytes; it needs at least 32")]
    public void A_malformed_audit_key_is_refused_naming_the_setting(string value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AuditKey.FromBase64(value, "Localize:Audit:Key"));
        Assert.StartsWith("Localize:Audit:Key: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static AuditRecord Seal(AuditRecord record, string previous, AuditKey key) =>
        record with { PreviousHash = previous, Hash = AuditChain.Seal(record, previous, key) };

    private static AuditRecord Chain(AuditRecord record, string previous) =>
        record with { PreviousHash = previous, Hash = AuditChain.Hash(record, previous) };

    private static async Task<(int ExitCode, string Output, string Errors)> VerifyAsync(TestRepository repository)
    {
        var result = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        return (result.ExitCode, result.Output, result.Errors);
    }
}
