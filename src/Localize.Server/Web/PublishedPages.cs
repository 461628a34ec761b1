using Localize.Core.Documents;
using Localize.Core.Publishing;
using Localize.Core.Workflow;

namespace Localize.Server.Web;

/// <summary>The public site's view of what is published: the latest version of each article × locale, rendered.</summary>
public sealed class PublishedPages(IWorkflowStore store, IContentStore content)
{
    public async Task<PublishedArticle?> FindAsync(string locale, string slug, CancellationToken cancellationToken)
    {
        var publication = await store.FindLatestPublicationAsync(slug, locale, cancellationToken);
        if (publication is null || DocumentFormats.IsResx(publication.Path))
        {
            return null;
        }

        var markdown = await content.ReadAsync(publication.Path, cancellationToken);
        if (markdown is null)
        {
            return null;
        }

        var article = await store.FindArticleAsync(slug, cancellationToken);
        var outdated = article is not null && article.SourceHash != publication.SourceHash;
        return new PublishedArticle(publication, PublishedPageRenderer.Render(markdown), outdated);
    }

    /// <summary>The published articles; .resx culture files are interface strings, served by <c>/api/strings</c>, not pages.</summary>
    public async Task<IReadOnlyList<Publication>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListLatestPublicationsAsync(cancellationToken)).Where(p => !DocumentFormats.IsResx(p.Path))];
}

/// <param name="IsOutdated">The English source changed since this version was approved; a newer one is in review.</param>
public sealed record PublishedArticle(Publication Publication, PublishedPage Page, bool IsOutdated);
