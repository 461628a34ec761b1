using Localize.Core.Workflow;

namespace Localize.Storage.Workflow;

/// <summary>
/// How a <see cref="SegmentState"/> is written in the <c>state</c>, <c>from_state</c> and <c>to_state</c> columns, in
/// one place: queries pass states as parameters built here (never as SQL literals) and read them back here. The text
/// is the state's name, as every database written so far holds it (the audit chain hashes it), so the mapping is
/// spelled out rather than left to <c>ToString</c>: renaming a state in C# must not change what is stored.
/// </summary>
internal static class SegmentStateColumn
{
    private static readonly Dictionary<SegmentState, string> Texts = new()
    {
        [SegmentState.New] = "New",
        [SegmentState.MachineTranslated] = "MachineTranslated",
        [SegmentState.InReview] = "InReview",
        [SegmentState.Approved] = "Approved",
        [SegmentState.Rejected] = "Rejected",
        [SegmentState.Outdated] = "Outdated",
    };

    private static readonly Dictionary<string, SegmentState> States = Texts.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>States waiting for a machine (or memory).</summary>
    public static readonly string[] Pending = Of(SegmentState.New, SegmentState.Outdated);

    /// <summary>States whose target a reviewer has seen or is seeing.</summary>
    public static readonly string[] Reviewed = Of(SegmentState.InReview, SegmentState.Approved);

    /// <summary>States whose notes are still open (not yet approved, not waiting for a machine).</summary>
    public static readonly string[] OpenFindings = Of(SegmentState.MachineTranslated, SegmentState.InReview, SegmentState.Rejected);

    public static string Write(SegmentState state) => Texts[state];

    public static SegmentState Read(string text) =>
        States.TryGetValue(text, out var state) ? state : throw new FormatException($"'{text}' is not a segment state");

    /// <summary>A list parameter for <see cref="SqlDialectExtensions.InList"/>.</summary>
    public static string[] Of(params SegmentState[] states) => [.. states.Select(Write)];
}
