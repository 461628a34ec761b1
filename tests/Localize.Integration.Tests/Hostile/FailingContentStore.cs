using Localize.Core.Publishing;
using Localize.Storage.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests.Hostile;

/// <summary>The real filesystem content store, except that while <see cref="DiskFull"/> every write fails as on a full disk.</summary>
public sealed class FailingContentStore(FileSystemContentStore inner) : IContentStore
{
    private volatile bool _diskFull;
    private int _refusedWrites;

    public bool DiskFull
    {
        get => _diskFull;
        set => _diskFull = value;
    }

    public int RefusedWrites => Volatile.Read(ref _refusedWrites);

    public Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        if (DiskFull)
        {
            Interlocked.Increment(ref _refusedWrites);
            throw new IOException("No space left on device : '" + path + "'");
        }

        return inner.WriteAsync(path, content, cancellationToken);
    }

    public Task<string?> ReadAsync(string path, CancellationToken cancellationToken) => inner.ReadAsync(path, cancellationToken);

    public Task AppendLineAsync(string path, string line, CancellationToken cancellationToken) => inner.AppendLineAsync(path, line, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    public void Replace(IServiceCollection services) => services.AddSingleton<IContentStore>(this);
}
