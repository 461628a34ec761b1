using Humanizer;
using Localize.Core.Documents;
using Localize.Core.Glossaries;
using Localize.Core.Languages;
using Localize.Core.Memory;
using Localize.Core.Pipelines;
using Localize.Core.Review;
using Localize.Core.Translation;
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
    IArticleStore articleStore,
    IStatusQueries statusQueries,
    IReviewQueries reviewQueries,
    IReviewAidStore reviewAids,
    ReviewService review,
    SignOffService signOff,
    IReviewRecordStore records,
    PeopleDirectory people,
    ITranslationMemory memory,
    IPipelineCatalog pipelines,
    DocumentFormatRegistry formats,
    PseudoRetranslation retranslation,
    IGlossaryStore glossaries,
    ISegmentHistoryStore history,
    ISegmentCommentStore threads,
    BackTranslationEngines backTranslationEngines,
    TimeProvider clock)
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

    /// <summary>What the filters below leave of <see cref="Segments"/>, in document order.</summary>
    public IReadOnlyList<ReviewItem> Shown { get; private set; } = [];

    /// <summary>Show only segments in this state (a <see cref="SegmentState"/> name); empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>Show only segments with a finding of this origin (<c>check:numbers</c>, <c>engine</c> …).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Check { get; set; }

    /// <summary>Show only targets made by this engine (<c>apertium</c>, <c>memory</c> …).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Engine { get; set; }

    /// <summary>Show only segments whose source or target contains this text (letter case ignored).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Show only segments of this risk class (<c>dose-or-number</c>, <c>prohibition</c>, <c>warning</c>, <c>plain</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Risk { get; set; }

    /// <summary><c>risk</c>: the riskiest segments first; otherwise document order.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public bool SortsByRisk => string.Equals(Sort, "risk", StringComparison.OrdinalIgnoreCase);

    public bool IsFiltered => !string.IsNullOrEmpty(State) || !string.IsNullOrEmpty(Check) || !string.IsNullOrEmpty(Engine) || !string.IsNullOrWhiteSpace(Q)
        || SegmentRisk.Parse(Risk) is not null;

    /// <summary>Each segment's risk class and what gave it.</summary>
    public SegmentRisk RiskOf(ReviewItem segment)
    {
        if (!_risks.TryGetValue(segment.TranslationId, out var risk))
        {
            risk = SegmentRisk.Of(segment, pipelines);
            _risks[segment.TranslationId] = risk;
        }

        return risk;
    }

    private readonly Dictionary<long, SegmentRisk> _risks = [];

    /// <summary>The language pair's glossary, whose terms are marked in the sources.</summary>
    public Glossary Glossary { get; private set; } = Glossary.Empty;

    /// <summary>For segments whose English changed since they were last translated: the English before, by translation id.</summary>
    public IReadOnlyDictionary<long, string> EarlierSources { get; private set; } = new Dictionary<long, string>();

    /// <summary>Each segment's comment thread, oldest first.</summary>
    public ILookup<long, SegmentComment> Thread { get; private set; } = Array.Empty<SegmentComment>().ToLookup(c => c.TranslationId);

    /// <summary>Set while "approve all" waits for the reviewer to confirm: which segments it would approve, and which it leaves.</summary>
    public ApproveAllPlan? ApproveAllPlan { get; private set; }

    public ArticleLocaleStatus? Status { get; private set; }

    /// <summary>Readability of the source and of this locale's targets, as the worker last scored them.</summary>
    public IReadOnlyList<StoredReadability> Readability { get; private set; } = [];
    /// <summary>For each segment a reviewer still has to decide on: the best 5 memory matches from 75 %, differences highlighted.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<MemoryMatch>> Matches { get; private set; } = new Dictionary<long, IReadOnlyList<MemoryMatch>>();

    public SignOffStatus? SignOff { get; private set; }

    /// <summary>Which engine back-translates this locale's targets, or why none does; null when the pipeline does not back-translate.</summary>
    public BackTranslationChoice? BackTranslation { get; private set; }

    /// <summary>The author's notes for reviewers by unit id, as the article's format reads them (a .resx entry's comment:
    /// the context for a short UI string); empty for a format without any.</summary>
    public IReadOnlyDictionary<string, string> Comments { get; private set; } = new Dictionary<string, string>();

    /// <summary>The format the article was read by: it names each segment for the reviewer.</summary>
    public IDocumentFormat? Format { get; private set; }

    /// <summary>What is shown under a segment's number: its kind, or a field's or a key's name, as the format says.</summary>
    public string Label(ReviewItem segment) => Format?.ReviewLabel(segment.UnitId, segment.Kind) ?? segment.Kind;

    public MqmScore? Quality { get; private set; }

    public ReviewAssignment? Assignment { get; private set; }

    /// <summary>The enabled medical reviewers of this locale, for the assignment form (managers and admins only).</summary>
    public IReadOnlyList<string> Reviewers { get; private set; } = [];

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
        ActAsync(id, null, () => review.ApproveAsync(id, Actor, version, overrideReason, cancellationToken), "Segment approved.", cancellationToken, nextOpen: true);

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
            cancellationToken,
            nextOpen: true);

    /// <summary>A question or an answer on a segment, for the other people working on the locale (its queue lists it).</summary>
    public async Task<IActionResult> OnPostCommentAsync(long id, string? body, CancellationToken cancellationToken)
    {
        var item = await reviewQueries.FindReviewItemAsync(id, cancellationToken);
        if (item is null || item.Slug != Slug || !string.Equals(item.Locale, Locale, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        if (!Actor.CanEdit(item.Locale) && !Actor.CanAssign)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return await RefuseAsync("Comment not posted: it is empty.", StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        await threads.AddAsync(new SegmentComment(id, item.Slug, item.Locale, Actor.Name, clock.GetUtcNow(), body.Trim()), cancellationToken);
        return Done("Comment posted.", fragment: $"segment-{item.Ordinal + 1}");
    }

    /// <summary>
    /// Approving every segment at once is asked twice: the first post shows how many segments it will approve and asks
    /// to confirm (a page, so it works without script); only the post that carries <paramref name="confirmed"/> acts.
    /// </summary>
    public async Task<IActionResult> OnPostApproveAllAsync(bool confirmed, CancellationToken cancellationToken)
    {
        if (!Actor.CanApprove(Locale))
        {
            return Forbid();
        }

        if (!confirmed)
        {
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            ApproveAllPlan = review.PlanApproveAll(Segments, Actor);
            return Page();
        }

        var result = await review.ApproveAllAsync(Slug, Locale, Actor, cancellationToken);
        var message = $"{"segment".ToQuantity(result.Approved)} approved."
            + (result.HeldSummary is { } held ? $" {held.Transform(To.SentenceCase)}: {string.Join(", ", result.Held.Select(h => $"segment {h.Number} ({h.Risk.Label})"))}." : string.Empty);
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

    /// <param name="nextOpen">After the action, go on to the next segment still waiting for a decision (approve and
    /// next); otherwise come back to the segment acted on, so the reviewer's place is never lost.</param>
    private async Task<IActionResult> ActAsync(long id, string? attemptedTarget, Func<Task> action, string? success, CancellationToken cancellationToken, bool nextOpen = false)
    {
        try
        {
            await action();
            var at = id == 0 ? null : nextOpen ? await NextOpenAsync(id, cancellationToken) : await NumberOfAsync(id, cancellationToken);
            return Done(success ?? Flash ?? "Saved.", fragment: at is { } number ? $"segment-{number}" : null);
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
        Segments = await reviewQueries.ListArticleSegmentsAsync(Slug, Locale, cancellationToken);
        if (Segments.Count == 0)
        {
            return false;
        }

        Shown = [.. Arrange(Segments)];
        Status = await statusQueries.FindStatusAsync(Slug, Locale, cancellationToken);
        var definition = pipelines.Find(Segments[0].Pipeline);
        var sourceLanguage = definition?.Source.Language ?? "en";
        BackTranslation = definition?.Locales.FirstOrDefault(l => l.Code == Locale) is { } target
            && !PseudoOutput.IsPseudoLocale(Locale)
            && (definition.OptionalSteps is null || definition.OptionalSteps.Contains(BackTranslationStep.StepName))
            ? backTranslationEngines.Choose(target, sourceLanguage)
            : null;
        var scores = new List<StoredReadability>();
        foreach (var locale in new[] { sourceLanguage, Locale })
        {
            if (await reviewAids.FindReadabilityAsync(Slug, locale, cancellationToken) is { } score)
            {
                scores.Add(score);
            }
        }

        Readability = scores;
        Glossary = await glossaries.LoadAsync(sourceLanguage, Locale, cancellationToken);
        var matches = new Dictionary<long, IReadOnlyList<MemoryMatch>>();
        foreach (var segment in Shown.Where(s => s.State is SegmentState.InReview or SegmentState.Rejected))
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
        var article = await articleStore.FindArticleAsync(Slug, cancellationToken);
        Format = article is null ? null : formats.Get(article.Format);
        // The stored source is the version the segments were taken from, and it was read once already: it parses.
        Comments = article is null || Format is null ? new Dictionary<string, string>() : Format.ReviewerComments(article.SourceText);
        EarlierSources = await history.ListEarlierSourcesAsync(Slug, Locale, cancellationToken);
        Thread = (await threads.ListForArticleAsync(Slug, Locale, cancellationToken)).ToLookup(c => c.TranslationId);
        SignOff = await signOff.InspectAsync(Slug, Locale, cancellationToken);
        Quality = MqmScore.From(Status?.Words ?? 0, await records.ListMqmSeveritiesAsync(Slug, Locale, cancellationToken));
        Assignment = (await records.ListAssignmentsAsync(cancellationToken)).FirstOrDefault(a => a.Slug == Slug && a.Locale == Locale);
        Reviewers = Actor.CanAssign ? await ReviewAssigning.ReviewersOfAsync(people, Locale, cancellationToken) : [];
        return true;
    }

    private RedirectResult Done(string message, bool isError = false, string? fragment = null)
    {
        Flash = message;
        FlashIsError = isError;
        return Redirect(PageUrl() + (fragment is null ? string.Empty : "#" + fragment));
    }

    /// <summary>This page with the filters in force, so a form posted from a filtered list comes back to it.</summary>
    public string PageUrl(string? handler = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("handler", handler);
        Add("state", State);
        Add("check", Check);
        Add("engine", Engine);
        Add("q", Q);
        Add("risk", Risk);
        Add("sort", Sort);
        return $"/review/{Uri.EscapeDataString(Locale)}/{Uri.EscapeDataString(Slug)}" + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }

    /// <summary>The number (1-based) of the next segment after this one that still waits for a decision, wrapping round.</summary>
    private async Task<int?> NextOpenAsync(long id, CancellationToken cancellationToken)
    {
        var all = await reviewQueries.ListArticleSegmentsAsync(Slug, Locale, cancellationToken);
        var current = all.FirstOrDefault(s => s.TranslationId == id);
        if (current is null)
        {
            return null;
        }

        // "Next" follows the order the page shows: document order, or the riskiest first.
        var shown = Arrange(all).ToList();
        var at = shown.FindIndex(s => s.TranslationId == id);
        var open = shown.Skip(at + 1).Concat(shown.Take(Math.Max(at, 0)))
            .FirstOrDefault(s => s.State is SegmentState.InReview or SegmentState.Rejected && s.TranslationId != id);
        return (open ?? current).Ordinal + 1;
    }

    private async Task<int?> NumberOfAsync(long id, CancellationToken cancellationToken) =>
        await reviewQueries.FindReviewItemAsync(id, cancellationToken) is { } item ? item.Ordinal + 1 : null;

    /// <summary>The segments the filters leave, in the order asked for (a stable sort keeps document order within a class).</summary>
    private IEnumerable<ReviewItem> Arrange(IEnumerable<ReviewItem> segments)
    {
        var text = Q?.Trim();
        var risk = SegmentRisk.Parse(Risk);
        var shown = segments.Where(s =>
            (string.IsNullOrEmpty(State) || string.Equals(s.State.ToString(), State, StringComparison.OrdinalIgnoreCase))
            && (risk is null || RiskOf(s).Class == risk)
            && (string.IsNullOrEmpty(Check) || s.Notes.Any(n => string.Equals(n.Origin.ToString(), Check, StringComparison.OrdinalIgnoreCase)))
            && (string.IsNullOrEmpty(Engine) || string.Equals(s.EngineId, Engine, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(text) || SegmentSearch.Contains(s.Source, text) || SegmentSearch.Contains(s.Target, text)));
        return SortsByRisk ? shown.OrderByDescending(s => RiskOf(s).Class) : shown;
    }
}

/// <summary>A save refused because someone else saved first: their version as it now stands, and the one not saved.</summary>
public sealed record SaveConflict(long TranslationId, string Message, ReviewItem? Theirs, string? YourTarget);
