using Localize.Cli;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests.Hostile;

/// <summary>What the hostile and fault tests wait for and do, through the host's real services.</summary>
public static class Worker
{
    public static readonly string[] DefaultLocales = ["es", "qps-ploc"];

    /// <summary>
    /// Waits until the article is translated and queued in every locale; fails only when its segments stop moving for
    /// <paramref name="stallSeconds"/> (default <see cref="RunningServer.StallLimit"/>).
    /// </summary>
    public static async Task WaitUntilQueuedAsync(RunningServer server, string slug, IReadOnlyList<string> locales, Func<IReadOnlyList<ReviewItem>, bool>? also = null, int? stallSeconds = null)
    {
        foreach (var locale in locales)
        {
            await server.WaitForSegmentsAsync(
                slug,
                locale,
                segments => segments.Count > 0 && !segments.Any(s => s.State is SegmentState.New or SegmentState.Outdated) && (also is null || also(segments)),
                $"{slug} to be translated and queued in {locale}",
                stallSeconds is { } limit ? TimeSpan.FromSeconds(limit) : null);
        }
    }

    /// <summary>The medical reviewer the hostile tests act as; the server enforces locale and four-eyes rules on them as on anyone.</summary>
    public static ReviewActor Reviewer(IEnumerable<string> locales) => new("Dr. Hostile Reviewer", [Roles.Reviewer], locales);

    /// <summary>
    /// A reviewer approves everything in review for the article and signs each locale off. Segments whose real machine
    /// output raised an error finding (a glued word, a lost prohibition) are approved one by one with a written reason,
    /// as approve-all leaves them for.
    /// </summary>
    public static async Task ApproveAndSignAsync(RunningServer server, string slug, IReadOnlyList<string> locales)
    {
        var review = server.Services.GetRequiredService<ReviewService>();
        var signOff = server.Services.GetRequiredService<SignOffService>();
        var reviewer = Reviewer(locales);
        foreach (var locale in locales)
        {
            await review.ApproveAllAsync(slug, locale, reviewer, default);
            foreach (var held in (await server.Store.ListArticleSegmentsAsync(slug, locale, default)).Where(s => s.State == SegmentState.InReview))
            {
                await review.ApproveAsync(held.TranslationId, reviewer, held.Version, "checked by the medical reviewer", default);
            }

            Assert.All(await server.Store.ListArticleSegmentsAsync(slug, locale, default), s => Assert.Equal(SegmentState.Approved, s.State));
            var status = await signOff.InspectAsync(slug, locale, default);
            await signOff.SignAsync(slug, locale, reviewer, status.ContentHash!, default);
        }
    }

    /// <summary>A reviewer approves and signs everything in review for the article, then the worker publishes it.</summary>
    public static async Task ApproveAndWaitForPublicationAsync(RunningServer server, string slug, IReadOnlyList<string> locales, int version)
    {
        await ApproveAndSignAsync(server, slug, locales);
        await RunningServer.WaitForAsync(
            async () =>
            {
                foreach (var locale in locales)
                {
                    if ((await server.Store.FindLatestPublicationAsync(slug, locale, default))?.Version != version)
                    {
                        return false;
                    }
                }

                return true;
            },
            $"version {version} of {slug} to be published");
    }

    /// <summary><c>localize status</c> as a manager runs it: its exit code and what it wrote on stderr.</summary>
    public static async Task<(int ExitCode, string Errors)> StatusAsync(TestRepository repository)
    {
        var result = await InProcessCli.RunAsync(repository, null, "status");
        return (result.ExitCode, result.Errors);
    }
}
