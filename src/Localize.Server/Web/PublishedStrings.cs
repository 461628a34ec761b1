using System.Collections.Concurrent;
using System.Globalization;
using Localize.Core.Documents;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Workflow;
using Localize.Server.Public;

namespace Localize.Server.Web;

/// <summary>
/// A pipeline's interface strings as a website asks for them (<c>/api/strings?lang=es-MX</c>): for each neutral file of
/// a strings format (<see cref="IStringsFormat"/>: .resx), every key with the value of the most specific published culture file that has it — es-MX, then es, then the
/// neutral value — as ResourceManager falls back. Only published (approved and signed) culture files are read, so a
/// website never shows an unreviewed string.
/// </summary>
public sealed class PublishedStrings(
    IArticleStore articleStore, IStatusQueries statusQueries, IPublicationStore publicationStore, IContentStore content, IPipelineCatalog pipelines, DocumentFormatRegistry formats, PublishedSite site)
{
    private volatile AnswersOf _answers = new(SiteSnapshot.Empty);

    /// <returns>Null when the pipeline is not in force (or none has strings, when no name is given).</returns>
    public async Task<StringsAnswer?> FindAsync(string? pipeline, CultureInfo culture, CancellationToken cancellationToken)
    {
        var definition = pipeline is null ? pipelines.Pipelines.FirstOrDefault(p => p.Strings.Count > 0) : pipelines.Find(pipeline);
        if (definition is null)
        {
            return null;
        }

        // Answers last as long as the site's snapshot: a publication or a source edit moves the store's watermark and
        // rebuilds the site, so the next request reads afresh, and the requests in between do no database work.
        var snapshot = site.Current;
        var answers = _answers;
        if (!ReferenceEquals(answers.Snapshot, snapshot))
        {
            _answers = answers = new AnswersOf(snapshot);
        }

        var key = (definition.Name, culture.Name);
        if (!answers.ByRequest.TryGetValue(key, out var answer))
        {
            answer = await ReadAsync(definition, culture, cancellationToken);
            answers.ByRequest.TryAdd(key, answer);
        }

        return answer;
    }

    private async Task<StringsAnswer> ReadAsync(PipelineDefinition definition, CultureInfo culture, CancellationToken cancellationToken)
    {
        var chain = FallbackChain(culture);
        var resources = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var slugs = (await statusQueries.ListStatusAsync(definition.Name, cancellationToken)).Select(c => c.Slug).Distinct();
        foreach (var slug in slugs)
        {
            var article = await articleStore.FindArticleAsync(slug, cancellationToken);
            if (article is null || formats.Get(article.Format) is not IStringsFormat format)
            {
                continue;
            }

            var values = new Dictionary<string, string>(format.ReadStrings(article.SourceText), StringComparer.Ordinal);

            // Least specific first, so es-MX overrides es, which overrides the neutral value.
            foreach (var locale in chain.Reverse())
            {
                var publication = await publicationStore.FindLatestPublicationAsync(slug, locale, cancellationToken);
                var published = publication is null ? null : await content.ReadAsync(publication.Path, cancellationToken);
                if (published is null)
                {
                    continue;
                }

                foreach (var (key, value) in format.ReadStrings(published))
                {
                    if (values.ContainsKey(key))
                    {
                        values[key] = value;
                    }
                }
            }

            resources[format.ResourceName(definition, article.Path)] = values;
        }

        return new StringsAnswer(definition.Name, culture.Name, chain, resources);
    }

    /// <summary>es-MX → [es-MX, es]; the neutral values are the last resort.</summary>
    public static IReadOnlyList<string> FallbackChain(CultureInfo culture)
    {
        var chain = new List<string>();
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            chain.Add(c.Name);
        }

        return chain;
    }

    /// <summary>The answers read while <paramref name="Snapshot"/> was the site's; keyed by pipeline and culture, both known names.</summary>
    private sealed record AnswersOf(SiteSnapshot Snapshot)
    {
        public ConcurrentDictionary<(string Pipeline, string Culture), StringsAnswer> ByRequest { get; } = new();
    }
}

/// <param name="Cultures">The fallback chain used, most specific first; keys missing from all of them have the neutral value.</param>
/// <param name="Resources">Resource name (the neutral file's path below its strings folder, without .resx) → key → value.</param>
public sealed record StringsAnswer(string Pipeline, string Lang, IReadOnlyList<string> Cultures, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Resources);
