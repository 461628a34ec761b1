namespace Localize.Core.Sources;

/// <summary>Where source articles come from (the <c>content/</c> folder by default).</summary>
public interface ISourceFolder
{
    /// <summary>
    /// Relative paths (forward slashes) of the entries under <paramref name="folder"/> that match the glob: files, and
    /// also folders named like a match (<c>x.md/</c>), so that reading them says what they are instead of them being
    /// silently skipped.
    /// </summary>
    IReadOnlyList<string> List(string folder, string include);

    /// <summary>
    /// Reads one file whole; refuses files over <paramref name="maxBytes"/>, and anything but a regular file
    /// (<see cref="NotARegularFileException"/>), without reading them.
    /// </summary>
    Task<byte[]> ReadAsync(string relativePath, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>
/// A source path that is not a regular file — a folder named like an article, a FIFO, a socket, a device — and so is
/// never opened or read: reading a FIFO or a device could block the worker for ever.
/// </summary>
public sealed class NotARegularFileException(string path, string what)
    : IOException($"{path} is {what}, not a regular file; only regular files are read from the source folder (a FIFO, socket or device could block the worker) — move or rename it");
