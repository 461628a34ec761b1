using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Dashboard;

/// <summary>Where one article × locale stands as a whole, the one word a manager reads in the matrix.</summary>
public enum ArticleLocaleState
{
    /// <summary>No segment has a target yet.</summary>
    Untranslated,

    /// <summary>Some segments still wait for the machine (new or outdated).</summary>
    InMachineTranslation,

    /// <summary>Every segment has a target; some are in review or rejected.</summary>
    InReview,

    /// <summary>Every segment approved; not signed off for this content yet.</summary>
    Approved,

    /// <summary>Approved and signed off since the last change; the worker publishes it on its next run.</summary>
    Signed,

    /// <summary>The published version is the current one.</summary>
    Published,

    /// <summary>Published, but the English source changed since: the page stays online, marked outdated.</summary>
    Outdated,
}

public static class ArticleLocaleStates
{
    /// <summary>The word used in JSON and in the page's CSS classes: <c>untranslated</c>, <c>in-mt</c>, <c>in-review</c> …</summary>
    public static string Id(this ArticleLocaleState state) => state switch
    {
        ArticleLocaleState.InMachineTranslation => "in-mt",
        ArticleLocaleState.InReview => "in-review",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>The words a person reads.</summary>
    public static string Label(this ArticleLocaleState state) => state switch
    {
        ArticleLocaleState.InMachineTranslation => "in MT",
        ArticleLocaleState.InReview => "in review",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The first that holds: outdated (published, source changed since), published (current version online, every
    /// segment approved), untranslated, in MT, in review, signed (a signature on this source made after the last
    /// change), approved.
    /// </summary>
    public static ArticleLocaleState Classify(ArticleLocaleStatus cell, string? currentSourceHash, ArticleSignature? latestSignature)
    {
        var count = (SegmentState s) => cell.ByState.GetValueOrDefault(s);
        if (cell.PublishedVersion is not null && cell.PublishedIsOutdated)
        {
            return ArticleLocaleState.Outdated;
        }

        if (cell.PublishedVersion is not null && cell.IsFullyApproved)
        {
            return ArticleLocaleState.Published;
        }

        if (count(SegmentState.New) == cell.Segments)
        {
            return ArticleLocaleState.Untranslated;
        }

        if (count(SegmentState.New) + count(SegmentState.Outdated) + count(SegmentState.MachineTranslated) > 0)
        {
            return ArticleLocaleState.InMachineTranslation;
        }

        if (!cell.IsFullyApproved)
        {
            return ArticleLocaleState.InReview;
        }

        return latestSignature is not null && latestSignature.SourceHash == currentSourceHash && latestSignature.SignedAt >= cell.UpdatedAt
            ? ArticleLocaleState.Signed
            : ArticleLocaleState.Approved;
    }
}
