using Azure.Storage.Blobs;
using Localize.Core.Publishing;
using Localize.Storage.Content;

namespace Localize.Hosting;

/// <summary>
/// The <c>Localize:ContentStore</c> section: where published versions go. <c>FileSystem</c> (default) writes under
/// the repository (<c>translations/</c>); <c>AzureBlob</c> writes block blobs into <see cref="Container"/>.
/// </summary>
public sealed class ContentStoreOptions
{
    public const string Section = "Localize:ContentStore";

    public ContentStoreKind Kind { get; set; } = ContentStoreKind.FileSystem;

    /// <summary>An Azure Storage connection string (for Azurite: its devstoreaccount1 string with the blob endpoint).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    public string Container { get; set; } = "localize";

    /// <summary>How often a failed request to the blob service is retried (with exponential back-off) before the publish step gives up until its next run.</summary>
    public int MaxRetries { get; set; } = 3;

    public IContentStore Create(string repositoryRoot) => Kind switch
    {
        ContentStoreKind.AzureBlob => new AzureBlobContentStore(new BlobContainerClient(
            ConnectionString,
            Container,
            new BlobClientOptions { Retry = { MaxRetries = MaxRetries, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(30) } })),
        _ => new FileSystemContentStore(repositoryRoot),
    };
}

public enum ContentStoreKind
{
    FileSystem,
    AzureBlob,
}
