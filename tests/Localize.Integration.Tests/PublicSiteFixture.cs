namespace Localize.Integration.Tests;

/// <summary>
/// One host for the read-only public site tests: the seed article approved in es and ar (fr left in review, so it
/// must never be served), and <see cref="PublicSite.HostileArticle"/> approved in es.
/// </summary>
public sealed class PublicSiteFixture : IAsyncLifetime
{
    public TestRepository Repository { get; } = new(PublicSite.Pipeline);

    public RunningServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Repository.SourcePath(PublicSite.HostileSlug + ".md"), PublicSite.HostileArticle);
        Server = await RunningServer.StartAsync(Repository, PublicSite.Settings);
        await PublicSite.ApproveAsync(Server, "es");
        await PublicSite.ApproveAsync(Server, "ar");
        await PublicSite.ApproveAsync(Server, "es", PublicSite.HostileSlug);
        await PublicSite.WaitUntilInReviewAsync(Server, "fr");
        await PublicSite.WaitForVersionAsync(Server, "es", 1);
        await PublicSite.WaitForVersionAsync(Server, "ar", 1);
        await PublicSite.WaitForVersionAsync(Server, "es", 1, PublicSite.HostileSlug);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Repository.Dispose();
    }
}
