using Localize.Core.Translation;

namespace Localize.Core.Workflow;

/// <summary>
/// One segment's translation into one locale, and the only place its state changes. Every transition is an explicit
/// method that returns the change record (who, when, what) the store must persist with the new state.
/// </summary>
public sealed class SegmentTranslation
{
    public SegmentTranslation(
        long id,
        long segmentId,
        string locale,
        SegmentState state,
        string? target,
        string? machineTarget,
        string? engineId,
        IReadOnlyList<string> approvers,
        int version,
        string? editedBy = null)
    {
        Id = id;
        SegmentId = segmentId;
        Locale = locale;
        State = state;
        Target = target;
        MachineTarget = machineTarget;
        EngineId = engineId;
        _approvers = [.. approvers];
        Version = version;
        EditedBy = editedBy;
    }

    private readonly List<string> _approvers;

    public long Id { get; }

    public long SegmentId { get; }

    public string Locale { get; }

    public SegmentState State { get; private set; }

    /// <summary>The current target text (machine output until a person edits it).</summary>
    public string? Target { get; private set; }

    /// <summary>What the engine produced, kept beside any human edit.</summary>
    public string? MachineTarget { get; private set; }

    public string? EngineId { get; private set; }

    /// <summary>Who approved the current target; an edit or a new machine translation clears it.</summary>
    public IReadOnlyList<string> Approvers => _approvers;

    /// <summary>Who wrote the current target by hand; null while it is the engine's. Four-eyes: they cannot approve it.</summary>
    public string? EditedBy { get; private set; }

    /// <summary>The target is pseudo-localised text in a real locale (see <see cref="PseudoOutput"/>): never approvable.</summary>
    public bool HoldsPseudoOutput => PseudoOutput.IsHeldBy(Locale, EngineId, Target, EditedBy);

    /// <summary>Row version for optimistic concurrency: a save that read an older version is refused.</summary>
    public int Version { get; }

    public ChangeRecord RecordMachineTranslation(string target, string engineId, string actor, DateTimeOffset at) =>
        Fill(target, target, engineId, SegmentState.MachineTranslated, actor, at, $"machine-translated by {engineId}");

    /// <summary>
    /// The engine's output is unusable (it broke the inline codes), and paying again would buy the same: the segment
    /// goes to review with the source as a draft, for a person to translate. The untranslated check blocks approving
    /// the draft as it is.
    /// </summary>
    public ChangeRecord RequestHumanTranslation(string draft, string engineId, string reason, string actor, DateTimeOffset at) =>
        Fill(draft, null, engineId, SegmentState.InReview, actor, at, $"{engineId} output unusable ({reason}); queued for translation by hand");

    public ChangeRecord SubmitForReview(string actor, DateTimeOffset at)
    {
        Require(SegmentState.MachineTranslated);
        var from = State;
        State = SegmentState.InReview;
        return Record(from, actor, at, "queued for review");
    }

    /// <summary>
    /// One reviewer's approval. The segment counts as approved once <paramref name="requiredApprovals"/> distinct
    /// reviewers have approved the same target (the pipeline's review rule).
    /// </summary>
    public ChangeRecord Approve(string reviewer, int requiredApprovals, DateTimeOffset at)
    {
        Require(SegmentState.InReview);
        if (HoldsPseudoOutput)
        {
            throw new InvalidTransitionException(PseudoOutput.Refusal($"segment {SegmentId} ({Locale})"));
        }

        if (_approvers.Contains(reviewer, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidTransitionException($"{reviewer} has already approved this target; another reviewer must");
        }

        if (EditedBy is { } editor && string.Equals(editor, reviewer, StringComparison.OrdinalIgnoreCase))
        {
            // Four-eyes (ISO 17100 revision): the person who wrote a target is not the one to pass it.
            throw new InvalidTransitionException($"{reviewer} edited this target, so cannot approve it; a second reviewer of this locale must");
        }

        var from = State;
        _approvers.Add(reviewer);
        if (_approvers.Count >= requiredApprovals)
        {
            State = SegmentState.Approved;
            return Record(from, reviewer, at, "approved");
        }

        return Record(from, reviewer, at, $"approval {_approvers.Count} of {requiredApprovals}");
    }

    public ChangeRecord Reject(string reviewer, string reason, DateTimeOffset at)
    {
        Require(SegmentState.InReview);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidTransitionException("a rejection needs a reason");
        }

        var from = State;
        State = SegmentState.Rejected;
        return Record(from, reviewer, at, $"rejected: {reason}");
    }

    /// <summary>A person's new target; it goes (back) to review, even from approved.</summary>
    public ChangeRecord Edit(string editor, string newTarget, DateTimeOffset at)
    {
        Require(SegmentState.InReview, SegmentState.Rejected, SegmentState.Approved);
        var from = State;
        Target = newTarget;
        EditedBy = editor;
        _approvers.Clear();
        State = SegmentState.InReview;
        return Record(from, editor, at, "target edited");
    }

    /// <summary>
    /// Translation memory had this very source: the remembered target is prefilled (nothing to pay an engine for) and
    /// still goes to a reviewer, because the sentences around it differ.
    /// </summary>
    public ChangeRecord ApplyExactMemoryMatch(string target, string memoryReference, string actor, DateTimeOffset at) =>
        Fill(target, null, MemoryEngineId, SegmentState.InReview, actor, at, $"exact match (100 %) from {memoryReference}; queued for review");

    /// <summary>
    /// Translation memory had this source with the same neighbours in the same article, approved by a person: the
    /// industry's "101 %" is reused without another review. The change record names the memory unit it came from.
    /// </summary>
    public ChangeRecord ApplyInContextMemoryMatch(string target, string memoryReference, string actor, DateTimeOffset at) =>
        Fill(target, null, MemoryEngineId, SegmentState.Approved, actor, at, $"in-context match (101 %) from {memoryReference}; approval reused without re-review");

    /// <summary>
    /// The source changed only cosmetically (see <c>CosmeticChangeRule</c>): the state and the approvals stand and the
    /// target takes the mechanical update. Only a target that exists can be kept.
    /// </summary>
    public ChangeRecord KeepApprovalAfterCosmeticChange(string newTarget, string actor, DateTimeOffset at)
    {
        Require(SegmentState.MachineTranslated, SegmentState.InReview, SegmentState.Approved, SegmentState.Rejected);
        var from = State;
        Target = newTarget;
        return Record(from, actor, at, "source changed cosmetically (white space, quotes, trailing punctuation or emphasis markers); target updated mechanically, state kept");
    }

    /// <summary>The engine id a target taken from translation memory carries.</summary>
    public const string MemoryEngineId = "memory";

    /// <summary>The source sentence changed: whatever the state, the target must be made and reviewed again.</summary>
    public ChangeRecord MarkOutdated(string actor, DateTimeOffset at) => SendBackToMachine(actor, at, "source changed");

    /// <summary>
    /// The target is to be made again by the machine-translation step (pseudo output, now that the real engine can run):
    /// it waits for the engine as an outdated segment does, and the change record says why.
    /// </summary>
    public ChangeRecord RequestRetranslation(string reason, string actor, DateTimeOffset at)
    {
        Require(SegmentState.MachineTranslated, SegmentState.InReview, SegmentState.Approved, SegmentState.Rejected);
        return SendBackToMachine(actor, at, $"sent back to machine translation: {reason}");
    }

    private ChangeRecord SendBackToMachine(string actor, DateTimeOffset at, string detail)
    {
        var from = State;
        _approvers.Clear();
        State = SegmentState.Outdated;
        return Record(from, actor, at, detail);
    }

    /// <summary>
    /// A new or outdated segment gets a fresh target from somewhere other than a person's edit (an engine, memory, the
    /// source as a draft): earlier approvals and the earlier editor no longer apply to it.
    /// </summary>
    private ChangeRecord Fill(string target, string? machineTarget, string engineId, SegmentState to, string actor, DateTimeOffset at, string detail)
    {
        Require(SegmentState.New, SegmentState.Outdated);
        var from = State;
        Target = target;
        MachineTarget = machineTarget;
        EngineId = engineId;
        EditedBy = null;
        _approvers.Clear();
        State = to;
        return Record(from, actor, at, detail);
    }

    private void Require(params SegmentState[] allowed)
    {
        if (Array.IndexOf(allowed, State) < 0)
        {
            throw new InvalidTransitionException(
                $"segment {SegmentId} ({Locale}) is {State}; this needs {string.Join(" or ", allowed)}");
        }
    }

    private ChangeRecord Record(SegmentState from, string actor, DateTimeOffset at, string detail) =>
        new(Id, from, State, actor, at, detail);
}

/// <summary>Who moved a translation from one state to another, when, and why.</summary>
public sealed record ChangeRecord(
    long TranslationId,
    SegmentState From,
    SegmentState To,
    string Actor,
    DateTimeOffset At,
    string Detail);

public sealed class InvalidTransitionException(string message) : InvalidOperationException(message);
