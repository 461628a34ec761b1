using Dapper;
using Localize.Cli;
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

    private static AuditRecord Chain(AuditRecord record, string previous) =>
        record with { PreviousHash = previous, Hash = AuditChain.Hash(record, previous) };

    private static async Task<(int ExitCode, string Output, string Errors)> VerifyAsync(TestRepository repository)
    {
        var result = await InProcessCli.RunAsync(repository, null, "audit", "verify");
        return (result.ExitCode, result.Output, result.Errors);
    }
}
