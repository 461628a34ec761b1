using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Localize.Core.Review;
using Localize.Core.Workflow;

namespace Localize.Core.Audit;

/// <summary>
/// Binds the rows that matter (translations, signatures, publications) to the audit trail: the record that changes a
/// row carries the row's key and a digest of what the row holds afterwards, sealed with the record. A row edited
/// behind the application's back no longer matches the digest of its last record, and <c>audit verify</c> names it.
/// </summary>
public static class AuditRows
{
    public const string TranslationsTable = "translations";
    public const string SignaturesTable = "signatures";
    public const string PublicationsTable = "publications";

    /// <summary>The version a translation row starts at (the schema's default), before any record is written for it.</summary>
    public const int FirstTranslationVersion = 1;

    public static string TranslationKey(long id) => $"{TranslationsTable}:{id.ToString(CultureInfo.InvariantCulture)}";

    public static string SignatureKey(long id) => $"{SignaturesTable}:{id.ToString(CultureInfo.InvariantCulture)}";

    public static string PublicationKey(string slug, string locale, int version) =>
        $"{PublicationsTable}:{locale}/{slug}/{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What review decided about a segment: its state, its target, its version and who approved it.</summary>
    public static string TranslationDigest(SegmentState state, string? target, int version, IReadOnlyList<string> approvers) =>
        Digest(state.ToString(), target ?? "\0null", Number(version), string.Join('\n', approvers));

    /// <summary>
    /// A translation no record was ever written for: intake creates it New, with nothing in it; anything else
    /// happened outside the application.
    /// </summary>
    public static bool IsUntouched(SegmentState state, string? target, int version, IReadOnlyList<string> approvers) =>
        state == SegmentState.New && target is null && version == FirstTranslationVersion && approvers.Count == 0;

    public static string SignatureDigest(ArticleSignature signature) => Digest(
        signature.Slug, signature.Locale, signature.ContentHash, signature.SourceHash, signature.SignedBy, Time(signature.SignedAt), signature.Meaning);

    /// <summary>What the signature's digest may have been sealed as before times were kept to the microsecond (<see cref="SealedTimes"/>).</summary>
    public static IEnumerable<string> SignatureDigestsSealedBefore(ArticleSignature signature) =>
        SealedTimes.AsSealed(signature.SignedAt).Skip(1).Select(at => SignatureDigest(signature with { SignedAt = at }));

    /// <summary>What the publication's digest may have been sealed as before times were kept to the microsecond (<see cref="SealedTimes"/>).</summary>
    public static IEnumerable<string> PublicationDigestsSealedBefore(Publication publication) =>
        SealedTimes.AsSealed(publication.PublishedAt, publication.ReviewedAt).Skip(1)
            .Select(at => PublicationDigest(publication with { PublishedAt = at.First, ReviewedAt = at.Second }));

    public static string PublicationDigest(Publication publication) => Digest(
        publication.Slug,
        publication.Locale,
        Number(publication.Version),
        publication.ContentHash,
        publication.SourceHash,
        publication.Path,
        publication.PublishedBy,
        Time(publication.PublishedAt),
        string.Join('\n', publication.Reviewers),
        publication.ReviewedAt is { } reviewedAt ? Time(reviewedAt) : "\0null",
        publication.RestoredVersion is { } restored ? Number(restored) : "\0null",
        publication.Unpublished ? "unpublished" : "online");

    // Each field prefixed with its length, so that no two different rows can run together into the same text.
    private static string Digest(params string[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>A row as it stands now, with the digest the trail must hold for it.</summary>
/// <param name="Key">The row key records carry (<see cref="AuditRows.TranslationKey"/> …).</param>
/// <param name="Names">The row for a person: table, article, locale and segment or version.</param>
/// <param name="MayBeUnrecorded">True for a translation intake created and nothing changed since: it needs no record.</param>
public sealed record BoundRow(string Key, string Digest, string Names, bool MayBeUnrecorded = false)
{
    /// <summary>Other digests a record may hold for the row as it is (computed only when <see cref="Digest"/> does not match).</summary>
    public IEnumerable<string> AlsoSealedAs { get; init; } = [];

    /// <summary>Whether a record's digest describes the row as it is.</summary>
    public bool IsDescribedBy(string recordDigest) => recordDigest == Digest || AlsoSealedAs.Contains(recordDigest, StringComparer.Ordinal);
}
