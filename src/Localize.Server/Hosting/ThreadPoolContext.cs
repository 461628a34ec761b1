namespace Localize.Server.Hosting;

/// <summary>
/// Where everything but a published page runs. A web app on SQLite completes socket reads on the socket engine's
/// thread (inline completions, for the readers' throughput; see
/// <see cref="LocalizeServerExtensions.AnswersOnTheSocketThread"/>), and that thread serves every connection —
/// including an engine's HTTP calls and Apertium's pipes. A continuation after such a read would run there too, holding
/// every reader while a worker checks a batch or a page queries the database. Work run under this context
/// posts each continuation to the thread pool instead: only <see cref="Public.PublicPages"/> answers on the socket's
/// thread.
/// </summary>
public sealed class ThreadPoolContext : SynchronizationContext
{
    public static ThreadPoolContext Instance { get; } = new();

    private ThreadPoolContext()
    {
    }

    /// <summary>
    /// Starts <paramref name="work"/> under this context: its awaits, and those of everything it calls that does not opt
    /// out with <c>ConfigureAwait(false)</c>, continue on the thread pool, whichever thread completed what they awaited.
    /// </summary>
    public static Task Run(Func<Task> work)
    {
        var previous = Current;
        SetSynchronizationContext(Instance);
        try
        {
            return work();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public override void Post(SendOrPostCallback callback, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(static item => item.Context.Invoke(item.Callback, item.State), (Context: this, Callback: callback, State: state), preferLocal: false);

    // The caller waits for the callback: run it here, under this context, as Post's would run.
    public override void Send(SendOrPostCallback callback, object? state) => Invoke(callback, state);

    public override SynchronizationContext CreateCopy() => this;

    private void Invoke(SendOrPostCallback callback, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            callback(state);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
