namespace Localize.Core.Workflow;

/// <summary>
/// The article × locale matrix: how many segments of each article are in each state per locale, and what is published.
/// A caller asks for the part it needs; the database does the filtering.
/// </summary>
public interface IStatusQueries
{
    /// <summary>Every cell, by slug then locale.</summary>
    Task<IReadOnlyList<ArticleLocaleStatus>> ListStatusAsync(CancellationToken cancellationToken);

    /// <summary>The cells of the articles one pipeline keeps, by slug then locale.</summary>
    Task<IReadOnlyList<ArticleLocaleStatus>> ListStatusAsync(string pipeline, CancellationToken cancellationToken);

    /// <summary>One cell; null when the article or the locale is unknown.</summary>
    Task<ArticleLocaleStatus?> FindStatusAsync(string slug, string locale, CancellationToken cancellationToken);
}
