using Localize.Hosting;
using Localize.Server.Hosting;

namespace Localize.Integration.Tests;

/// <summary>
/// A web app on SQLite completes socket reads on the socket engine's thread, which serves every connection (the readers'
/// throughput depends on it). The worker, the background services and every request but a published page run under
/// <see cref="ThreadPoolContext"/>, so that what follows a read — of PostgreSQL's answer, an engine's reply, Apertium's
/// pipe, a request body — never runs on that thread.
/// </summary>
public sealed class ThreadPoolContextTests
{
    [Fact]
    public async Task Work_continues_on_the_thread_pool_whichever_thread_completed_what_it_awaited()
    {
        // Without it, the continuation runs on the thread that completed the read (as on the socket engine's thread).
        Assert.False(await ContinuesOnThreadPoolAsync(work => work()));

        Assert.True(await ContinuesOnThreadPoolAsync(ThreadPoolContext.Run));
    }

    [Fact]
    public async Task Every_later_await_of_the_same_work_stays_off_that_thread()
    {
        var continuedOn = new List<bool>();
        var reads = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource()).ToArray();
        var work = Task.Run(() => ThreadPoolContext.Run(async () =>
        {
            foreach (var read in reads)
            {
                await read.Task;
                continuedOn.Add(Thread.CurrentThread.IsThreadPoolThread);
            }
        }));

        foreach (var read in reads)
        {
            CompleteOnOwnThread(read);
            await RunningServer.WaitForAsync(() => Task.FromResult(continuedOn.Count > Array.IndexOf(reads, read)), "the work to pass the read");
        }

        await work;
        Assert.Equal([true, true, true], continuedOn);
    }

    /// <summary>
    /// No context reaches inside a library that continues with <c>ConfigureAwait(false)</c>, as Npgsql and Dapper do:
    /// its continuation runs on the thread that completed the read, and Npgsql then reads the row's next column
    /// synchronously — waiting for the socket engine's thread it is blocking, until the command times out. So a web
    /// app on PostgreSQL leaves socket completions on the thread pool.
    /// </summary>
    [Fact]
    public async Task A_library_continuation_stays_on_the_reading_thread_so_a_web_app_on_PostgreSQL_keeps_reads_off_it()
    {
        Assert.False(await ContinuesOnThreadPoolAsync(ThreadPoolContext.Run, likeALibrary: true));

        Assert.True(LocalizeServerExtensions.AnswersOnTheSocketThread(new LocalizeOptions()));
        Assert.False(LocalizeServerExtensions.AnswersOnTheSocketThread(new LocalizeOptions { PostgreSql = "Host=db.example;Database=localize" }));
    }

    private static async Task<bool> ContinuesOnThreadPoolAsync(Func<Func<Task>, Task> runner, bool likeALibrary = false)
    {
        var read = new TaskCompletionSource();
        var continuedOnPool = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        // No test framework context around the work, as in a hosted service or a request; started here, so that it is
        // waiting for the read before the read completes.
        var testContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        Task work;
        try
        {
            work = runner(async () =>
            {
                if (likeALibrary)
                {
                    await read.Task.ConfigureAwait(false);
                }
                else
                {
                    await read.Task;
                }

                continuedOnPool.SetResult(Thread.CurrentThread.IsThreadPoolThread);
            });
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(testContext);
        }

        CompleteOnOwnThread(read);
        var result = await continuedOnPool.Task;
        await work;
        return result;
    }

    /// <summary>Completes the read from a thread outside the pool, as the socket engine's thread does.</summary>
    private static void CompleteOnOwnThread(TaskCompletionSource read)
    {
        var thread = new Thread(() => read.SetResult()) { IsBackground = true, Name = "like the socket engine" };
        thread.Start();
        thread.Join();
    }
}
