using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>
/// What a segment said over time, for the reviewer's history panel: each change record with, where the change altered
/// the words, the target it left and the source it translated then.
/// </summary>
public interface ISegmentHistoryStore
{
    /// <summary>A translation's change records, oldest first, each with the text it left when it changed the text.</summary>
    Task<IReadOnlyList<SegmentHistoryEntry>> ListHistoryAsync(long translationId, CancellationToken cancellationToken);

    /// <summary>
    /// For the segments of an article × locale whose source changed since they were last translated: the source as it
    /// was before the change, by translation id.
    /// </summary>
    Task<IReadOnlyDictionary<long, string>> ListEarlierSourcesAsync(string slug, string locale, CancellationToken cancellationToken);
}

/// <param name="Text">The source and target right after this change, when it changed either; null when it changed
/// only the state (an approval, a rejection) or when the change predates the history of texts.</param>
public sealed record SegmentHistoryEntry(ChangeRecord Change, SegmentText? Text);

public sealed record SegmentText(string Source, string? Target);

/// <summary>The comment thread of each segment: questions and answers between the editor and the reviewer.</summary>
public interface ISegmentCommentStore
{
    Task AddAsync(SegmentComment comment, CancellationToken cancellationToken);

    /// <summary>Every comment on the segments of an article × locale, oldest first.</summary>
    Task<IReadOnlyList<SegmentComment>> ListForArticleAsync(string slug, string locale, CancellationToken cancellationToken);

    /// <summary>Every comment in a locale, oldest first, for its queue.</summary>
    Task<IReadOnlyList<SegmentComment>> ListForLocaleAsync(string locale, CancellationToken cancellationToken);
}

public sealed record SegmentComment(long TranslationId, string Slug, string Locale, string Author, DateTimeOffset At, string Body);
