using Localize.Core.Content;
using Localize.Core.Audit;
using Localize.Core.Markdown;
using Localize.Core.Webhooks;
using Localize.Core.Workflow;
using Localize.Storage.Webhooks;
using Localize.Storage.Workflow;

namespace Localize.Integration.Tests.Scale;

/// <summary>
/// The lease rules, on both databases, with two workers' stores over one database and a clock the test moves: a claim
/// is exclusive while it holds, comes back to its own worker, passes to another when it runs out or is released, and a
/// worker whose claim ran out cannot overwrite what the next one saved; a webhook delivery goes out from one worker.
/// </summary>
public sealed class WorkLeaseTests(SharedPostgreSql postgres)
{
    private const string Locale = "fr";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly AuditKey AuditKey = AuditKey.Generate();

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task A_claim_is_exclusive_until_it_runs_out_then_another_worker_takes_it_and_the_late_save_is_refused(string database)
    {
        using var repository = new TestRepository();
        var (a, b, clock) = await TwoWorkersAsync(database, repository);
        await a.SaveArticleAsync(Article("lease-rules", 3), Markdown, "scale", [Locale], "worker-a", default);

        var claimedByA = await a.ClaimPendingMachineTranslationAsync(Locale, 2, default);
        var claimedByB = await b.ClaimPendingMachineTranslationAsync(Locale, 10, default);
        Assert.Equal(2, claimedByA.Count);
        Assert.Single(claimedByB);
        Assert.Empty(claimedByA.Select(p => p.TranslationId).Intersect(claimedByB.Select(p => p.TranslationId)));
        Assert.Equal(claimedByA.Select(p => p.TranslationId), (await a.ClaimPendingMachineTranslationAsync(Locale, 10, default)).Select(p => p.TranslationId));
        Assert.Equal(claimedByB.Select(p => p.TranslationId), (await b.ClaimPendingMachineTranslationAsync(Locale, 10, default)).Select(p => p.TranslationId));

        // A is read before its lease runs out, then stalls past it: B takes the batch over and saves first.
        var stalled = (await a.GetTranslationAsync(claimedByA[0].TranslationId, default))!;
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var takenOver = await b.ClaimPendingMachineTranslationAsync(Locale, 10, default);
        Assert.Equal(claimedByA.Concat(claimedByB).Select(p => p.TranslationId).Order(), takenOver.Select(p => p.TranslationId).Order());
        var fresh = (await b.GetTranslationAsync(stalled.Id, default))!;
        await b.SaveTranslationAsync(fresh, [fresh.RecordMachineTranslation("[fr] b", "azure", "worker-b", clock.GetUtcNow())], default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            a.SaveTranslationAsync(stalled, [stalled.RecordMachineTranslation("[fr] a", "azure", "worker-a", clock.GetUtcNow())], default));
        Assert.Equal("[fr] b", (await a.GetTranslationAsync(stalled.Id, default))!.Target);
        Assert.DoesNotContain(stalled.Id, (await a.ClaimPendingMachineTranslationAsync(Locale, 10, default)).Select(p => p.TranslationId));
    }

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task A_batch_saved_together_keeps_what_another_worker_saved_first_and_saves_the_rest(string database)
    {
        using var repository = new TestRepository();
        var (a, b, clock) = await TwoWorkersAsync(database, repository);
        await a.SaveArticleAsync(Article("batch-save", 3), Markdown, "scale", [Locale], "worker-a", default);
        var claimed = await a.ClaimPendingMachineTranslationAsync(Locale, 10, default);
        var read = await a.GetTranslationsAsync([.. claimed.Select(p => p.TranslationId), 999_999], default);
        Assert.Equal(claimed.Select(p => p.TranslationId).Order(), read.Keys.Order());

        // A stalls past its lease; B takes the first segment over and saves it before A saves its batch.
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var first = claimed[0].TranslationId;
        Assert.Contains(first, (await b.ClaimPendingMachineTranslationAsync(Locale, 10, default)).Select(p => p.TranslationId));
        var fresh = (await b.GetTranslationAsync(first, default))!;
        await b.SaveTranslationAsync(fresh, [fresh.RecordMachineTranslation("[fr] b", "azure", "worker-b", clock.GetUtcNow())], default);
        var saves = read.Values.OrderBy(t => t.Id).Select(t => new TranslationSave(
            t,
            [t.RecordMachineTranslation($"[fr] a {t.Id}", "azure", "worker-a", clock.GetUtcNow()), t.SubmitForReview("worker-a", clock.GetUtcNow())],
            [new SegmentNote(NoteOrigin.Engine("azure"), NoteSeverity.Info, $"note {t.Id}")])).ToArray();

        var saved = await a.SaveTranslationsAsync(saves, default);

        Assert.Equal(claimed.Skip(1).Select(p => p.TranslationId).Order(), saved.Order());
        Assert.Equal("[fr] b", (await a.GetTranslationAsync(first, default))!.Target);
        foreach (var id in saved)
        {
            var translation = (await a.GetTranslationAsync(id, default))!;
            Assert.Equal((SegmentState.InReview, $"[fr] a {id}"), (translation.State, translation.Target));
            Assert.Equal([$"note {id}"], (await a.FindReviewItemAsync(id, default))!.Notes.Select(n => n.Message));
        }

        // The batch's records joined the chain in order, sealed like any other.
        Assert.True(AuditChain.Verify(await a.ReadAuditTrailAsync(default), AuditKey).IsIntact);
    }

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task A_released_claim_is_taken_at_once_without_waiting_for_it_to_run_out(string database)
    {
        using var repository = new TestRepository();
        var (a, b, clock) = await TwoWorkersAsync(database, repository);
        await a.SaveArticleAsync(Article("lease-release", 2), Markdown, "scale", [Locale], "worker-a", default);

        Assert.Equal(2, (await a.ClaimPendingMachineTranslationAsync(Locale, 10, default)).Count);
        Assert.Empty(await b.ClaimPendingMachineTranslationAsync(Locale, 10, default));
        await a.ReleaseClaimsAsync(default);

        Assert.Equal(2, (await b.ClaimPendingMachineTranslationAsync(Locale, 10, default)).Count);
    }

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task A_webhook_delivery_goes_to_one_dispatcher_until_its_claim_runs_out(string database)
    {
        using var repository = new TestRepository();
        var db = await OpenAsync(database, repository);
        var clock = new ManualClock();
        var store = WorkflowStores.Over(db, clock, new WorkLease("worker-a", Lease), AuditKey);
        var (a, b) = (new SqlWebhookOutbox(db), new SqlWebhookOutbox(db));
        WebhookSubscriber[] site = [new("site", "http://127.0.0.1:9/hook", "secret")];
        await a.EnqueueNewPublicationsAsync(site, clock.GetUtcNow(), default);
        await store.RecordPublicationAsync(new Publication("claims", "fr", 1, "c", "s", "translations/fr/claims.md", "worker-a", clock.GetUtcNow()), default);
        Assert.Equal(1, await b.EnqueueNewPublicationsAsync(site, clock.GetUtcNow(), default));

        var claimed = await a.ClaimDueAsync(clock.GetUtcNow(), Lease, default);
        Assert.NotNull(claimed);
        Assert.Null(await b.ClaimDueAsync(clock.GetUtcNow(), Lease, default));
        Assert.Null(await a.ClaimDueAsync(clock.GetUtcNow(), Lease, default));

        // A dies without recording its attempt: when the claim runs out, B delivers it.
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var takenOver = await b.ClaimDueAsync(clock.GetUtcNow(), Lease, default);
        Assert.Equal(claimed.Id, takenOver?.Id);
        await b.RecordAttemptAsync(takenOver!.Id, new WebhookAttempt(1, clock.GetUtcNow(), 200, null, TimeSpan.Zero), delivered: true, null, default);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Null(await a.ClaimDueAsync(clock.GetUtcNow(), Lease, default));
    }

    /// <summary>Workers A and B on one database, each with its own lease, both on one clock the test moves.</summary>
    private async Task<(WorkflowStores A, WorkflowStores B, ManualClock Clock)> TwoWorkersAsync(string database, TestRepository repository)
    {
        var db = await OpenAsync(database, repository);
        var clock = new ManualClock();
        return (WorkflowStores.Over(db, clock, new WorkLease("worker-a", Lease), AuditKey), WorkflowStores.Over(db, clock, new WorkLease("worker-b", Lease), AuditKey), clock);
    }

    private async Task<LocalizeDatabase> OpenAsync(string database, TestRepository repository)
    {
        LocalizeDatabase db = await postgres.DatabaseForAsync(database) is { } connectionString
            ? new PostgreSqlDatabase(connectionString)
            : new SqliteDatabase(Path.Combine(repository.Root, "data", "localize.db"));
        await db.MigrateAsync(default);
        return db;
    }

    private static readonly MarkdownDocumentFormat Markdown = new();

    private static ArticleVersion Article(string slug, int sentences)
    {
        var segments = Enumerable.Range(0, sentences).Select(i => new SourceSegment($"p{i}", "paragraph", $"Sentence {i} of {slug}.", [])).ToArray();
        var text = string.Join("\n\n", segments.Select(s => s.Text));
        return new ArticleVersion($"{slug}.md", slug, slug, ContentHash.Of(text), text, segments);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
