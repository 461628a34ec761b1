using System.Text;
using Localize.Core.Publishing;

namespace Localize.Storage.Content;

/// <summary>
/// Published versions as files under one folder (<c>translations/</c> by default). A write goes to a temporary file
/// in the same folder and is renamed over the old one, so a reader never sees half a page.
/// </summary>
public sealed class FileSystemContentStore(string root) : IContentStore
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _root = Path.GetFullPath(root);

    public async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, content, Utf8NoBom, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        // File.Delete is atomic and does nothing when the file is already gone.
        File.Delete(Resolve(path));
        return Task.CompletedTask;
    }

    public async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        return File.Exists(full) ? await File.ReadAllTextAsync(full, Utf8NoBom, cancellationToken) : null;
    }

    public async Task AppendLineAsync(string path, string line, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var bytes = Utf8NoBom.GetBytes(line + "\n");
        // Writers sharing the folder take turns through an exclusive lock on a file beside the log (an exclusive lock on
        // the log itself would also turn readers away); WriteThrough: the line is on disk before the publish counts as done.
        await using var turn = await TakeTurnAsync(full + ".lock", cancellationToken);
        await using var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.WriteThrough);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static async Task<FileStream> TakeTurnAsync(string lockPath, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < LockAttempts)
            {
                // Another writer holds the turn for the few microseconds of one line.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    private const int LockAttempts = 20;

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is outside the content store", nameof(path));
        }

        return full;
    }
}
