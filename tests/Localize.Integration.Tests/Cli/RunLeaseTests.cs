using System.Globalization;
using Dapper;
using Localize.Cli;

namespace Localize.Integration.Tests.Cli;

/// <summary>
/// <c>localize run</c> after a worker crashed holding a batch: the run cannot translate what the dead worker's lease
/// still holds, so it says how many segments and until when, and exits 1 instead of 0 as if all were done;
/// <c>--wait</c> waits for them — until the lease runs out, then takes them over — and ends with everything done.
/// </summary>
public sealed class RunLeaseTests
{
    private const string DeadWorker = "crashed-host:4242:deadbeef";

    [Fact]
    public async Task A_run_after_a_crash_names_the_segments_still_leased_and_until_when_and_exits_1()
    {
        using var repository = new TestRepository();
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "run")).ExitCode);
        var until = DateTimeOffset.UtcNow.AddHours(1);
        await CrashHoldingAsync(repository, segments: 3, until);

        var result = await InProcessCli.RunAsync(repository, null, "run");

        Assert.Equal(LocalizeCommandLine.Failed, result.ExitCode);
        Assert.Contains($"3 segments still held by another worker's lease, until {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC", result.Errors);
        Assert.Contains("localize run --wait", result.Errors);
        Assert.Equal(3, await CountAsync(repository, "state = 'New'"));
    }

    [Fact]
    public async Task Run_wait_waits_out_the_dead_worker_s_lease_then_translates_what_it_held()
    {
        using var repository = new TestRepository();
        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "run")).ExitCode);
        await CrashHoldingAsync(repository, segments: 3, DateTimeOffset.UtcNow.AddSeconds(3));

        var result = await InProcessCli.RunAsync(repository, null, "run", "--wait");

        Assert.True(result.ExitCode == LocalizeCommandLine.Ok, result.Errors);
        Assert.Contains("run: waiting for 3 segments still held by another worker's lease", result.Output);
        Assert.Contains("no segment is held by another worker any more", result.Output);
        Assert.Equal(0, await CountAsync(repository, "state IN ('New', 'Outdated')"));
        Assert.Equal(0, await CountAsync(repository, $"lease_owner = '{DeadWorker}'"));
    }

    /// <summary>What a worker killed mid-batch leaves: segments waiting for the machine, claimed by it until its lease ends.</summary>
    private static async Task CrashHoldingAsync(TestRepository repository, int segments, DateTimeOffset until)
    {
        await using var connection = await repository.OpenDatabaseAsync();
        var ids = (await connection.QueryAsync<long>("SELECT id FROM translations WHERE locale = 'qps-ploc' ORDER BY id LIMIT " + segments)).ToArray();
        foreach (var id in ids)
        {
            await connection.ExecuteAsync(
                "UPDATE translations SET state = 'New', lease_owner = @owner, lease_until = @until WHERE id = @id",
                new { owner = DeadWorker, until, id });
        }
    }

    private static async Task<long> CountAsync(TestRepository repository, string where)
    {
        await using var connection = await repository.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM translations WHERE " + where);
    }
}
