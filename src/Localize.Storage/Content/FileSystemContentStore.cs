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
