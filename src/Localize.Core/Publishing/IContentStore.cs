namespace Localize.Core.Publishing;

/// <summary>
/// Where approved localized versions are published (the <c>translations/</c> folder by default). Writes are atomic:
/// a reader sees the old content or the new, never half a page.
/// </summary>
public interface IContentStore
{
    Task WriteAsync(string path, string content, CancellationToken cancellationToken);

    /// <summary>
    /// Writes with descriptive metadata (locale, version, hashes) for stores that keep it beside the content, such as
    /// blob storage; a store with nowhere to keep it writes the content alone.
    /// </summary>
    Task WriteAsync(string path, string content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        WriteAsync(path, content, cancellationToken);

    /// <summary>Whether this store keeps metadata beside the content (blob storage does; the filesystem does not).</summary>
    bool KeepsMetadata => false;

    /// <summary>
    /// Replaces the metadata of what is at <paramref name="path"/> without rewriting it (nothing when nothing is there);
    /// a store with nowhere to keep metadata does nothing.
    /// </summary>
    Task UpdateMetadataAsync(string path, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes what is at <paramref name="path"/> (nothing when nothing is there): an unpublish takes the live copy away.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>The content at <paramref name="path"/>, or null when nothing is published there.</summary>
    Task<string?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one line at the end of the append-only object at <paramref name="path"/> (created when missing): what is
    /// there already is never rewritten, and two writers' lines never mix. The audit checkpoints live in one.
    /// </summary>
    Task AppendLineAsync(string path, string line, CancellationToken cancellationToken);
}

/// <summary>The rules for where a published version lives.</summary>
public static class PublishedPath
{
    /// <summary>The live copy readers get: <c>&lt;publish folder&gt;/&lt;locale&gt;/&lt;slug&gt;.md</c>.</summary>
    public static string For(string folder, string locale, string slug) => $"{folder}/{locale}/{slug}.md";

    /// <summary>
    /// The kept copy of one numbered version, written before the live copy and never overwritten with other content,
    /// so a rollback can put any earlier version back: <c>&lt;publish folder&gt;/.versions/&lt;locale&gt;/&lt;slug&gt;/&lt;version&gt;.md</c>.
    /// </summary>
    public static string ForVersion(string folder, string locale, string slug, int version) => $"{folder}/.versions/{locale}/{slug}/{version}.md";

    /// <summary>The publish folder a live path was written under (everything before <c>/&lt;locale&gt;/&lt;slug&gt;.md</c>).</summary>
    public static string FolderOf(string livePath)
    {
        var slash = livePath.LastIndexOf('/');
        var second = slash > 0 ? livePath.LastIndexOf('/', slash - 1) : -1;
        return second > 0 ? livePath[..second] : string.Empty;
    }
}
