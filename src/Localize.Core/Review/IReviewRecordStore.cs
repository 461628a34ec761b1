using Localize.Core.Workflow;

namespace Localize.Core.Review;

/// <summary>
/// What review adds beside the segment workflow: MQM issues found in targets, article sign-offs (electronic
/// signatures bound to a content hash), and who is assigned to review an article × locale by when.
/// </summary>
public interface IReviewRecordStore
{
    Task RecordMqmIssueAsync(long translationId, string slug, string locale, MqmIssue issue, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<MqmSeverity>> ListMqmSeveritiesAsync(string slug, string locale, CancellationToken cancellationToken);

    /// <summary>Stores a signature and its change records (one per segment signed) in one transaction.</summary>
    Task RecordSignatureAsync(ArticleSignature signature, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken);

    /// <summary>The latest signature of an article × locale, whatever content it was made for.</summary>
    Task<ArticleSignature?> FindLatestSignatureAsync(string slug, string locale, CancellationToken cancellationToken);

    /// <summary>A signature on exactly this content of this source, whenever it was made; null when none was.</summary>
    Task<ArticleSignature?> FindSignatureAsync(string slug, string locale, string contentHash, string sourceHash, CancellationToken cancellationToken);

    Task AssignAsync(ReviewAssignment assignment, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewAssignment>> ListAssignmentsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// An electronic signature on one localized article: who, when, what it means, and the SHA-256 of exactly the content
/// signed (the merged Markdown), so that any later change to that content voids it for publishing.
/// </summary>
public sealed record ArticleSignature(string Slug, string Locale, string ContentHash, string SourceHash, string SignedBy, DateTimeOffset SignedAt, string Meaning);

/// <summary>Who a manager asked to review an article × locale, and by when.</summary>
public sealed record ReviewAssignment(string Slug, string Locale, string Assignee, DateTimeOffset? DueAt, string AssignedBy, DateTimeOffset AssignedAt);
