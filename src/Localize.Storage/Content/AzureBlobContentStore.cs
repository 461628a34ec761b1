using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Localize.Core.Publishing;

namespace Localize.Storage.Content;

/// <summary>
/// Published versions as block blobs in one container (Azure Blob Storage, or Azurite in tests). A write stages the
/// whole content as a block and then commits the block list with the content type and metadata in the same call:
/// until the commit a reader gets the previous blob, after it the new one, never a mix. A failed upload leaves the
/// previous blob as it was.
/// </summary>
public sealed class AzureBlobContentStore(BlobContainerClient container) : IContentStore
{
    public const string MarkdownContentType = "text/markdown; charset=utf-8";

    public const string PlainTextContentType = "text/plain; charset=utf-8";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private int _containerReady;

    public bool KeepsMetadata => true;

    public Task WriteAsync(string path, string content, CancellationToken cancellationToken) =>
        WriteAsync(path, content, NoMetadata, cancellationToken);

    public async Task WriteAsync(string path, string content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlockBlobClient(BlobName(path));
        var blockId = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        using (var stream = new MemoryStream(Utf8NoBom.GetBytes(content), writable: false))
        {
            await blob.StageBlockAsync(blockId, stream, cancellationToken: cancellationToken);
        }

        await blob.CommitBlockListAsync(
            [blockId],
            new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = MarkdownContentType },
                Metadata = metadata.ToDictionary(m => m.Key, m => m.Value),
            },
            cancellationToken);
    }

    public async Task UpdateMetadataAsync(string path, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(BlobName(path)).SetMetadataAsync(metadata.ToDictionary(m => m.Key, m => m.Value), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Unpublished (or never written) since: there is no page whose metadata could mislead anyone.
        }
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await container.GetBlobClient(BlobName(path)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    public async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = await container.GetBlobClient(BlobName(path)).DownloadContentAsync(cancellationToken);
            return Utf8NoBom.GetString(result.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// An append blob: the service adds each block at the end and never rewrites one, so the checkpoints stay in the
    /// order they were written whichever worker wrote them. (An immutability policy on the container makes them
    /// undeletable too.)
    /// </summary>
    public async Task AppendLineAsync(string path, string line, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetAppendBlobClient(BlobName(path));
        await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = PlainTextContentType } }, cancellationToken);
        using var stream = new MemoryStream(Utf8NoBom.GetBytes(line + "\n"), writable: false);
        await blob.AppendBlockAsync(stream, cancellationToken: cancellationToken);
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerReady) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _containerReady, 1);
        }
    }

    /// <summary>Blob names are the store's relative paths; anything that could climb out of the container's layout is refused.</summary>
    private static string BlobName(string path)
    {
        var name = path.Replace('\\', '/').TrimStart('/');
        if (name.Length == 0 || name.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a valid content path", nameof(path));
        }

        return name;
    }
}
