using Localize.Core.Review;
using Localize.Core.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// One host for the read-only public site tests: the seed article approved and signed in es and ar (fr left in
/// review, so it must never be served), and <see cref="PublicSite.HostileArticle"/> signed in es, edited in ar by a
/// translator who added <see cref="HostileTarget"/> to every segment, and approved in fr but never signed.
/// </summary>
public sealed class PublicSiteFixture : IAsyncLifetime
{
    /// <summary>What a hostile (or careless) translator types into a target: markup that must stay text.</summary>
    public const string HostileTarget = "<script>alert(5)</script> <img src=x onerror=alert(6)> [click](javascript:alert(7)) <a href=\"javascript:alert(8)\">here</a>";

    public TestRepository Repository { get; } = new(PublicSite.Pipeline);

    public RunningServer Server { get; private set; } = null!;

    /// <summary>
    /// A readers' instance (<c>Localize:PublicSiteOnly</c>, which runs no worker) on the same database and content store, started
    /// before anything is published, so all it serves it learned from the store as another process would.
    /// </summary>
    public RunningServer Readers { get; private set; } = null!;

    /// <summary>What a reviewer got when approving the hostile edit, even with an override.</summary>
    public Exception? HostileApproval { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Repository.SourcePath(PublicSite.HostileSlug + ".md"), PublicSite.HostileArticle);
        Server = await RunningServer.StartAsync(Repository, PublicSite.Settings);
        Readers = await RunningServer.StartAsync(
            Repository, new Dictionary<string, string?>(PublicSite.Settings) { ["Localize:PublicSiteOnly"] = "true" });
        await PublicSite.ApproveAsync(Server, "es");
        await PublicSite.ApproveAsync(Server, "ar");
        await PublicSite.ApproveAsync(Server, "es", PublicSite.HostileSlug);
        await PublicSite.WaitUntilInReviewAsync(Server, "ar", PublicSite.HostileSlug);
        var review = Server.Services.GetRequiredService<ReviewService>();
        var translator = new ReviewActor("Tr. Hostile Editor", [Roles.Editor], ["ar"]);
        foreach (var segment in await Server.Store.ListArticleSegmentsAsync(PublicSite.HostileSlug, "ar", default))
        {
            // Appended to the machine target, so the segment's own inline codes stay as they were (an edit must keep them).
            await review.EditAsync(segment.TranslationId, translator, $"{segment.Target} {InlineMarkup.Escape(HostileTarget)}", segment.Version, null, default);
        }

        var edited = (await Server.Store.ListArticleSegmentsAsync(PublicSite.HostileSlug, "ar", default))[^1];
        HostileApproval = await Record.ExceptionAsync(
            () => review.ApproveAsync(edited.TranslationId, PublicSite.Reviewer, edited.Version, "a reviewer who overrides everything", default));
        await PublicSite.ApproveOnlyAsync(Server, "fr", PublicSite.HostileSlug);
        await PublicSite.WaitUntilInReviewAsync(Server, "fr");
        await PublicSite.WaitForVersionAsync(Server, "es", 1);
        await PublicSite.WaitForVersionAsync(Server, "ar", 1);
        await PublicSite.WaitForVersionAsync(Server, "es", 1, PublicSite.HostileSlug);

        // The readers' instance learns of publications on its next refresh, which a loaded machine can delay: its tests
        // compare it with the web app, so both must know the same publications before any test starts.
        await PublicSite.WaitForVersionAsync(Readers, "es", 1);
        await PublicSite.WaitForVersionAsync(Readers, "ar", 1);
        await PublicSite.WaitForVersionAsync(Readers, "es", 1, PublicSite.HostileSlug);
    }

    public async ValueTask DisposeAsync()
    {
        await Readers.DisposeAsync();
        await Server.DisposeAsync();
        Repository.Dispose();
    }
}
