using System.Globalization;
using Localize.Core.Workflow;

namespace Localize.Core.Publishing;

/// <summary>What a published version says about itself in stores that keep metadata (blob storage): ASCII keys and values.</summary>
public static class ContentMetadata
{
    /// <param name="outdated">The English source changed since this version's was approved (kept current by <see cref="OutdatedMetadataStep"/>).</param>
    public static IReadOnlyDictionary<string, string> For(Publication publication, bool outdated) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["slug"] = publication.Slug,
        ["locale"] = publication.Locale,
        ["version"] = publication.Version.ToString(CultureInfo.InvariantCulture),
        ["contentsha256"] = publication.ContentHash,
        ["sourcesha256"] = publication.SourceHash,
        ["publishedat"] = publication.PublishedAt.ToString("O", CultureInfo.InvariantCulture),
        ["restoredversion"] = publication.RestoredVersion?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ["outdated"] = outdated ? "true" : "false",
    };
}
