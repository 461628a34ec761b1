using Localize.Core.Documents;

namespace Localize.Core.Workflow;

/// <summary>
/// The articles as the intake last accepted them (source, segments, format), and the source files it could not use.
/// </summary>
public interface IArticleStore
{
    /// <summary>The stored version of an article, or null if it was never stored.</summary>
    Task<StoredArticle?> FindArticleAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new version of an article in one transaction: applies the alignment with the stored version (unchanged
    /// segments keep their translations, changed ones become outdated, added ones are new, removed ones retire) and
    /// makes sure every segment has a translation row for every locale. The format that read the version is stored
    /// with the article, and says how its segments are matched with the stored ones.
    /// </summary>
    Task<SyncSummary> SaveArticleAsync(ArticleVersion version, IDocumentFormat format, string pipeline, IReadOnlyList<string> locales, string actor, CancellationToken cancellationToken);

    Task RecordSourceErrorAsync(SourceError error, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the errors of files under <paramref name="folder"/> that are now fine or gone; the paths in
    /// <paramref name="stillFailing"/> keep theirs.
    /// </summary>
    Task ClearSourceErrorsAsync(string folder, IReadOnlyCollection<string> stillFailing, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceError>> ListSourceErrorsAsync(CancellationToken cancellationToken);
}
