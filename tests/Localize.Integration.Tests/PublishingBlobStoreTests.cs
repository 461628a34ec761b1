using Azure.Storage.Blobs;
using Localize.Storage.Content;
using static Localize.Integration.Tests.PublicSite;

namespace Localize.Integration.Tests;

/// <summary>
/// The Azure Blob content store against Azurite (npm): what is published is a blob with its content type and
/// metadata (kept saying whether the page is outdated), a rollback restores the earlier blob, and while the blob
/// service is down a publish fails without touching what readers get.
/// </summary>
public sealed class PublishingBlobStoreTests
{
    private const string EditedFrom = "Migraine attacks can last for hours or even days at a time.";
    private const string EditedTo = "Migraine attacks can last for many hours or even several days at a time.";

    [Fact]
    public async Task Publishing_to_blob_storage_keeps_metadata_rolls_back_and_survives_a_failed_upload()
    {
        await using var azurite = await AzuriteBlobService.StartAsync();
        using var repository = new TestRepository(Pipeline);
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Localize:ContentStore:Kind"] = "AzureBlob",
            ["Localize:ContentStore:ConnectionString"] = azurite.ConnectionString,
            ["Localize:ContentStore:Container"] = "published",
            ["Localize:ContentStore:MaxRetries"] = "1",
        };
        await using var server = await RunningServer.StartAsync(repository, settings);
        var container = new BlobContainerClient(azurite.ConnectionString, "published");

        await ApproveAsync(server, "es");
        await WaitForVersionAsync(server, "es", 1);
        var live = container.GetBlobClient($"translations/es/{Slug}.md");
        var properties = (await live.GetPropertiesAsync()).Value;
        Assert.Equal(AzureBlobContentStore.MarkdownContentType, properties.ContentType);
        Assert.Equal("1", properties.Metadata["version"]);
        Assert.Equal("es", properties.Metadata["locale"]);
        Assert.Equal(Slug, properties.Metadata["slug"]);
        Assert.Equal("false", properties.Metadata["outdated"]);
        var version1 = (await live.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains($"slug: {Slug}", version1);
        Assert.True(await container.GetBlobClient($"translations/.versions/es/{Slug}/1.md").ExistsAsync());
        Assert.False(File.Exists(repository.PublishedPath("es", Slug)), "nothing goes to the filesystem when blob storage is configured");

        // The source changes: the page stays online, and its metadata says it is outdated, as the page does.
        var source = repository.SourcePath(Slug + ".md");
        await File.WriteAllTextAsync(source, (await File.ReadAllTextAsync(source)).Replace(EditedFrom, EditedTo, StringComparison.Ordinal));
        await RunningServer.WaitForAsync(
            async () => (await live.GetPropertiesAsync()).Value.Metadata["outdated"] == "true", "the live blob's metadata to say outdated");
        Assert.Equal("1", (await live.GetPropertiesAsync()).Value.Metadata["version"]);
        await RunningServer.WaitForAsync(
            async () => (await server.Http.GetStringAsync($"/es/{Slug}")).Contains("outdated-notice"), "the Spanish page to be marked outdated");

        // The blob service goes away and the new sentence is approved: the publish fails.
        await azurite.StopAsync();
        await ApproveAsync(server, "es");
        await RunningServer.WaitForAsync(
            () => Task.FromResult(server.Logs.Entries.Any(e => e.Message.Contains("step publish failed", StringComparison.Ordinal))),
            "the publish step to fail while the blob service is down");
        var page = await server.Http.GetStringAsync($"/es/{Slug}");
        Assert.Contains("data-version=\"1\"", page);
        Assert.Contains("outdated-notice", page);
        Assert.Equal(1, (await server.Store.FindLatestPublicationAsync(Slug, "es", default))!.Version);

        // Back again: the next run publishes version 2.
        await azurite.StartAgainAsync();
        await WaitForVersionAsync(server, "es", 2);
        Assert.Equal("2", (await live.GetPropertiesAsync()).Value.Metadata["version"]);
        Assert.Equal("false", (await live.GetPropertiesAsync()).Value.Metadata["outdated"]);
        Assert.NotEqual(version1, (await live.DownloadContentAsync()).Value.Content.ToString());

        using var rollback = await (await server.ManagerAsync()).PostAsJsonAsync($"/api/articles/{Slug}/es/rollback", new { to = 1 });
        Assert.True(rollback.IsSuccessStatusCode, await rollback.Content.ReadAsStringAsync());
        await WaitForVersionAsync(server, "es", 3);
        var restored = (await live.GetPropertiesAsync()).Value;
        Assert.Equal("3", restored.Metadata["version"]);
        Assert.Equal("1", restored.Metadata["restoredversion"]);
        Assert.Equal("true", restored.Metadata["outdated"]);  // version 1 translates the source before the edit
        Assert.Equal(AzureBlobContentStore.MarkdownContentType, restored.ContentType);
        Assert.Equal(version1, (await live.DownloadContentAsync()).Value.Content.ToString());

        // Unpublish removes the live blob and keeps every numbered one.
        using var unpublish = await (await server.ManagerAsync()).PostAsJsonAsync($"/api/articles/{Slug}/es/unpublish", new { });
        Assert.True(unpublish.IsSuccessStatusCode, await unpublish.Content.ReadAsStringAsync());
        Assert.False(await live.ExistsAsync());
        Assert.True(await container.GetBlobClient($"translations/.versions/es/{Slug}/3.md").ExistsAsync());
        await RunningServer.WaitForAsync(
            async () => (await server.Http.GetAsync($"/es/{Slug}")).StatusCode == System.Net.HttpStatusCode.NotFound, "the Spanish page to go offline");
    }
}
