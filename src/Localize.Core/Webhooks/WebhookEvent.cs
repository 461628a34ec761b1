using System.Text.Json;
using Localize.Core.Workflow;

namespace Localize.Core.Webhooks;

/// <summary>
/// What a subscriber is told about a publication: <c>article.published</c>, <c>article.rolled_back</c> or
/// <c>article.unpublished</c>, with the
/// version, hashes and who did it. The id names the publication, so the same event always has the same id.
/// </summary>
public static class WebhookEvent
{
    public const string Published = "article.published";
    public const string RolledBack = "article.rolled_back";
    public const string Unpublished = "article.unpublished";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string IdFor(Publication publication) => $"{publication.Locale}/{publication.Slug}/v{publication.Version}";

    public static string TypeOf(Publication publication) =>
        publication.Unpublished ? Unpublished : publication.RestoredVersion is null ? Published : RolledBack;

    public static string Payload(Publication publication) => JsonSerializer.Serialize(
        new
        {
            id = IdFor(publication),
            type = TypeOf(publication),
            occurredAt = publication.PublishedAt,
            article = new
            {
                slug = publication.Slug,
                locale = publication.Locale,
                version = publication.Version,
                restoredVersion = publication.RestoredVersion,
                contentSha256 = publication.ContentHash,
                sourceSha256 = publication.SourceHash,
                publishedBy = publication.PublishedBy,
                reviewedBy = publication.Reviewers,
                url = $"/{publication.Locale}/{publication.Slug}",
            },
        },
        Json);
}
