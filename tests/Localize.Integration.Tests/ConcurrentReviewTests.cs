using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Localize.Core.Workflow;
using Localize.Storage.People;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// Fifty reviewers at once, each in their own HTTP session on loopback, approving segments of their own and editing
/// two segments they all share: every save is either kept (and was based on the version then current) or reported as a
/// conflict showing both versions — none is lost silently.
/// </summary>
public sealed partial class ConcurrentReviewTests
{
    private const string Slug = TestRepository.SeedSlug;
    private const string Locale = "qps-ploc";
    private const string Password = "a long test passphrase";
    private const int Reviewers = 50;
    private const int Rounds = 2;

    [Fact]
    public async Task Fifty_reviewers_approving_and_editing_distinct_and_shared_segments_lose_no_update_and_every_conflict_is_reported()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);
        IReadOnlyList<ReviewItem> segments = [];
        await RunningServer.WaitForAsync(
            async () => (segments = await server.Store.ListArticleSegmentsAsync(Slug, Locale, default)) is { Count: > 0 } all && all.All(s => s.State == SegmentState.InReview),
            "pseudo segments in review");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
            for (var i = 0; i < Reviewers; i++)
            {
                Assert.Null(await people.AddAsync(Name(i), "reviewer", [Locale], Password, default));
            }
        }

        var plain = segments.Where(s => s.Kind != "field" && !s.Source.Contains('<') && !s.Target!.Contains('<')).ToArray();
        var shared = plain[..2];
        var distinct = plain[2..];
        var path = $"/review/{Locale}/{Slug}";
        var clients = await Task.WhenAll(Enumerable.Range(0, Reviewers).Select(i => ReviewerClient.SignInAsync(server, Name(i), Password)));
        var attempts = new ConcurrentBag<Attempt>();

        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            if (i < distinct.Length)
            {
                var version = await ReadVersionAsync(client, path, distinct[i]);
                using var approval = await client.SubmitAsync(path, "Approve", new() { ["id"] = distinct[i].TranslationId.ToString(), ["version"] = version.ToString() });
                attempts.Add(new Attempt(i, "approve", distinct[i].TranslationId, version, null, approval.StatusCode, await approval.Content.ReadAsStringAsync()));
            }

            for (var round = 0; round < Rounds; round++)
            {
                var target = shared[(i + round) % shared.Length];
                var version = await ReadVersionAsync(client, path, target);
                var text = $"Ŧéxŧ ŵŕíŧŧéñ bý {Name(i)} íñ ŕõúñđ {round}";
                using var edit = await client.SubmitAsync(path, "Edit", new()
                {
                    ["id"] = target.TranslationId.ToString(), ["version"] = version.ToString(), ["target"] = text, ["mqmCategory"] = "style", ["mqmSeverity"] = "minor",
                });
                attempts.Add(new Attempt(i, "edit", target.TranslationId, version, text, edit.StatusCode, await edit.Content.ReadAsStringAsync()));
            }
        }));

        foreach (var client in clients)
        {
            client.Dispose();
        }

        // Every answer is a save (303-style redirect back to the page) or a reported conflict; nothing else.
        Assert.All(attempts, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{Name(a.Reviewer)} {a.Action}: {(int)a.Status}"));
        var conflicts = attempts.Where(a => a.Status == HttpStatusCode.Conflict).ToArray();
        Assert.NotEmpty(conflicts);
        Assert.All(conflicts, c =>
        {
            Assert.Contains("id=\"conflict-theirs\"", c.Body);
            Assert.Contains("id=\"conflict-yours\"", c.Body);
        });

        // Distinct segments: each approved, by the one reviewer who approved it.
        for (var i = 0; i < distinct.Length && i < Reviewers; i++)
        {
            var item = (await server.Store.FindReviewItemAsync(distinct[i].TranslationId, default))!;
            Assert.Equal(SegmentState.Approved, item.State);
            Assert.Equal([Name(i)], item.Approvers);
        }

        // Shared segments: each kept save bumped the version once and was based on the version current at the time;
        // the target is the last kept save, never a conflicted one.
        foreach (var segment in shared)
        {
            var saved = attempts.Where(a => a.Id == segment.TranslationId && a.Status == HttpStatusCode.Redirect).OrderBy(a => a.BasedOn).ToArray();
            var item = (await server.Store.FindReviewItemAsync(segment.TranslationId, default))!;
            var history = await server.Store.ListChangesAsync(segment.TranslationId, default);
            Assert.Equal(saved.Length, history.Count(c => c.Detail.StartsWith("target edited", StringComparison.Ordinal)));
            Assert.Equal(segment.Version + saved.Length, item.Version);
            Assert.Equal(saved.Length, saved.Select(a => a.BasedOn).Distinct().Count());
            Assert.Equal(saved[^1].Text, item.Target);
            Assert.Equal(
                attempts.Count(a => a.Id == segment.TranslationId),
                saved.Length + conflicts.Count(c => c.Id == segment.TranslationId));
        }
    }

    private static string Name(int i) => $"reviewer-{i:00}";

    private static async Task<int> ReadVersionAsync(ReviewerClient client, string path, ReviewItem segment)
    {
        var html = await client.GetStringAsync(path);
        var match = RowPattern().Matches(html).Single(m => m.Groups[1].Value == (segment.Ordinal + 1).ToString());
        return int.Parse(match.Groups[2].Value);
    }

    [GeneratedRegex("<tr id=\"segment-(\\d+)\"[^>]*? data-version=\"(\\d+)\"")]
    private static partial Regex RowPattern();

    private sealed record Attempt(int Reviewer, string Action, long Id, int BasedOn, string? Text, HttpStatusCode Status, string Body);
}
