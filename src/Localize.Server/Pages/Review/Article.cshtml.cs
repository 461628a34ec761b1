using Humanizer;
using Localize.Core.Documents;
using Localize.Core.Languages;
using Localize.Core.Memory;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Workflow;
using Localize.Server.Web;
using Localize.Storage.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Localize.Server.Pages.Review;

/// <summary>
/// One article in one locale, side by side with its source: approve, edit or reject each segment as the signed-in
/// account, and sign the article off once every segment is approved. The rules (locale, four-eyes, findings, versions)
/// are the <see cref="ReviewService"/>'s; this page shows their answers: 403 for what the account may not do, 409 with
/// both versions when someone else saved first, 422 with the reason for any other refusal.
/// </summary>
public sealed class ArticleModel(
    IWorkflowStore store,
    ReviewService review,
    SignOffService signOff,
    IReviewRecordStore records,
    PeopleDirectory people,
    ITranslationMemory memory,
    IPipelineCatalog pipelines,
    DocumentFormatRegistry formats,
    PseudoRetranslation retranslation)
    : PageModel
{
    [FromRoute]
    public string Locale { get; set; } = string.Empty;

    /// <summary>The language pack the checks used for this locale: named on the page with what it cannot check.</summary>
    public LanguagePack Pack => LanguagePacks.For(Locale);

    /// <summary>The target's script direction for the <c>dir</c> attribute: Arabic, Persian, Hebrew, Urdu right to left.</summary>
    public string Direction => Pack.Direction == TextDirection.RightToLeft ? "rtl" : "ltr";

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public IReadOnlyList<ReviewItem> Segments { get; private set; } = [];

    public ArticleLocaleStatus? Status { get; private set; }

    /// <summary>Readability of the source and of this locale's targets, as the worker last scored them.</summary>
    public IReadOnlyList<StoredReadability> Readability { get; private set; } = [];
    /// <summary>For each segment a reviewer still has to decide on: the best 5 memory matches from 75 %, differences highlighted.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<MemoryMatch>> Matches { get; private set; } = new Dictionary<long, IReadOnlyList<MemoryMatch>>();

    public SignOffStatus? SignOff { get; private set; }

    /// <summary>The author's notes for reviewers by unit id, as the article's format reads them (a .resx entry's comment:
    /// the context for a short UI string); empty for a format without any.</summary>
    public IReadOnlyDictionary<string, string> Comments { get; private set; } = new Dictionary<string, string>();

    /// <summary>The format the article was read by: it names each segment for the reviewer.</summary>
    public IDocumentFormat? Format { get; private set; }

    /// <summary>What is shown under a segment's number: its kind, or a field's or a key's name, as the format says.</summary>
    public string Label(ReviewItem segment) => Format?.ReviewLabel(segment.UnitId, segment.Kind) ?? segment.Kind;

    public MqmScore? Quality { get; private set; }

    public ReviewAssignment? Assignment { get; private set; }

    public ReviewActor Actor => User.ToReviewActor();

    /// <summary>Set when a save lost a race: what the other person saved, and what this one tried to.</summary>
    public SaveConflict? Conflict { get; private set; }

    /// <summary>A refusal shown on this response (not carried over a redirect).</summary>
    public string? Refusal { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public bool FlashIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Actor.CanView(Locale))
        {
            return Forbid();
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, int version, string? overrideReason, CancellationToken cancellationToken) =>
        ActAsync(id, null, () => review.ApproveAsync(id, Actor, version, overrideReason, cancellationToken), "Segment approved.", cancellationToken);

    public Task<IActionResult> OnPostEditAsync(long id, int version, string target, string? mqmCategory, string? mqmSeverity, CancellationToken cancellationToken) =>
        ActAsync(
            id,
            target,
            () => review.EditAsync(id, Actor, target ?? string.Empty, version, RequireMqm(mqmCategory, mqmSeverity), cancellationToken),
            "Edit saved; the segment is back in review for a second reviewer.",
            cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(long id, int version, string reason, string? mqmCategory, string? mqmSeverity, CancellationToken cancellationToken) =>
        ActAsync(
            id,
            null,
            () => review.RejectAsync(id, Actor, reason ?? string.Empty, version, RequireMqm(mqmCategory, mqmSeverity), cancellationToken),
            "Segment rejected.",
            cancellationToken);

    public async Task<IActionResult> OnPostApproveAllAsync(CancellationToken cancellationToken)
    {
        if (!Actor.CanApprove(Locale))
        {
            return Forbid();
        }

        var result = await review.ApproveAllAsync(Slug, Locale, Actor, cancellationToken);
        var message = $"{"segment".ToQuantity(result.Approved)} approved.";
        return result.Skipped.Count == 0
            ? Done(message)
            : Done($"{message} Not approved: {string.Join(" ", result.Skipped)}", isError: true);
    }

    /// <summary>A manager sends this article's pseudo output back to the locale's engine; the worker translates it on its next run.</summary>
    public async Task<IActionResult> OnPostRetranslatePseudoAsync(CancellationToken cancellationToken)
    {
        if (!Actor.CanAssign || !Actor.CanView(Locale))
        {
            return Forbid();
        }

        var sent = await retranslation.SendBackAsync(Slug, Locale, $"re-translation asked for by {Actor.Name}", Actor.Name, cancellationToken);
        return Done($"{"segment".ToQuantity(sent)} holding pseudo text sent back to the engine; the worker translates them on its next run.");
    }

    /// <summary>The electronic signature: the signer re-enters their password, and signs the content hash they were shown.</summary>
    public async Task<IActionResult> OnPostSignAsync(string password, string contentHash, CancellationToken cancellationToken)
    {
        if (!Actor.CanApprove(Locale))
        {
            return Forbid();
        }

        if (!await people.VerifyPasswordAsync(Actor.Name, password ?? string.Empty))
        {
            return await RefuseAsync("Signature not recorded: the password is wrong (repeated failures lock the account).", StatusCodes.Status401Unauthorized, cancellationToken);
        }

        return await ActAsync(
            0,
            null,
            async () =>
            {
                var signature = await signOff.SignAsync(Slug, Locale, Actor, contentHash ?? string.Empty, cancellationToken);
                Flash = $"Signed by {signature.SignedBy}: {signature.Meaning}. The article publishes on the worker's next run.";
            },
            null,
            cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(string assignee, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        if (!Actor.CanAssign)
        {
            return Forbid();
        }

        var refused = await ReviewAssigning.AssignAsync(people, records, Actor, Slug, Locale, assignee, dueAt, DateTimeOffset.UtcNow, cancellationToken);
        return refused is null
            ? Done($"Assigned to {assignee!.Trim()}.")
            : await RefuseAsync(refused, StatusCodes.Status422UnprocessableEntity, cancellationToken);
    }

    private static MqmIssue RequireMqm(string? category, string? severity) =>
        MqmIssue.Parse(category, severity)
            ?? throw new ReviewRefusedException("an edit or rejection names the MQM error it is about: a category and a severity (minor, major or critical)");

    private async Task<IActionResult> ActAsync(long id, string? attemptedTarget, Func<Task> action, string? success, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return Done(success ?? Flash ?? "Saved.");
        }
        catch (ReviewForbiddenException)
        {
            return Forbid();
        }
        catch (ConcurrencyConflictException ex)
        {
            await LoadAsync(cancellationToken);
            var theirs = Segments.FirstOrDefault(s => s.TranslationId == id);
            Conflict = new SaveConflict(id, ex.Message, theirs, attemptedTarget);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (Exception ex) when (ex is ReviewRefusedException or InvalidTransitionException)
        {
            return await RefuseAsync(ex.Message, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
    }

    private async Task<IActionResult> RefuseAsync(string message, int statusCode, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Refusal = message;
        Response.StatusCode = statusCode;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Segments = await store.ListArticleSegmentsAsync(Slug, Locale, cancellationToken);
        if (Segments.Count == 0)
        {
            return false;
        }

        Status = (await store.ListStatusAsync(cancellationToken)).FirstOrDefault(s => s.Slug == Slug && s.Locale == Locale);
        var sourceLanguage = pipelines.Find(Segments[0].Pipeline)?.Source.Language ?? "en";
        var scores = new List<StoredReadability>();
        foreach (var locale in new[] { sourceLanguage, Locale })
        {
            if (await store.FindReadabilityAsync(Slug, locale, cancellationToken) is { } score)
            {
                scores.Add(score);
            }
        }

        Readability = scores;
        var matches = new Dictionary<long, IReadOnlyList<MemoryMatch>>();
        foreach (var segment in Segments.Where(s => s.State is SegmentState.InReview or SegmentState.Rejected))
        {
            // The segment's own target is no suggestion: leave out the match it was prefilled from.
            var found = (await memory.FindFuzzyAsync(sourceLanguage, Locale, segment.Source, 6, cancellationToken))
                .Where(m => m.Target != segment.Target || m.Source != segment.Source)
                .Take(5)
                .ToArray();
            if (found.Length > 0)
            {
                matches[segment.TranslationId] = found;
            }
        }

        Matches = matches;
        var article = await store.FindArticleAsync(Slug, cancellationToken);
        Format = article is null ? null : formats.Get(article.Format);
        // The stored source is the version the segments were taken from, and it was read once already: it parses.
        Comments = article is null || Format is null ? new Dictionary<string, string>() : Format.ReviewerComments(article.SourceText);
        SignOff = await signOff.InspectAsync(Slug, Locale, cancellationToken);
        Quality = MqmScore.From(Status?.Words ?? 0, await records.ListMqmSeveritiesAsync(Slug, Locale, cancellationToken));
        Assignment = (await records.ListAssignmentsAsync(cancellationToken)).FirstOrDefault(a => a.Slug == Slug && a.Locale == Locale);
        return true;
    }

    private RedirectResult Done(string message, bool isError = false)
    {
        Flash = message;
        FlashIsError = isError;
        return Redirect($"/review/{Uri.EscapeDataString(Locale)}/{Uri.EscapeDataString(Slug)}");
    }
}

/// <summary>A save refused because someone else saved first: their version as it now stands, and the one not saved.</summary>
public sealed record SaveConflict(long TranslationId, string Message, ReviewItem? Theirs, string? YourTarget);
