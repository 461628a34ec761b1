namespace Localize.Integration.Tests.Hostile;

/// <summary>Samples the process's working set while a test runs, for a bound on what one bad file can cost.</summary>
public sealed class MemoryWatch : IDisposable
{
    private readonly long _start = Environment.WorkingSet;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    private MemoryWatch()
    {
        _peak = _start;
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var now = Environment.WorkingSet;
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                await Task.Delay(50).ConfigureAwait(false);
            }
        });
    }

    public long PeakGrowthBytes => Interlocked.Read(ref _peak) - _start;

    public static MemoryWatch Start() => new();

    public void Dispose()
    {
        _stop.Cancel();
        _sampling.Wait();
        _stop.Dispose();
    }
}
