using Localize.Core.Pipelines;
using Localize.Core.Sources;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Localize.Storage.Sources;

/// <summary>
/// Source articles on the local disk under the repository root. Files reached through a link that leaves the source
/// folder are refused, so a symlink cannot make the pipeline publish something outside <c>content/</c>.
/// </summary>
public sealed class FileSystemSourceFolder(string root) : ISourceFolder
{
    private readonly string _root = Path.GetFullPath(root);

    public IReadOnlyList<string> List(string folder, string include)
    {
        var directory = Path.Combine(_root, folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(include);
        return matcher.GetResultsInFullPath(directory)
            .Concat(FoldersNamedLikeAMatch(matcher, directory))
            .Select(full => Path.GetRelativePath(directory, full).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The matcher lists files only, so a folder called <c>x.md</c> would vanish without a word; listing it lets the
    /// reader refuse it by name (its own files are still listed and read as usual). Linked folders are not followed.
    /// </summary>
    private static IEnumerable<string> FoldersNamedLikeAMatch(Matcher matcher, string directory) =>
        Directory.EnumerateDirectories(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
            .Where(folder => matcher.Match(directory, folder).HasMatches);

    public async Task<byte[]> ReadAsync(string relativePath, long maxBytes, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        var folder = Path.GetFullPath(Path.Combine(_root, relativePath.Split('/')[0])) + Path.DirectorySeparatorChar;
        var resolved = ResolveLinks(full);
        if (!resolved.StartsWith(folder, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"{relativePath} links to {resolved}, outside {folder.TrimEnd(Path.DirectorySeparatorChar)}; only files inside the source folder are read");
        }

        if (resolved != full && !Path.Exists(resolved))
        {
            // Not "disappeared while being read": a broken link stays broken until someone fixes or deletes it.
            throw new IOException($"{relativePath} is a link to {resolved}, which does not exist; fix or delete the link");
        }

        using var handle = RegularFile.OpenRead(resolved, relativePath);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            throw new SourceTooLargeException(relativePath, length, maxBytes);
        }

        var buffer = new byte[length];
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await RandomAccess.ReadAsync(handle, buffer.AsMemory(read), read, cancellationToken);
            if (count == 0)
            {
                // Truncated while being read: what was there is not the file any more; the next run reads it again.
                throw new IOException($"{relativePath} became shorter while it was being read");
            }

            read += count;
        }

        return buffer;
    }

    /// <summary>The real path of a file, following links in the file itself and in its folders.</summary>
    private static string ResolveLinks(string path)
    {
        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        var directory = Path.GetDirectoryName(target)!;
        var realDirectory = new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory;
        return Path.Combine(realDirectory, Path.GetFileName(target));
    }
}
