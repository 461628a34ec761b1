namespace Localize.Core.Content;

/// <summary>A document rebuilt with its targets: the file's text in the target language, or why segments failed.</summary>
public sealed record MergeResult(string? Text, IReadOnlyList<MergeFailure> Failures)
{
    public bool Succeeded => Text is not null && Failures.Count == 0;
}

/// <summary>Why one segment could not be merged.</summary>
public sealed record MergeFailure(int SegmentIndex, string Message);
