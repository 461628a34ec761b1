namespace Localize.Core.Workflow;

/// <summary>
/// Where one segment's translation into one locale stands. Transitions are the methods of
/// <see cref="SegmentTranslation"/>; nothing else changes a state.
/// </summary>
public enum SegmentState
{
    /// <summary>Waiting for machine translation (or memory).</summary>
    New,

    /// <summary>Machine output stored, not yet queued.</summary>
    MachineTranslated,

    /// <summary>In the review queue.</summary>
    InReview,

    /// <summary>A reviewer approved the target.</summary>
    Approved,

    /// <summary>A reviewer rejected the target; it needs an edit.</summary>
    Rejected,

    /// <summary>The source changed after the target was made; it goes back through translation and review.</summary>
    Outdated,
}
