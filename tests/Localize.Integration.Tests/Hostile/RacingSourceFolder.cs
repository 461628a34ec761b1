using Localize.Core.Sources;

namespace Localize.Integration.Tests.Hostile;

/// <summary>
/// The real source folder, except that two files lose a race with an editor: one is deleted between the listing and
/// the read, the other is saved again just after the worker read it. Each race happens once, like a real one.
/// </summary>
public sealed class RacingSourceFolder(ISourceFolder inner, string root) : ISourceFolder
{
    public const string RemovedPath = "content/removed-while-read.md";
    public const string RewrittenPath = "content/rewritten-while-read.md";
    public const string RewrittenText = "---\ntitle: Rewritten\n---\n\nRewritten while it was read.\n";

    private int _removed;
    private int _rewritten;

    public IReadOnlyList<string> List(string folder, string include) => inner.List(folder, include);

    public async Task<byte[]> ReadAsync(string relativePath, long maxBytes, CancellationToken cancellationToken)
    {
        if (relativePath == RemovedPath && Interlocked.Exchange(ref _removed, 1) == 0)
        {
            File.Delete(Path.Combine(root, relativePath));
        }

        var bytes = await inner.ReadAsync(relativePath, maxBytes, cancellationToken);
        if (relativePath == RewrittenPath && Interlocked.Exchange(ref _rewritten, 1) == 0)
        {
            await File.WriteAllTextAsync(Path.Combine(root, relativePath), RewrittenText, cancellationToken);
        }

        return bytes;
    }
}
