using Localize.Core.Workflow;

namespace Localize.Server.Public;

/// <summary>An entry of <c>GET /api/articles</c>: one article and the locales it can be read in.</summary>
public sealed record ArticleSummary(string Slug, string Title, IReadOnlyList<ArticleLocaleSummary> Locales);

/// <param name="Url">The page for this locale, relative to the site.</param>
/// <param name="IsSource">The original (source-language) article rather than a reviewed translation.</param>
public sealed record ArticleLocaleSummary(string Locale, string Title, string Url, int? Version, bool Outdated, bool IsSource);

/// <summary>
/// <c>GET /api/articles/{slug}</c>: the article in the negotiated locale, rendered and sanitised, with its version
/// and review record.
/// </summary>
/// <param name="Outdated">The source changed since this translation was approved; a newer one is in review.</param>
/// <param name="RestoredVersion">Set when the version online is a rollback to an earlier one.</param>
public sealed record ArticleDocument(
    string Slug,
    string Locale,
    string Title,
    string? Description,
    string Html,
    bool IsSource,
    int? Version,
    int? RestoredVersion,
    bool Outdated,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    IReadOnlyList<string> ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string Url,
    IReadOnlyList<ArticleLocaleSummary> Alternates);

/// <summary>One numbered version in <c>GET /api/articles/{slug}/{locale}/versions</c>.</summary>
public sealed record VersionDocument(
    int Version, string ContentSha256, string SourceSha256, string PublishedBy, DateTimeOffset PublishedAt,
    IReadOnlyList<string> ReviewedBy, DateTimeOffset? ReviewedAt, int? RestoredVersion, bool Unpublished, bool Online)
{
    public static VersionDocument For(Publication v, bool latest) =>
        new(v.Version, v.ContentHash, v.SourceHash, v.PublishedBy, v.PublishedAt, v.Reviewers, v.ReviewedAt, v.RestoredVersion, v.Unpublished, latest && !v.Unpublished);
}

/// <summary>The body of <c>POST /api/articles/{slug}/{locale}/rollback</c>.</summary>
/// <param name="To">The version to restore; omitted means the one before what is online.</param>
/// <remarks>Who decided it is the signed-in account, which the audit trail records.</remarks>
public sealed record RollbackRequest(int? To);
